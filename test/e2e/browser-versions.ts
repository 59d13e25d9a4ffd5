/**
 * Vitest global setup of the browser project: prints the versions of the browsers the tests
 * will drive (`CHROMIUM_PATH` / `FIREFOX_PATH`, else Debian's), before any test runs, and
 * writes them to `test-results/browsers.txt` for the CI summary. Debian's mirror is not the
 * same snapshot on every machine, so a run's results mean little without them.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CHROMIUM, ROOT } from "../../scripts/lib/chromium-with-extension.ts";
import { FIREFOX } from "./drivers/firefox-driver.ts";

/** The browser's own `--version` line, then its path (Debian's chromium wrapper adds shell noise on stderr). */
export function versionOf(binary: string): string {
  try {
    const lines = execFileSync(binary, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 30_000 }).trim().split("\n");
    return `${lines.at(-1)!.replace(/\s+built on.*$/, "").trim()} (${binary})`;
  } catch (error) {
    return `unknown: ${binary} --version failed (${(error as Error).message.split("\n")[0]})`;
  }
}

/** Prints and records the versions. */
export default function setup(): void {
  const line = `Browsers: ${versionOf(CHROMIUM)}; ${versionOf(FIREFOX)}`;
  console.log(line);
  const file = path.join(ROOT, "test-results/browsers.txt");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${line}\n`);
}
