/**
 * `npm run bench`: the benchmarks, each figure beside a baseline measured in the same run, with
 * their ratio and the target it is held to. Builds the extension first (the page and size
 * figures measure `dist/chrome` exactly as users load it), then runs:
 * - the matcher in Node (a child `node --expose-gc` process, for memory figures);
 * - the built extension in Debian's Chromium on a long news page, and its scan there in Firefox ESR;
 * - 30 empty cross-origin frames and a typical article, with and without the extension;
 * - a tap on a name to its card painted, in Chromium made a touch phone;
 * - the content script's size;
 * - precision and recall on the real news pages against their hand labels (per corpus and per alias).
 *
 * Options: --runs=N (page loads per figure, default 5; the matcher compiles each dictionary
 * N+2 times and times 3(N+2) passes), --mark-runs=N (mark.js runs, default 1: one takes about a minute), --cap=S (seconds
 * before a library run is given up, default 150), --only=matcher,page,firefox,frames,size,precision,side-panel,touch, --skip-build,
 * --write-docs (put the report into docs/benchmarks.md), --json=FILE (raw results).
 * Targets are reported, never asserted: the command fails only if a benchmark cannot run.
 */
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ROOT } from "./lib/chromium-with-extension.ts";
import { describeMachine } from "./bench/machine.ts";
import type { MatcherResults } from "./bench/matcher.ts";
import { chromiumVersion, runPageBench } from "./bench/page.ts";
import { formatReport, writeResultsInto, type BenchResults } from "./bench/report.ts";
import { runPrecisionBench } from "./bench/precision.ts";
import { runSizeBench } from "./bench/size.ts";
import { runFirefoxBench } from "./bench/firefox.ts";
import { runFramesBench } from "./bench/frames.ts";
import { runSidePanelBench } from "./bench/side-panel.ts";
import { runTouchBench } from "./bench/touch.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    "mark-runs": { type: "string", default: "1" },
    cap: { type: "string", default: "150" },
    only: { type: "string", default: "matcher,page,firefox,frames,size,precision,side-panel,touch" },
    "skip-build": { type: "boolean", default: false },
    "write-docs": { type: "boolean", default: false },
    json: { type: "string" },
  },
});
const runs = Math.max(1, Number(values.runs));
const parts = new Set(values.only.split(","));
const log = (line: string) => console.error(`  ${line}`);

/** Runs the matcher benchmark in a child process with `--expose-gc`, which tsx cannot pass itself. */
function runMatcherChild(): Promise<MatcherResults> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", path.join(ROOT, "scripts/bench/matcher.ts"), `--runs=${runs + 2}`], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim() !== "") log(line);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`the matcher benchmark exited with ${code}`));
      try {
        resolve(JSON.parse(out) as MatcherResults);
      } catch (error) {
        reject(new Error(`the matcher benchmark printed no results: ${(error as Error).message}`));
      }
    });
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  if (!values["skip-build"]) {
    console.error("building dist/ …");
    const build = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/build.ts")], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    if (build.status !== 0) throw new Error("the build failed");
  }
  const results: BenchResults = { machine: describeMachine(ROOT, chromiumVersion()), rows: [] };
  if (parts.has("matcher")) {
    console.error("matcher (Node) …");
    const matcher = await runMatcherChild();
    results.rows.push(...matcher.rows);
    results.matcher = matcher.details;
  }
  if (parts.has("page")) {
    console.error("in the page (Chromium) …");
    const page = await runPageBench({ runs, markRuns: Number(values["mark-runs"]), capMs: Number(values.cap) * 1000, log });
    results.rows.push(...page.rows);
    results.page = page.details;
  }
  if (parts.has("firefox")) {
    console.error("in the page (Firefox ESR) …");
    const firefox = await runFirefoxBench({ runs, log });
    results.rows.push(...firefox.rows);
    results.firefox = firefox.details;
  }
  if (parts.has("frames")) {
    console.error("frames and memory (Chromium) …");
    const frames = await runFramesBench({ runs, log });
    results.rows.push(...frames.rows);
    results.frames = frames.details;
  }
  if (parts.has("touch")) {
    console.error("touch (Chromium, 360 × 640) …");
    const touch = await runTouchBench({ runs, log });
    results.rows.push(...touch.rows);
    results.touch = touch.details;
  }
  if (parts.has("size")) {
    const size = await runSizeBench();
    results.rows.push(...size.rows);
    results.size = size.details;
  }
  if (parts.has("side-panel")) {
    console.error("side panel (Chromium) …");
    const panel = await runSidePanelBench({ runs, log });
    results.rows.push(...panel.rows);
    results.sidePanel = panel.details;
  }
  if (parts.has("precision")) {
    console.error("precision on real pages …");
    const precision = await runPrecisionBench();
    results.rows.push(...precision.rows);
    results.precision = precision.details;
  }
  results.machine.loadAtEnd = os.loadavg()[0]!;
  const report = formatReport(results);
  console.log(`\n${report}\n`);
  console.error(`bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
  if (values["write-docs"]) {
    writeResultsInto(path.join(ROOT, "docs/benchmarks.md"), report);
    console.error("wrote the report into docs/benchmarks.md");
  }
}

main().catch((error: Error) => {
  console.error(`bench failed: ${error.message}`);
  process.exit(1);
});
