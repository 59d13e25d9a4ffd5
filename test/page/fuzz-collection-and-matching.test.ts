/**
 * Property tests over text collection and matching together, on random Unicode text full of
 * what real pages throw at them (Arabic marks, tatweel, proclitics, bidi and zero-width
 * characters, NBSP, surrogate pairs) inside random trees of inline and block elements.
 * What must hold for every case: no exception; every mention maps back to exactly the text it
 * was found in; mentions never overlap; and the result is the same whether a block's text
 * comes as one text node or split across many inline elements.
 */
import fc from "fast-check";
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";
import { compileMatcherTable } from "../../src/core/compile-matcher-table.ts";
import { datasetSchema } from "../../src/core/dataset-schema.ts";
import { Matcher } from "../../src/core/matcher.ts";
import { collectTextRuns, positionInRun } from "../../src/page/collect-text-runs.ts";
import { findMentionsInRuns } from "../../src/page/find-mentions-in-runs.ts";
import { testDataset } from "../core/test-dataset.ts";

/** Cases per property; the three properties below run 12,000 cases in all. */
const CASES = 4000;

const matcher = new Matcher(compileMatcherTable([datasetSchema.parse(testDataset())]));

const names = ["دارشيف", "ألكسندر دارشيف", "موسكو", "السفارة الأميركية في موسكو", "الولايات المتحدة", "واشنطن", "تاس", "Rubio", "Pioneer Point", "US", "Darchiev"];
const hostile = ["\u064e", "\u0651", "\u0640", "\u200c", "\u200d", "\u200e", "\u200f", "\u2067", "\u2069", "\u00ad", "\ufeff", "\u00a0", " ", "\n", "😀", "\u0301"];
const clitics = ["", "و", "ب", "ل", "وال", "لل", "فب"];

/** A word: a name (maybe with a clitic, maybe with hostile characters inside), or random text. */
const word = fc.oneof(
  fc.tuple(fc.constantFrom(...clitics), fc.constantFrom(...names), fc.array(fc.constantFrom(...hostile), { maxLength: 2 }), fc.nat()).map(
    ([clitic, name, inside, at]) => {
      const cut = 1 + (at % Math.max(1, name.length - 1));
      return `${clitic}${name.slice(0, cut)}${inside.join("")}${name.slice(cut)}`;
    },
  ),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.constantFrom(...hostile),
);
const text = fc.array(word, { maxLength: 12 }).map((words) => words.join(" "));

const INLINE = ["b", "a", "span", "em", "i"];
const BLOCK = ["p", "div", "li", "h2", "section"];

/** A block's text split into pieces, each either plain text or wrapped in nested inline elements. */
const splitText = (value: string) =>
  fc.array(fc.nat({ max: value.length }), { maxLength: 5 }).chain((cuts) => {
    const points = [...new Set([0, ...cuts, value.length])].sort((a, b) => a - b);
    const pieces = points.slice(1).map((end, i) => value.slice(points[i], end));
    return fc.tuple(fc.constant(pieces), fc.array(fc.tuple(fc.constantFrom(...INLINE), fc.nat({ max: 2 })), { minLength: pieces.length, maxLength: pieces.length }));
  });

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Renders pieces as text nodes wrapped in `depth` nested inline elements of a kind. */
function inlineHtml(pieces: string[], wrappers: [string, number][]): string {
  return pieces
    .map((piece, i) => {
      const [tag, depth] = wrappers[i]!;
      return `<${tag}>`.repeat(depth) + escapeHtml(piece) + `</${tag}>`.repeat(depth);
    })
    .join("");
}

function mentionsOf(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const runs = [...collectTextRuns(document.body)];
  return { runs, mentions: findMentionsInRuns(runs, matcher) };
}

describe("fuzzing collection and matching", () => {
  test("random text: no exception, spans map back exactly, top-level ones never overlap and nested ones lie inside", () => {
    fc.assert(
      fc.property(text, (value) => {
        const found = matcher.findMentions(value);
        let reached = 0;
        for (const m of found) {
          const outer = m.outer === undefined ? undefined : found[m.outer]!;
          if (outer === undefined) expect(m.start).toBeGreaterThanOrEqual(reached);
          else expect(outer.start <= m.start && m.end <= outer.end).toBe(true);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(value.length);
          if (outer === undefined) reached = m.end;
          // A span never starts or ends inside a surrogate pair.
          expect(/[\udc00-\udfff]/.test(value[m.start]!)).toBe(false);
        }
      }),
      { numRuns: CASES },
    );
  });

  test("random DOM trees: every mention's text nodes hold exactly the mention's text", () => {
    const tree = fc.array(
      text.chain((value) => fc.tuple(fc.constant(value), splitText(value), fc.constantFrom(...BLOCK))),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(tree, (blocks) => {
        const html = blocks.map(([, [pieces, wrappers], block]) => `<${block}>${inlineHtml(pieces, wrappers)}</${block}>`).join("");
        const { mentions } = mentionsOf(html);
        for (const m of mentions) {
          const start = positionInRun(m.run, m.start, false);
          const end = positionInRun(m.run, m.end, true);
          let fromNodes = "";
          const first = m.run.nodes.indexOf(start.node);
          const last = m.run.nodes.indexOf(end.node);
          expect(first).toBeGreaterThanOrEqual(0);
          expect(last).toBeGreaterThanOrEqual(first);
          for (let i = first; i <= last; i++) {
            const data = m.run.nodes[i]!.data;
            fromNodes += data.slice(i === first ? start.offset : 0, i === last ? end.offset : data.length);
          }
          expect(fromNodes).toBe(m.run.text.slice(m.start, m.end));
        }
      }),
      { numRuns: CASES },
    );
  });

  test("one text node or many: the same runs and the same mentions", () => {
    const blocks = fc.array(text.chain((value) => fc.tuple(fc.constant(value), splitText(value))), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(blocks, (list) => {
        const whole = mentionsOf(list.map(([value]) => `<p>${escapeHtml(value)}</p>`).join(""));
        const split = mentionsOf(list.map(([, [pieces, wrappers]]) => `<p>${inlineHtml(pieces, wrappers)}</p>`).join(""));
        expect(split.runs.map((r) => r.text)).toEqual(whole.runs.map((r) => r.text));
        const key = (r: typeof whole) => r.mentions.map((m) => [r.runs.indexOf(m.run), m.entity, m.start, m.end]);
        expect(key(split)).toEqual(key(whole));
      }),
      { numRuns: CASES },
    );
  });
});
