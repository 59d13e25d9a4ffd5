// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { DrawnRanges, type Extent, type Viewport } from "../../src/page/drawn-ranges.ts";
import type { RunRecord } from "../../src/page/mention-registry.ts";

/** A Highlight as Firefox's content scripts see it: add, delete and has only; iterating throws. */
class FakeHighlight {
  readonly ranges = new Set<unknown>();
  add(range: unknown) { this.ranges.add(range); return this; }
  delete(range: unknown) { return this.ranges.delete(range); }
  has(range: unknown) { return this.ranges.has(range); }
  [Symbol.iterator](): never { throw new Error("Xray wrapping of iterators not supported."); }
}

/**
 * A viewport 600 px high over paragraphs 100 px apart (80 px high), in document order unless a
 * paragraph is placed elsewhere; the test scrolls it and runs the check and the settling pass
 * the real one runs after a frame and after a pause.
 */
class FakeViewport implements Viewport {
  scrollY = 0;
  readonly placed = new Map<Element, number>();
  reads = 0;
  requests = 0;
  watching = false;
  private check: (() => void) | null = null;
  private settle: (() => void) | null = null;

  height(): number {
    return 600;
  }
  extent(block: Element): Extent {
    this.reads++;
    const top = (this.placed.get(block) ?? paragraphs.indexOf(block as HTMLParagraphElement) * 100) - this.scrollY;
    return { top, bottom: top + 80 };
  }
  watch(check: () => void, settle: () => void) {
    this.check = check;
    this.settle = settle;
    this.watching = true;
    return {
      request: () => void this.requests++,
      stop: () => void (this.watching = false),
    };
  }
  /** Scrolls to `y` and runs the per-frame check. */
  scrollTo(y: number): void {
    this.scrollY = y;
    this.reads = 0;
    this.check!();
  }
  settled(): void {
    this.settle!();
  }
}

let paragraphs: HTMLParagraphElement[];
let viewport: FakeViewport;

/** A run record of `count` mentions in paragraph `index`. */
function record(index: number, count: number): RunRecord {
  const node = paragraphs[index]!.firstChild as Text;
  const run = { text: node.data, nodes: [node], starts: [0] };
  const rec: RunRecord = { run, mentions: [] };
  for (let i = 0; i < count; i++) rec.mentions.push({ entity: 0, range: { id: `${index}:${i}` } as unknown as Range, startNode: node });
  return rec;
}

const drawnCount = (d: DrawnRanges) => (d.highlight as unknown as FakeHighlight).ranges.size;
/** The paragraphs whose mentions are drawn, by index. */
const drawnParagraphs = (d: DrawnRanges) =>
  [...new Set([...(d.highlight as unknown as FakeHighlight).ranges].map((r) => Number((r as { id: string }).id.split(":")[0])))].sort((a, b) => a - b);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Sets the page to `count` paragraphs. */
function paragraphsOf(count: number): void {
  document.body.innerHTML = Array.from({ length: count }, (_, i) => `<p>paragraph ${i}</p>`).join("");
  paragraphs = [...document.querySelectorAll("p")];
}

beforeEach(() => {
  (globalThis as Record<string, unknown>).Highlight = FakeHighlight;
  paragraphsOf(40);
  viewport = new FakeViewport();
});
afterEach(() => {
  delete (globalThis as Record<string, unknown>).Highlight;
});

