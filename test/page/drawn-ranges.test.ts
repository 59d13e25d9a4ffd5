// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { DrawnRanges } from "../../src/page/drawn-ranges.ts";
import type { RunRecord } from "../../src/page/mention-registry.ts";

/** A Highlight as Firefox's content scripts see it: add, delete and has only; iterating throws. */
class FakeHighlight {
  readonly ranges = new Set<unknown>();
  add(range: unknown) { this.ranges.add(range); return this; }
  delete(range: unknown) { return this.ranges.delete(range); }
  has(range: unknown) { return this.ranges.has(range); }
  [Symbol.iterator](): never { throw new Error("Xray wrapping of iterators not supported."); }
}

/** An IntersectionObserver the test drives by hand. */
class FakeObserver {
  static last: FakeObserver | null = null;
  readonly observed = new Set<Element>();
  disconnected = false;
  constructor(readonly callback: (entries: { target: Element; isIntersecting: boolean }[]) => void) {
    FakeObserver.last = this;
  }
  observe(element: Element) { this.observed.add(element); }
  unobserve(element: Element) { this.observed.delete(element); }
  disconnect() { this.disconnected = true; this.observed.clear(); }
  report(element: Element, isIntersecting: boolean) { this.callback([{ target: element, isIntersecting }]); }
}

let paragraphs: HTMLParagraphElement[];

/** A run record of `count` mentions in paragraph `index`. */
function record(index: number, count: number): RunRecord {
  const node = paragraphs[index]!.firstChild as Text;
  const run = { text: node.data, nodes: [node], starts: [0] };
  const rec: RunRecord = { run, mentions: [] };
  for (let i = 0; i < count; i++) rec.mentions.push({ entity: 0, range: { id: `${index}:${i}` } as unknown as Range, startNode: node });
  return rec;
}

const drawnCount = (d: DrawnRanges) => (d.highlight as unknown as FakeHighlight).ranges.size;

beforeEach(() => {
  (globalThis as Record<string, unknown>).Highlight = FakeHighlight;
  (globalThis as Record<string, unknown>).IntersectionObserver = FakeObserver;
  FakeObserver.last = null;
  document.body.innerHTML = Array.from({ length: 5 }, (_, i) => `<p>paragraph ${i}</p>`).join("");
  paragraphs = [...document.querySelectorAll("p")];
});
afterEach(() => {
  delete (globalThis as Record<string, unknown>).Highlight;
  delete (globalThis as Record<string, unknown>).IntersectionObserver;
});

describe("DrawnRanges", () => {
  test("draws every mention while the page has few, once shown", () => {
    const drawn = new DrawnRanges(10);
    drawn.add(record(0, 4));
    drawn.add(record(1, 6));
    expect(drawnCount(drawn)).toBe(0);
    drawn.show();
    expect(drawnCount(drawn)).toBe(10);
    // After the initial scan, a new record is drawn at once.
    drawn.add(record(2, 0));
    expect(drawnCount(drawn)).toBe(10);
    expect(drawn.isLimitedToViewport).toBe(false);
    expect(FakeObserver.last).toBeNull();
  });

  test("past the limit, draws only the blocks reported near the viewport", () => {
    const drawn = new DrawnRanges(10);
    const first = record(0, 6);
    drawn.add(first);
    drawn.add(record(3, 6));
    drawn.show();
    expect(drawn.isLimitedToViewport).toBe(true);
    expect(drawnCount(drawn)).toBe(0);
    const observer = FakeObserver.last!;
    expect([...observer.observed]).toEqual([paragraphs[0], paragraphs[3]]);
    observer.report(paragraphs[0]!, true);
    expect(drawnCount(drawn)).toBe(6);
    // A new record in a block already near is drawn at once.
    drawn.add(record(0, 2));
    expect(drawnCount(drawn)).toBe(8);
    observer.report(paragraphs[0]!, false);
    observer.report(paragraphs[3]!, true);
    expect(drawnCount(drawn)).toBe(6);
  });

  test("removing a block's last record stops observing it; clear disconnects", () => {
    const drawn = new DrawnRanges(1);
    const a = record(2, 1);
    const b = record(2, 1);
    drawn.add(a);
    drawn.add(b);
    drawn.show();
    const observer = FakeObserver.last!;
    observer.report(paragraphs[2]!, true);
    drawn.remove(a);
    expect(drawnCount(drawn)).toBe(1);
    expect(observer.observed.has(paragraphs[2]!)).toBe(true);
    drawn.remove(b);
    expect(drawnCount(drawn)).toBe(0);
    expect(observer.observed.has(paragraphs[2]!)).toBe(false);
    drawn.add(record(4, 3));
    drawn.clear();
    expect(observer.disconnected).toBe(true);
    expect(drawnCount(drawn)).toBe(0);
  });

  test("a mention far from the viewport never has its Range read, so a lazy one is never made", () => {
    const drawn = new DrawnRanges(3);
    const reads: string[] = [];
    /** A record whose mentions log every read of their range. */
    const logged = (index: number, count: number): RunRecord => {
      const rec = record(index, count);
      return {
        run: rec.run,
        mentions: rec.mentions.map((m, i) => ({
          ...m,
          get range() {
            reads.push(`${index}:${i}`);
            return m.range;
          },
        })),
      };
    };
    const near = logged(0, 2);
    const far = logged(4, 2);
    drawn.add(near);
    drawn.add(far);
    drawn.show();
    FakeObserver.last!.report(paragraphs[0]!, true);
    FakeObserver.last!.report(paragraphs[4]!, false);
    expect(reads).toEqual(["0:0", "0:1"]);
    drawn.remove(far);
    expect(reads).toEqual(["0:0", "0:1"]);
  });
});
