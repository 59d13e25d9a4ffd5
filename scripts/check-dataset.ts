/**
 * `npx tsx scripts/check-dataset.ts FILE…`: validates dataset files and prints each problem
 * with its JSON path. Exits 1 when any file has a problem.
 */
import { readDatasetFile } from "./lib/read-dataset-file.ts";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: check-dataset FILE.json [FILE.json …]");
  process.exit(2);
}
let failed = false;
for (const file of files) {
  const result = await readDatasetFile(file);
  if (result.ok) {
    const { entities, facts, sources } = result.dataset;
    console.log(`${file}: ok (${entities.length} entities, ${facts.length} facts, ${sources.length} sources)`);
  } else {
    failed = true;
    console.log(`${file}: ${result.problems.length} problem(s)`);
    for (const p of result.problems) console.log(`  ${p.path}: ${p.message}`);
  }
}
process.exit(failed ? 1 : 0);