describe("DrawnRanges", () => {
  test("draws every mention while the page has few, once shown, and never watches the viewport", () => {
    const drawn = new DrawnRanges(viewport, 10);
    drawn.add(record(0, 4));
    drawn.add(record(1, 6));
    expect(drawnCount(drawn)).toBe(0);
    drawn.show();
    expect(drawnCount(drawn)).toBe(10);
    // After the initial scan, a new record is drawn at once.
    drawn.add(record(2, 0));
    expect(drawnCount(drawn)).toBe(10);
    expect(drawn.isLimitedToViewport).toBe(false);
    expect(viewport.watching).toBe(false);
  });

  test("past the limit, draws the blocks within a screen of the viewport, and follows the reader's scrolling", () => {
    const drawn = new DrawnRanges(viewport, 10);
    for (let i = 0; i < 40; i++) drawn.add(record(i, 1));
    drawn.show();
    expect(drawn.isLimitedToViewport).toBe(true);
    expect(drawnCount(drawn)).toBe(0);
    // The window is 600 px above the viewport's top to 1,200 px below it: paragraphs 0–12 at the top.
    viewport.scrollTo(0);
    expect(drawnParagraphs(drawn)).toEqual(range(0, 12));
    viewport.scrollTo(2000);
    expect(drawnParagraphs(drawn)).toEqual(range(14, 32));
    // A new record in a paragraph near the viewport is drawn at once; one far away waits for a check.
    const requests = viewport.requests;
    drawn.add(record(20, 2));
    expect(drawnCount(drawn)).toBe(19 + 2);
    drawn.add(record(39, 1));
    expect(drawnCount(drawn)).toBe(21);
    expect(viewport.requests).toBe(requests + 1);
    viewport.scrollTo(3500);
    expect(drawnParagraphs(drawn)).toEqual(range(29, 39));
  });

  test("a check after a scroll reads the position of a few dozen of 2,000 blocks, not all", () => {
    paragraphsOf(2000);
    const drawn = new DrawnRanges(viewport, 10);
    for (let i = 0; i < 2000; i++) drawn.add(record(i, 1));
    drawn.show();
    viewport.scrollTo(150_000);
    expect(drawnParagraphs(drawn)).toEqual(range(1494, 1512));
    // log2(2,000) for the search, 19 near blocks, 2 × 8 beyond them, and the few drawn before.
    expect(viewport.reads).toBeLessThan(60);
  });

  test("blocks added out of document order are searched in document order", () => {
    const drawn = new DrawnRanges(viewport, 10);
    // The even paragraphs from last to first, then (as a rescan would) the odd ones after showing.
    for (let i = 38; i >= 0; i -= 2) drawn.add(record(i, 1));
    drawn.show();
    for (let i = 1; i < 40; i += 2) drawn.add(record(i, 1));
    viewport.scrollTo(2000);
    expect(drawnParagraphs(drawn)).toEqual(range(14, 32));
    viewport.scrollTo(3000);
    expect(drawnParagraphs(drawn)).toEqual(range(24, 39));
  });

  test("a block the layout puts out of document order (a sidebar written last) is drawn once the page settles", () => {
    const drawn = new DrawnRanges(viewport, 10);
    for (let i = 0; i < 40; i++) drawn.add(record(i, 1));
    drawn.show();
    // The last paragraph stands beside the top of the article.
    viewport.placed.set(paragraphs[39]!, 100);
    viewport.scrollTo(0);
    expect(drawnParagraphs(drawn)).toEqual(range(0, 12));
    viewport.settled();
    expect(drawnParagraphs(drawn)).toEqual([...range(0, 12), 39]);
    // A later check does not take it away while it is still near, though the walk does not reach it.
    viewport.scrollTo(100);
    expect(drawnParagraphs(drawn)).toEqual([...range(0, 13), 39]);
    viewport.scrollTo(2000);
    expect(drawnParagraphs(drawn)).toEqual(range(14, 32));
  });

  test("runs are filed under their blocks as the scan adds them, so showing a page of many asks for one check and orders no blocks", () => {
    const drawn = new DrawnRanges(viewport, 10);
    for (let i = 0; i < 40; i++) drawn.add(record(i, 1));
    const compare = vi.spyOn(Node.prototype, "compareDocumentPosition");
    drawn.show();
    expect(compare).not.toHaveBeenCalled();
    expect(viewport.requests).toBe(1);
    expect(drawnCount(drawn)).toBe(0);
    compare.mockRestore();
    viewport.scrollTo(0);
    expect(drawnParagraphs(drawn)).toEqual(range(0, 12));
  });

  describe("the settling pass, on a page of 400 blocks where reading a position takes 0.1 ms", () => {
    let tasks: (() => void)[];
    let drawn: DrawnRanges;
    /** Runs the queued slices of the settling pass; returns how many positions each read. */
    const runTasks = (): number[] => {
      const reads: number[] = [];
      while (tasks.length > 0) {
        const before = viewport.reads;
        tasks.shift()!();
        reads.push(viewport.reads - before);
      }
      return reads;
    };
    beforeEach(() => {
      paragraphsOf(400);
      vi.spyOn(performance, "now").mockImplementation(() => viewport.reads * 0.1);
      tasks = [];
      drawn = new DrawnRanges(viewport, 10, (slice) => tasks.push(slice));
      for (let i = 0; i < 400; i++) drawn.add(record(i, 1));
      drawn.show();
      // The last paragraph stands beside the top of the article.
      viewport.placed.set(paragraphs[399]!, 100);
      viewport.scrollTo(0);
    });
    afterEach(() => {
      vi.restoreAllMocks();
    });

    test("reads every block's position in slices of a few milliseconds, each a task, then draws what the walk missed", () => {
      expect(drawnParagraphs(drawn)).toEqual(range(0, 12));
      viewport.reads = 0;
      viewport.settled();
      const first = viewport.reads;
      expect(first).toBeGreaterThanOrEqual(40);
      expect(first).toBeLessThanOrEqual(64);
      expect(drawnParagraphs(drawn)).toEqual(range(0, 12));
      const rest = runTasks();
      expect(rest.length).toBeGreaterThanOrEqual(5);
      expect(Math.max(...rest)).toBeLessThanOrEqual(64);
      expect(first + rest.reduce((a, b) => a + b, 0)).toBe(400);
      expect(drawnParagraphs(drawn)).toEqual([...range(0, 12), 399]);
    });

    test("a check between two slices makes the pass give up; the settling after that check runs it again", () => {
      viewport.settled();
      tasks.shift()!();
      viewport.scrollTo(0);
      const reads = viewport.reads;
      runTasks();
      expect(viewport.reads).toBe(reads);
      expect(drawnParagraphs(drawn)).toEqual(range(0, 12));
      viewport.settled();
      runTasks();
      expect(drawnParagraphs(drawn)).toEqual([...range(0, 12), 399]);
    });

    test("clearing stops a pass under way", () => {
      viewport.settled();
      drawn.clear();
      viewport.reads = 0;
      runTasks();
      expect(viewport.reads).toBe(0);
      expect(drawnCount(drawn)).toBe(0);
    });
  });

  test("removing a block's last record forgets the block; clear stops watching", () => {
    const drawn = new DrawnRanges(viewport, 1);
    const a = record(2, 1);
    const b = record(2, 1);
    drawn.add(a);
    drawn.add(b);
    drawn.show();
    viewport.scrollTo(0);
    expect(drawnCount(drawn)).toBe(2);
    drawn.remove(a);
    expect(drawnCount(drawn)).toBe(1);
    drawn.remove(b);
    expect(drawnCount(drawn)).toBe(0);
    // The settling pass has no block left to look at.
    viewport.reads = 0;
    viewport.settled();
    expect(viewport.reads).toBe(0);
    drawn.add(record(4, 3));
    drawn.clear();
    expect(viewport.watching).toBe(false);
    expect(drawnCount(drawn)).toBe(0);
  });

  test("a mention far from the viewport never has its Range read, so a lazy one is never made", () => {
    const drawn = new DrawnRanges(viewport, 3);
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
    const far = logged(30, 2);
    drawn.add(near);
    drawn.add(far);
    drawn.show();
    viewport.scrollTo(0);
    viewport.settled();
    expect(reads).toEqual(["0:0", "0:1"]);
    drawn.remove(far);
    expect(reads).toEqual(["0:0", "0:1"]);
  });
});
