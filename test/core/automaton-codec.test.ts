/**
 * The automaton kept between pages: what is decoded is what was built, a matcher on it finds what
 * a freshly built one finds, and damaged or foreign contents are refused (the walk trusts the
 * automaton: a failure link that does not lead towards the root would never end it).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { type Automaton, buildAutomaton, CHECK, FAIL, HIT, NONE } from "../../src/core/automaton.ts";
import { decodeAutomaton, encodeAutomaton, isSoundInSteps } from "../../src/core/automaton-codec.ts";
import { Matcher } from "../../src/core/matcher.ts";
import type { MatcherTable } from "../../src/core/matcher-table.ts";
import { bundledMatcherTable } from "../../scripts/lib/bundled-matcher-table.ts";

let table: MatcherTable;
let built: Automaton;
let encoded: Uint8Array;
beforeAll(async () => {
  table = (await bundledMatcherTable()).table;
  built = buildAutomaton(table.patterns.map((row) => row[0]));
  encoded = encodeAutomaton(built);
});

/** A fixture page's text, tags dropped. */
async function pageText(file: string): Promise<string> {
  const html = await readFile(path.join(import.meta.dirname, "../fixtures/pages", file), "utf8");
  return html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, " ").replace(/<[^>]+>/g, " ");
}

/** A copy of the built automaton, changed by `change`. */
function damaged(change: (automaton: Automaton) => void): Automaton {
  const copy = { cells: built.cells.slice(), output: built.output.slice(), depth: built.depth.slice(), rows: built.rows.slice(), symbols: built.symbols.slice() };
  change(copy);
  return copy;
}

/** `isSoundInSteps` run to its end. */
function isSound(automaton: Automaton, patternCount = table.patterns.length): boolean {
  const steps = isSoundInSteps(automaton, patternCount);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `Matcher.buildInSteps` run to its end. */
function buildMatcher(kept?: Automaton): Matcher {
  const steps = Matcher.buildInSteps(table, kept);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A state below the root that has an output (a whole name). */
function stateWithOutput(automaton: Automaton): number {
  for (let s = 1; s < automaton.output.length; s++) if (automaton.output[s] !== NONE && automaton.cells[(s << 2) + CHECK] !== NONE) return s;
  throw new Error("no state with an output");
}

describe("encodeAutomaton / decodeAutomaton", () => {
  test("decodes to the arrays that were built", () => {
    const decoded = decodeAutomaton(encoded)!;
    expect(decoded).not.toBeNull();
    for (const part of ["cells", "output", "depth", "rows", "symbols"] as const) expect([...decoded[part]]).toEqual([...built[part]]);
  });

  test("a matcher on the decoded automaton finds exactly what a freshly built one finds", async () => {
    const fresh = new Matcher(table);
    const kept = new Matcher(table, decodeAutomaton(encoded)!);
    for (const file of ["istanbul-talks.en.html", "seed-article.ar.html", "hard-cases.ar.html"]) {
      const text = await pageText(file);
      const found = fresh.findMentions(text);
      expect(found.length).toBeGreaterThan(5);
      expect(kept.findMentions(text)).toEqual(found);
    }
  });

  test.each<[string, () => Uint8Array]>([
    ["cut short", () => encoded.slice(0, -8)],
    ["an empty buffer", () => new Uint8Array(0)],
    ["a buffer that starts inside another", () => new Uint8Array(encoded.buffer.slice(0), 4)],
    ["another layout", () => {
      const bytes = encoded.slice();
      bytes[0] = 2; // the header's first Int32: the layout's version
      return bytes;
    }],
  ])("refuses %s", (_, contents) => {
    expect(decodeAutomaton(contents())).toBeNull();
  });
});

describe("isSoundInSteps", () => {
  test("holds for what the builder builds, decoded", () => {
    expect(isSound(decodeAutomaton(encoded)!)).toBe(true);
  });

  test.each<[string, () => Automaton]>([
    ["a failure link that does not lead towards the root", () => damaged((a) => {
      const s = stateWithOutput(a);
      a.cells[(s << 2) + FAIL] = s;
    })],
    ["a first output deeper than its state", () => damaged((a) => {
      a.cells[(0 << 2) + HIT] = stateWithOutput(a);
    })],
    ["a row leading to a free slot", () => damaged((a) => {
      let free = 1;
      while (a.cells[(free << 2) + CHECK] !== NONE) free++;
      a.rows[3] = free;
    })],
    ["an output that is not one of the table's patterns", () => damaged((a) => {
      a.output[stateWithOutput(a)] = table.patterns.length;
    })],
  ])("fails for %s", (_, automaton) => {
    expect(isSound(automaton())).toBe(false);
  });

  test("fails for a table with fewer patterns than the outputs name", () => {
    expect(isSound(built, 10)).toBe(false);
  });
});

describe("Matcher.buildInSteps with a kept automaton", () => {
  test("uses a sound one as it is, and builds afresh in place of an unsound one", async () => {
    const kept = decodeAutomaton(encoded)!;
    expect(buildMatcher(kept).automaton).toBe(kept);
    const broken = damaged((a) => {
      const s = stateWithOutput(a);
      a.cells[(s << 2) + FAIL] = s;
    });
    const rebuilt = buildMatcher(broken);
    expect(rebuilt.automaton).not.toBe(broken);
    const text = await pageText("istanbul-talks.en.html");
    expect(rebuilt.findMentions(text)).toEqual(new Matcher(table).findMentions(text));
  });
});
