import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

async function checkDataset(...args: string[]) {
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/check-dataset.ts", ...args], { cwd: root });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

describe("check-dataset --import: a file checked as the settings page checks an import", () => {
  test("the test dataset is importable; the name the bundled dataset keeps is noted", async () => {
    const { code, stdout } = await checkDataset("--import", "test/fixtures/datasets/quillmere-test.json");
    expect(code).toBe(0);
    // Its attribution warnings are printed but, as on the settings page, do not fail an import.
    expect(stdout).toBe(
      "test/fixtures/datasets/quillmere-test.json: ok (6 entities, 4 facts, 1 sources)\n" +
        "  attribution: 3 unexplained warning(s), 0 explained by an attributionNote\n" +
        '  warning: $.facts[1].about[1]: about-not-named: "quillmere-water-board" is named neither in the quote nor in its sentence\n' +
        '  warning: $.facts[2].about[1]: about-not-named: "hollin-reservoir" is named neither in the quote nor in its sentence\n' +
        '  warning: $.facts[3].about[0]: about-not-named: "quillmere-water-board" is named neither in the quote nor in its sentence\n' +
        '  note: $.entities[5].aliases[0]: "Washington" is also "Washington, D.C." (washington-dc) of the bundled dataset, which keeps it\n',
    );
  });

  test("the bundled dataset itself is not importable: its id is taken and its source's text is in a file", async () => {
    const { code, stdout } = await checkDataset("--import", "assets/datasets/istanbul-talks-2025.json");
    expect(code).toBe(1);
    expect(stdout).toContain("$.id: ");
    expect(stdout).toContain("$.sources[0].textFile: ");
  });
});

// Each test starts Node and tsx; on a loaded machine that alone can take longer than the default 5 s.
describe("check-dataset: the attribution check", { timeout: 60_000 }, () => {
  test("the bundled dataset is ok with no unexplained attribution warning", async () => {
    const { code, stdout } = await checkDataset("assets/datasets/istanbul-talks-2025.json");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^assets\/datasets\/istanbul-talks-2025\.json: ok \(/);
    expect(stdout).toMatch(/\n {2}attribution: 0 unexplained warning\(s\), \d+ explained by an attributionNote\n$/);
  });

  test("an unexplained warning fails the check, with its path and code", async () => {
    const { code, stdout } = await checkDataset("test/fixtures/datasets/quillmere-test.json");
    expect(code).toBe(1);
    expect(stdout).toContain("  warning: $.facts[1].about[1]: about-not-named: ");
  });
});
