import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

async function scan(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/scan.ts", ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run scan", () => {
  test("prints one JSON object per mention of the plain-text article, sorted by position", async () => {
    const { code, stdout } = await scan("assets/sources/istanbul-talks-2025-04-10.ar.txt");
    expect(code).toBe(0);
    const records = stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(records.length).toBeGreaterThan(40);
    for (const r of records) {
      const keys = ["entity", "name", "type", "text", "start", "end"];
      expect(Object.keys(r)).toEqual(r.outer === undefined ? keys : [...keys, "outer"]);
    }
    const starts = records.map((r) => r.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // Offsets of a plain-text page point into the file itself.
    const { readFile } = await import("node:fs/promises");
    const text = await readFile(path.join(root, "assets/sources/istanbul-talks-2025-04-10.ar.txt"), "utf8");
    for (const r of records) expect(text.slice(r.start, r.end)).toBe(r.text);
    expect(records.find((r) => r.text === "ألكسندر دارشيف")).toMatchObject({ entity: "alexander-darchiev", name: "Alexander Darchiev", type: "person" });
    // A name inside a longer name of ours is printed too, naming the entity that encloses it.
    const talks = records.findIndex((r) => r.text === "المحادثات بين موسكو وواشنطن في إسطنبول");
    expect(records[talks]).toMatchObject({ entity: "istanbul-talks-2025" });
    expect(records[talks].outer).toBeUndefined();
    expect(records.slice(talks + 1, talks + 4).map((r) => [r.entity, r.text, r.outer])).toEqual([
      ["moscow", "موسكو", "istanbul-talks-2025"],
      ["washington-dc", "واشنطن", "istanbul-talks-2025"],
      ["istanbul", "إسطنبول", "istanbul-talks-2025"],
    ]);
  });

  test("exits non-zero with a clear message for a missing page", async () => {
    const { code, stderr } = await scan("no/such/page.html");
    expect(code).not.toBe(0);
    expect(stderr).toContain("cannot read no/such/page.html: no such file");
  });

  test("exits non-zero naming the JSON path of each problem in an invalid dataset", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "backstory-"));
    const file = path.join(dir, "bad.json");
    await writeFile(file, JSON.stringify({ id: "bad", name: { ar: "س", en: "b" }, version: "1", sources: [], entities: [] }));
    const { code, stderr } = await scan("assets/sources/istanbul-talks-2025-04-10.ar.txt", "--dataset", file);
    expect(code).not.toBe(0);
    expect(stderr).toContain("invalid dataset");
    expect(stderr).toContain("$.version");
    expect(stderr).toContain("$.sources");
  });

  test("exits non-zero for a dataset that is not JSON", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "backstory-"));
    const file = path.join(dir, "junk.json");
    await writeFile(file, "{ not json");
    const { code, stderr } = await scan("assets/sources/istanbul-talks-2025-04-10.ar.txt", "--dataset", file);
    expect(code).not.toBe(0);
    expect(stderr).toContain("not valid JSON");
  });
});
