/**
 * Which mentions are in the Highlight the browser draws. On an ordinary page, all of them. On
 * a page with thousands of mentions, only those in blocks near the viewport: each change to a
 * registered Highlight makes Chromium prepare paint for every range in it again (measured at
 * 150–175 ms for 25,000 ranges, ~5 ms for 1,000), and `highlightsFromPoint` walks them all on
 * every pointer frame. The drawn set is kept to the screen and one screen's height above and
 * below it. The registry still knows every mention; only drawing is limited. A mention's Range
 * is made when it is first drawn (see `mention-registry.ts`), so the mentions far from the
 * viewport never get one.
 *
 * The blocks near the viewport are found from the blocks themselves, not by an
 * IntersectionObserver: one observing thousands of blocks costs every frame that changes
 * anything on screen (see `page-viewport.ts`). The blocks are kept in document order, which on
 * nearly every page is also their order from top to bottom, so after a scroll a binary search
 * finds where the viewport stands and a short walk from there finds the blocks near it: a few
 * dozen reads of a block's position instead of thousands. Where the layout does not follow the
 * document (a sidebar written after the article, columns), the walk can miss a block: once the
 * page settles, one pass over every block puts that right. That pass reads every block's
 * position (6,000 on the bench page: 30 ms), so it runs in slices of a few milliseconds, each a
 * task of its own, and gives up if a check comes in between (the check's settling runs it again).
 */
import { enclosingBlock } from "./collect-text-runs.ts";

/** Above this many mentions on a page, only those near the viewport are drawn. */
const DRAW_ALL_UP_TO = 1000;

/**
 * How many blocks in a row the walk passes wholly beyond the drawn window before it stops: a
 * few blocks out of order (a hidden one, a pull quote floated aside) do not end it early.
 */
const WALK_SLACK = 8;

/** How long one slice of the settling pass may read positions before leaving the rest to another task. */
const SWEEP_SLICE_MS = 4;

const ELEMENT_NODE = 1;
/** `Node.DOCUMENT_POSITION_FOLLOWING`: the other node comes after this one. */
const FOLLOWING = 4;

/** Where a block stands, in CSS pixels from the top of the viewport. */
export interface Extent {
  readonly top: number;
  readonly bottom: number;
}

/** What limiting drawing to the viewport needs of the page (`page-viewport.ts`; fakes in tests). */
export interface Viewport {
  /** The viewport's height. */
  height(): number;
  /** Where a block stands now. */
  extent(block: Element): Extent;
  /**
   * Calls `check` once per frame after the page may have moved under the viewport (a scroll, a
   * resize, the document's height changing) or after `request()`, and `settle` once that has
   * stopped for a moment.
   */
  watch(check: () => void, settle: () => void): { request(): void; stop(): void };
}

/**
 * What drawing needs of a run's record: its text nodes (to find its block) and its mentions'
 * ranges. Declared here, not imported from the registry, so the pipeline's imports run one way.
 */
export interface DrawnRun {
  readonly run: { readonly nodes: readonly Text[] };
  /**
   * `range` may be made on first read, so it is read only to draw; `outer` is set on a name
   * inside a longer name: it is drawn in the nested highlight.
   */
  readonly mentions: readonly { readonly range: Range; readonly outer?: unknown }[];
}

/** The element whose position stands for a run's: its block, or the host of its shadow root. */
function blockElementOf(record: DrawnRun): Element | null {
  const first = record.run.nodes[0];
  if (first === undefined) return null;
  let block: Node | null = enclosingBlock(first);
  if (block.nodeType !== ELEMENT_NODE) block = (block as ShadowRoot).host ?? (block as Document).documentElement ?? null;
  return block as Element | null;
}

/** Whether `block` comes after `other` in the document (a block inside another comes after it). */
function follows(block: Element, other: Element): boolean {
  return (other.compareDocumentPosition(block) & FOLLOWING) !== 0;
}

