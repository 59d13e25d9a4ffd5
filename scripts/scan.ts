/**
 * `npm run scan -- PAGE [--dataset FILE]`: prints one JSON object per mention found in a saved
 * page (HTML or plain text), sorted by position. For dataset authors, and for checking what the
 * extension would find on a page.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { compileMatcherTable } from "../src/core/compile-matcher-table.ts";
import type { MatcherTable } from "../src/core/matcher-table.ts";
import { Matcher } from "../src/core/matcher.ts";
import { bundledMatcherTable } from "./lib/bundled-matcher-table.ts";
import { readDatasetFile } from "./lib/read-dataset-file.ts";
import { scanPage } from "./lib/scan-page.ts";

const usage = "usage: npm run scan -- PAGE [--dataset FILE]";

function fail(message: string): never {
  console.error(`scan: ${message}`);
  process.exit(1);
}

/** The command line, or the usage and exit 1 when it cannot be read. */
function readArguments() {
  try {
    return parseArgs({ allowPositionals: true, options: { dataset: { type: "string" }, help: { type: "boolean", short: "h" } } });
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
}
const args = readArguments();
if (args.values.help) {
  console.log(usage);
  process.exit(0);
}
const [page, ...extra] = args.positionals;
if (page === undefined || extra.length > 0) fail(usage);

// The bundled table as the build makes it (names and the lexicon of names not ours); another
// dataset is compiled with the same lexicon, as the extension would run it beside the bundled one.
let table: MatcherTable;
try {
  const bundled = await bundledMatcherTable();
  table = bundled.table;
  if (args.values.dataset !== undefined) {
    const dataset = await readDatasetFile(args.values.dataset);
    if (!dataset.ok) fail(`invalid dataset ${args.values.dataset}:\n${dataset.problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")}`);
    table = compileMatcherTable([dataset.dataset], bundled.lexicon);
  }
} catch (error) {
  fail((error as Error).message);
}
let content: string;
try {
  content = await readFile(page, "utf8");
} catch (error) {
  fail(`cannot read ${page}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
}
const matcher = new Matcher(table);
for (const record of scanPage(page, content, matcher)) console.log(JSON.stringify(record));
