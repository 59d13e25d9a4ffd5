// @vitest-environment happy-dom
/**
 * Which mention is under the pointer where names nest: the innermost wins, by either hit-test
 * path (`highlightsFromPoint`, or the caret position and our own index), whatever order the
 * browser lists the ranges in. happy-dom has no layout, so every range's rects cover the pointer.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { collectTextRuns } from "../../src/page/collect-text-runs.ts";
import { mentionAtPoint } from "../../src/page/hit-test.ts";
import { MentionRegistry } from "../../src/page/mention-registry.ts";

class FakeHighlight {
  readonly ranges = new Set<AbstractRange>();
  priority = 0;
  add(range: AbstractRange) { this.ranges.add(range); return this; }
  delete(range: AbstractRange) { return this.ranges.delete(range); }
  has(range: AbstractRange) { return this.ranges.has(range); }
}

const TEXT = "جرت المحادثات بين موسكو وواشنطن في إسطنبول";
// By hand: «جرت » is 4 units, «المحادثات» 9 and «بين» 3, so the talks' name is 4–42, «موسكو» 18–23,
// «واشنطن» 25–31 (after «و»), «في» 32–34, «إسطنبول» 35–42.
const TALKS = 0;
const MOSCOW = 1;
const WASHINGTON = 2;
const ISTANBUL = 3;
const MENTIONS = [
  { entity: TALKS, start: 4, end: 42 },
  { entity: MOSCOW, start: 18, end: 23, outer: 0 },
  { entity: WASHINGTON, start: 25, end: 31, outer: 0 },
  { entity: ISTANBUL, start: 35, end: 42, outer: 0 },
];

let registry: MentionRegistry;
/** What the fake `highlightsFromPoint` reports: the ranges under the pointer, as the test sets them. */
let underPointer: { highlight: FakeHighlight; ranges: AbstractRange[] }[] = [];

beforeEach(() => {
  vi.stubGlobal("Highlight", FakeHighlight);
  vi.stubGlobal("CSS", { highlights: new Map(), escape: (s: string) => s });
  vi.spyOn(Range.prototype, "getClientRects").mockImplementation(() => {
    const rect = { left: 0, top: 0, right: 1000, bottom: 1000, width: 1000, height: 1000, x: 0, y: 0 };
    return Object.assign([rect], { item: (i: number) => (i === 0 ? rect : null) }) as unknown as DOMRectList;
  });
  document.body.innerHTML = `<p>${TEXT}</p>`;
  registry = new MentionRegistry(document, "background");
  const [run] = [...collectTextRuns(document.body)];
  registry.addRun(run!, MENTIONS);
  registry.show();
});
afterEach(() => {
  registry.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
});

/** The page mention of an entity (the first, in document order). */
const mentionOf = (entity: number) => registry.mentionsInOrder().find((m) => m.entity === entity)!;

describe("nested mentions on the page", () => {
  test("each nested mention knows the mention it lies inside, and its range holds its own text", () => {
    const mentions = registry.mentionsInOrder();
    expect(mentions.map((m) => m.range.toString())).toEqual([TEXT.slice(4), "موسكو", "واشنطن", "إسطنبول"]);
    expect(mentions.map((m) => m.outer?.entity)).toEqual([undefined, TALKS, TALKS, TALKS]);
  });

  test("outer names and inner names are drawn in two highlights, both registered", () => {
    const highlights = CSS.highlights as unknown as Map<string, FakeHighlight>;
    expect([...highlights.get("backstory-mention")!.ranges].map(String)).toEqual([TEXT.slice(4)]);
    expect([...highlights.get("backstory-mention-nested")!.ranges].map(String)).toEqual(["موسكو", "واشنطن", "إسطنبول"]);
    expect(highlights.get("backstory-mention-nested")!.priority).toBeGreaterThan(highlights.get("backstory-mention")!.priority);
  });

  test("every mention is counted, nested ones included", () => {
    expect(registry.size).toBe(4);
    expect([...registry.countsByEntity()].sort()).toEqual([[TALKS, 1], [MOSCOW, 1], [WASHINGTON, 1], [ISTANBUL, 1]].sort());
  });

  test.each([
    ["outer range listed first", false],
    ["inner range listed first", true],
  ])("highlightsFromPoint: the innermost mention wins (%s)", (_case, innerFirst) => {
    const highlights = CSS.highlights as unknown as Map<string, FakeHighlight> & { highlightsFromPoint?: unknown };
    const outer = { highlight: highlights.get("backstory-mention")!, ranges: [mentionOf(TALKS).range] };
    const inner = { highlight: highlights.get("backstory-mention-nested")!, ranges: [mentionOf(ISTANBUL).range] };
    underPointer = innerFirst ? [inner, outer] : [outer, inner];
    highlights.highlightsFromPoint = () => underPointer;
    expect(mentionAtPoint(document, registry, 5, 5)?.entity).toBe(ISTANBUL);
    // On the outer name outside its inner names, the outer one.
    underPointer = [outer];
    expect(mentionAtPoint(document, registry, 5, 5)?.entity).toBe(TALKS);
  });

  test.each([
    ["2 (a phone): the caret path still finds the name", 2, MOSCOW],
    ["1: a miss is a miss, the caret is not asked", 1, undefined],
  ])("highlightsFromPoint finding nothing at a device scale factor of %s", (_case, scale, entity) => {
    vi.stubGlobal("devicePixelRatio", scale);
    const highlights = CSS.highlights as unknown as { highlightsFromPoint?: unknown };
    highlights.highlightsFromPoint = () => [];
    const node = document.querySelector("p")!.firstChild!;
    (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint = () => ({ offsetNode: node, offset: 20 });
    expect(mentionAtPoint(document, registry, 5, 5)?.entity).toBe(entity);
  });

  test.each([
    ["in «إسطنبول»", 38, ISTANBUL],
    ["in «موسكو»", 20, MOSCOW],
    ["in «بين», outside the inner names", 15, TALKS],
  ])("caret path: a caret %s gives that mention", (_case, offset, entity) => {
    const node = document.querySelector("p")!.firstChild!;
    (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint = () => ({ offsetNode: node, offset });
    expect(mentionAtPoint(document, registry, 5, 5)?.entity).toBe(entity);
  });
});