/** Keeps the drawn Highlight to what the reader can see, once a page has many mentions. */
export class DrawnRanges {
  /** The Highlight registered with the page. */
  readonly highlight = new Highlight();
  /**
   * Names inside names, in a Highlight of their own drawn over the first: in one Highlight the
   * inner name's marker (or underline) would merge into its outer name's and the reader could
   * not see it.
   */
  readonly nested = new Highlight();
  private readonly records = new Set<DrawnRun>();
  /** The records whose mentions are in the highlights now (so undrawing never makes a Range). */
  private readonly drawnRecords = new Set<DrawnRun>();
  private mentions = 0;
  /** While only the mentions near the viewport are drawn: the watch that says when to look again. */
  private watching: { request(): void; stop(): void } | null = null;
  private readonly byBlock = new Map<Element, Set<DrawnRun>>();
  private readonly blockOf = new Map<DrawnRun, Element>();
  /** Every block with mentions, in document order. */
  private readonly order: Element[] = [];
  /** The blocks near the viewport, whose mentions are drawn. */
  private near = new Set<Element>();
  /** Whether drawing has started (see `show`). */
  private shown = false;
  /** How many checks have run: a settling pass that sees this change knows its readings are stale. */
  private checks = 0;

  constructor(
    private readonly viewport: Viewport,
    private readonly drawAllUpTo = DRAW_ALL_UP_TO,
    /** Runs a slice of the settling pass in a task of its own. */
    private readonly nextTask: (slice: () => void) => void = (slice) => void setTimeout(slice, 0),
  ) {
    this.nested.priority = 1;
  }

  /** Whether only the mentions near the viewport are drawn. */
  get isLimitedToViewport(): boolean {
    return this.watching !== null;
  }

  /**
   * Starts drawing, once the initial scan has found every mention: only then is it known
   * whether the page has few enough to draw them all, and a page with many never makes Ranges
   * for its first thousand mentions only to drop them from the highlight.
   */
  show(): void {
    if (this.shown) return;
    this.shown = true;
    if (this.mentions > this.drawAllUpTo) this.limitToViewport();
    else for (const record of this.records) this.draw(record);
  }

  add(record: DrawnRun): void {
    this.records.add(record);
    this.mentions += record.mentions.length;
    // Filed as it comes, in the scan's slices: filing 6,000 runs when the scan ends made one
    // 30 ms task of that moment on the bench page.
    this.file(record);
    if (!this.shown) return;
    if (this.watching === null && this.mentions > this.drawAllUpTo) this.limitToViewport();
    if (this.watching === null) this.draw(record);
    else this.drawIfNear(record);
  }

  remove(record: DrawnRun): void {
    if (!this.records.delete(record)) return;
    this.mentions -= record.mentions.length;
    this.undraw(record);
    const block = this.blockOf.get(record);
    if (block === undefined) return;
    this.blockOf.delete(record);
    const others = this.byBlock.get(block)!;
    others.delete(record);
    if (others.size === 0) {
      this.byBlock.delete(block);
      this.near.delete(block);
      // The block may have left the document, where it has no position to search by.
      const index = this.order.indexOf(block);
      if (index >= 0) this.order.splice(index, 1);
    }
  }

  /** Forgets everything and stops watching the viewport. */
  clear(): void {
    this.shown = false;
    for (const record of this.records) this.undraw(record);
    this.records.clear();
    this.mentions = 0;
    this.watching?.stop();
    this.watching = null;
    this.byBlock.clear();
    this.blockOf.clear();
    this.order.length = 0;
    this.near.clear();
  }

  /** Draws only the records of blocks near the viewport (none is known to be yet: a check will tell), and those with no block. */
  private limitToViewport(): void {
    this.watching = this.viewport.watch(() => this.check(), () => this.sweep());
    for (const record of this.records) {
      if (this.blockOf.has(record)) this.undraw(record);
      else this.draw(record);
    }
    this.watching.request();
  }

  /** While drawing is limited: draws a new record if its block is near (or it has none), else asks for a check. */
  private drawIfNear(record: DrawnRun): void {
    const block = this.blockOf.get(record);
    if (block === undefined || this.near.has(block)) this.draw(record);
    else this.watching!.request();
  }

  /** Files a record under its block, the block into document order. */
  private file(record: DrawnRun): void {
    const block = blockElementOf(record);
    if (block === null) return;
    this.blockOf.set(record, block);
    let recordsOfBlock = this.byBlock.get(block);
    if (recordsOfBlock === undefined) {
      recordsOfBlock = new Set();
      this.byBlock.set(block, recordsOfBlock);
      this.insertInOrder(block);
    }
    recordsOfBlock.add(record);
  }

