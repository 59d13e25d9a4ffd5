/**
 * `npx tsx scripts/check-dataset.ts [--import] FILE…`: validates dataset files and prints each
 * problem with its JSON path. Exits 1 when any file has a problem.
 *
 * Then runs the attribution check (`src/core/check-attribution.ts`) and prints each warning with
 * its JSON path; a warning the fact's `attributionNote` explains is counted, not failed. Exits 1
 * when a file has a problem or an unexplained attribution warning.
 *
 * With `--import`, checks each file as the settings page checks a dataset a reader imports: at
 * most 2 MB, every source's text inline (no `textFile`), an id other than the bundled dataset's;
 * and lists the names the bundled dataset already has, which it keeps. Attribution warnings are
 * printed but, as on the settings page, do not fail an import.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { checkAttribution } from "../src/core/check-attribution.ts";
import { compileMatcherTable } from "../src/core/compile-matcher-table.ts";
import { contestedAliases, importSizeProblem, parseDatasetImport, type ImportParse } from "../src/core/dataset-import.ts";
import { BUNDLED_DATASET, readDatasetFile } from "./lib/read-dataset-file.ts";

const { values, positionals: files } = parseArgs({ options: { import: { type: "boolean" } }, allowPositionals: true });
if (files.length === 0) {
  console.error("usage: check-dataset [--import] FILE.json [FILE.json …]");
  process.exit(2);
}

const bundled = values.import ? await readDatasetFile(BUNDLED_DATASET) : null;
if (bundled !== null && !bundled.ok) {
  console.error("the bundled dataset is invalid; run check-dataset on it first");
  process.exit(2);
}

/** Checks a file as an import: the size before reading, then the text. */
async function checkImport(file: string): Promise<ImportParse> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { ok: false, problems: [{ path: "$", code: "schema", message: `cannot read ${file}: ${(error as Error).message}` }] };
  }
  const tooLarge = importSizeProblem(bytes.length);
  if (tooLarge !== null) return { ok: false, problems: [tooLarge] };
  return parseDatasetImport(bytes.toString("utf8"), { bundledId: bundled!.ok ? bundled!.dataset.id : "" });
}

let failed = false;
for (const file of files) {
  const result = values.import ? await checkImport(file) : await readDatasetFile(file);
  if (result.ok) {
    const { entities, facts, sources } = result.dataset;
    console.log(`${file}: ok (${entities.length} entities, ${facts.length} facts, ${sources.length} sources)`);
    const warnings = checkAttribution(result.dataset);
    const unexplained = warnings.filter((w) => !w.explained);
    console.log(`  attribution: ${unexplained.length} unexplained warning(s), ${warnings.length - unexplained.length} explained by an attributionNote`);
    for (const w of unexplained) console.log(`  warning: ${w.path}: ${w.code}: ${w.reason}`);
    if (unexplained.length > 0 && !values.import) failed = true;
    if (bundled?.ok) {
      for (const c of contestedAliases(result.dataset, [compileMatcherTable([bundled.dataset])])) {
        console.log(`  note: ${c.path}: "${c.alias}" is also "${c.owner.name.en}" (${c.owner.id}) of the bundled dataset, which keeps it`);
      }
    }
  } else {
    failed = true;
    console.log(`${file}: ${result.problems.length} problem(s)`);
    for (const p of result.problems) console.log(`  ${p.path}: ${p.message}`);
  }
}
process.exit(failed ? 1 : 0);
