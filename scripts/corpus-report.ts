/**
 * `npx tsx scripts/corpus-report.ts [--corpus news-en,news-ar] [--dataset FILE] [--aliases] [--quiet]`:
 * the matcher against the hand labels of the real news corpora. Prints precision and recall per
 * corpus (and per alias with --aliases), then every failure the test would report, each with its
 * context on the page: correct mentions lost, false positives returned, spans nobody labelled.
 * Exits 1 only when it cannot run (missing corpus, invalid dataset); the figures are for reading.
 */
import { parseArgs } from "node:util";
import { compileMatcherTable } from "../src/core/compile-matcher-table.ts";
import { Matcher } from "../src/core/matcher.ts";
import { CORPORA, evaluateCorpus, loadCorpus, precisionOf, recallOf, spanInContext, type CorpusName, type Counts, type Span } from "./lib/corpus-labels.ts";
import { bundledMatcherTable } from "./lib/bundled-matcher-table.ts";
import { readDatasetFile } from "./lib/read-dataset-file.ts";

const usage = "usage: npx tsx scripts/corpus-report.ts [--corpus news-en,news-ar] [--dataset FILE] [--aliases] [--quiet]";

function fail(message: string): never {
  console.error(`corpus-report: ${message}`);
  process.exit(1);
}

const parseOptions = {
  options: {
    corpus: { type: "string", default: CORPORA.join(",") },
    dataset: { type: "string" },
    aliases: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", short: "h" },
  },
} as const;
let args: ReturnType<typeof parseArgs<typeof parseOptions>>;
try {
  args = parseArgs(parseOptions);
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`);
}
if (args.values.help) {
  console.log(usage);
  process.exit(0);
}
const corpora = args.values.corpus.split(",").filter((c) => c !== "");
for (const c of corpora) if (!(CORPORA as readonly string[]).includes(c)) fail(`unknown corpus ${c} (known: ${CORPORA.join(", ")})`);

// The table the build ships (the bundled dataset and the lexicon of names not ours), or another
// dataset compiled with the same lexicon, as `npm run scan` does.
let matcher: Matcher;
try {
  const bundled = await bundledMatcherTable();
  let table = bundled.table;
  if (args.values.dataset !== undefined) {
    const dataset = await readDatasetFile(args.values.dataset);
    if (!dataset.ok) fail(`invalid dataset ${args.values.dataset}:\n${dataset.problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")}`);
    table = compileMatcherTable([dataset.dataset], bundled.lexicon);
  }
  matcher = new Matcher(table);
} catch (error) {
  fail((error as Error).message);
}

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const countsLine = (c: Counts) =>
  `found ${c.found} (correct ${c.foundCorrect}, false ${c.foundFalse}, unlabelled ${c.foundUnlabelled}), correct labels ${c.correct}`;

for (const corpus of corpora as CorpusName[]) {
  let loaded: Awaited<ReturnType<typeof loadCorpus>>;
  try {
    loaded = await loadCorpus(corpus);
  } catch (error) {
    fail((error as Error).message);
  }
  const e = evaluateCorpus(loaded, matcher);
  const text = new Map(loaded.pages.map((p) => [p.page, p.text]));
  console.log(`== ${corpus}: ${e.pages} pages — precision ${percent(e.precision)}, recall ${percent(e.recall)}`);
  console.log(`   ${countsLine(e.counts)}`);
  if (e.unlabelledPages.length > 0) console.log(`   pages with no label file (${e.unlabelledPages.length}): ${e.unlabelledPages.join(", ")}`);
  if (args.values.aliases) {
    console.log("   per alias (entity: written form, normalised) — precision, recall, counts:");
    const rows = [...e.perAlias].sort(([a, x], [b, y]) => y.found + y.correct - (x.found + x.correct) || a.localeCompare(b));
    for (const [key, c] of rows) console.log(`   ${key.padEnd(40)} P ${percent(precisionOf(c)).padStart(7)}  R ${percent(recallOf(c)).padStart(7)}  ${countsLine(c)}`);
  }
  for (const problem of loaded.problems) console.log(`   label problem: ${problem}`);
  if (args.values.quiet) continue;
  const section = (title: string, spans: Span[]) => {
    if (spans.length === 0) return;
    console.log(`   -- ${title} (${spans.length})`);
    for (const s of spans) console.log(`   ${spanInContext(s, text.get(s.page)!)}`);
  };
  section("correct mentions lost", e.lost);
  section("false positives returned", e.falsePositives);
  section("unlabelled spans found", e.unlabelled);
  section("accepted misses (known)", e.lostKnown);
  section("accepted false positives (known)", e.falsePositivesKnown);
}