  /** Puts a new block into `order`: at the end for the initial scan, which meets blocks in document order. */
  private insertInOrder(block: Element): void {
    const order = this.order;
    let low = 0;
    let high = order.length;
    if (high === 0 || follows(block, order[high - 1]!)) {
      order.push(block);
      return;
    }
    while (low < high) {
      const middle = (low + high) >> 1;
      if (follows(block, order[middle]!)) low = middle + 1;
      else high = middle;
    }
    order.splice(low, 0, block);
  }

  /**
   * After a scroll or resize: the first block not wholly above the drawn window, by binary
   * search, then a walk both ways until `WALK_SLACK` blocks in a row lie beyond it. Blocks drawn
   * before and not met by the walk are looked at one by one (there are few).
   */
  private check(): void {
    this.checks++;
    const { order, viewport } = this;
    const [top, bottom] = this.window();
    let low = 0;
    let high = order.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (viewport.extent(order[middle]!).bottom < top) low = middle + 1;
      else high = middle;
    }
    const near = new Set<Element>();
    const met = new Set<Element>();
    for (let i = low, beyond = 0; i < order.length && beyond < WALK_SLACK; i++) {
      const extent = viewport.extent(order[i]!);
      met.add(order[i]!);
      if (extent.top > bottom) beyond++;
      else {
        beyond = 0;
        if (extent.bottom >= top) near.add(order[i]!);
      }
    }
    for (let i = low - 1, beyond = 0; i >= 0 && beyond < WALK_SLACK; i--) {
      const extent = viewport.extent(order[i]!);
      met.add(order[i]!);
      if (extent.bottom < top) beyond++;
      else {
        beyond = 0;
        if (extent.top <= bottom) near.add(order[i]!);
      }
    }
    for (const block of this.near) if (!met.has(block) && this.isNear(block, top, bottom)) near.add(block);
    this.drawNear(near);
  }

  /**
   * Once the page has settled: every block looked at, for the layouts that do not follow the
   * document, a slice at a time. Given up when drawing stops or a check runs in between.
   */
  private sweep(): void {
    const [top, bottom] = this.window();
    const watching = this.watching;
    const checks = this.checks;
    const blocks = [...this.order];
    const near = new Set<Element>();
    let next = 0;
    const slice = () => {
      if (this.watching !== watching || this.checks !== checks) return;
      const start = performance.now();
      while (next < blocks.length) {
        const block = blocks[next++]!;
        if (this.isNear(block, top, bottom)) near.add(block);
        if ((next & 63) === 0 && performance.now() - start > SWEEP_SLICE_MS) {
          this.nextTask(slice);
          return;
        }
      }
      // A block may have lost its last record while the pass ran.
      for (const block of near) if (!this.byBlock.has(block)) near.delete(block);
      this.drawNear(near);
    };
    slice();
  }

  /** The drawn window: the viewport and one viewport's height above and below it. */
  private window(): [top: number, bottom: number] {
    const height = this.viewport.height();
    return [-height, 2 * height];
  }

  private isNear(block: Element, top: number, bottom: number): boolean {
    const extent = this.viewport.extent(block);
    return extent.bottom >= top && extent.top <= bottom;
  }

  /** Draws the mentions of the blocks in `near` and undraws those of blocks no longer in it. */
  private drawNear(near: Set<Element>): void {
    for (const block of this.near) {
      if (!near.has(block)) for (const record of this.byBlock.get(block) ?? []) this.undraw(record);
    }
    for (const block of near) {
      if (!this.near.has(block)) for (const record of this.byBlock.get(block)!) this.draw(record);
    }
    this.near = near;
  }

  private draw(record: DrawnRun): void {
    if (this.drawnRecords.has(record)) return;
    this.drawnRecords.add(record);
    for (const m of record.mentions) (m.outer ? this.nested : this.highlight).add(m.range);
  }

  private undraw(record: DrawnRun): void {
    if (!this.drawnRecords.delete(record)) return;
    for (const m of record.mentions) (m.outer ? this.nested : this.highlight).delete(m.range);
  }
}
