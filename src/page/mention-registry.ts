/**
 * The mentions on a page, kept in our own lists and drawn through one CSS Custom Highlight. The
 * page's DOM is never touched.
 *
 * A mention is kept as its run and offsets; its DOM `Range` is made only when something needs
 * it — drawing (the mentions near the viewport, on a page with many), hit-testing under the
 * pointer, a card or the popup's "scroll to". On the long page of the bench that is a few
 * hundred Ranges out of 25,000 mentions: making them all took about a quarter of the scan, and
 * every live Range is a little work for the browser on each DOM change.
 *
 * The highlight registry is shared with the page, which can read or clear it, and in a
 * Firefox content script iterating a Highlight throws (Xray wrappers). So we never read ranges
 * back out of the registry: every lookup goes through the maps kept here.
 */
import type { Mention } from "../core/matcher.ts";
import { positionInRun, type TextRun } from "./collect-text-runs.ts";
import { DrawnRanges } from "./drawn-ranges.ts";
import { pageViewport } from "./page-viewport.ts";

/** One mention on the page. */
export interface PageMention {
  readonly entity: number;
  /** The mention's Range, made on first use. */
  readonly range: Range;
  /** The text node the mention starts in (without making its Range). */
  readonly startNode: Text;
  /** The mention of another entity whose name this one lies inside (Istanbul in the talks' name). */
  readonly outer?: PageMention;
}

/** The mentions of one text run; dropped and rebuilt together when the run changes. */
export interface RunRecord {
  readonly run: TextRun;
  readonly mentions: PageMention[];
}

/** What a lazy mention needs to make its Range: the document, and the registry to tell. */
interface RangeMaker {
  readonly document: Document;
  made(range: Range, mention: PageMention): void;
}

/** A mention held as run and offsets until its Range is asked for. */
class LazyMention implements PageMention {
  private made: Range | null = null;

  constructor(
    readonly entity: number,
    readonly outer: PageMention | undefined,
    private readonly run: TextRun,
    private readonly start: number,
    private readonly end: number,
    /** Where Ranges are made, and who is told of each, so hit-testing can map it back. */
    private readonly maker: RangeMaker,
  ) {}

  get startNode(): Text {
    return positionInRun(this.run, this.start, false).node;
  }

  /** Whether the Range has been made. */
  get hasRange(): boolean {
    return this.made !== null;
  }

  get range(): Range {
    if (this.made === null) {
      const start = positionInRun(this.run, this.start, false);
      const end = positionInRun(this.run, this.end, true);
      const range = this.maker.document.createRange();
      // The text may have changed since the scan, with its rescan still to come (mutations are
      // batched): clamp rather than throw; the rescan replaces this mention.
      range.setStart(start.node, Math.min(start.offset, start.node.length));
      range.setEnd(end.node, Math.min(end.offset, end.node.length));
      this.made = range;
      this.maker.made(range, this);
    }
    return this.made;
  }
}
/**
 * Highlight names of our own, one per highlight style (see content-script.css). The marker is
 * the default: a highlight drawn with a text decoration makes Chromium recompute the ink
 * overflow of every text node it covers, and of their ancestors, in each frame in which anything
 * on the page changes (`HighlightRegistry::ValidateHighlightMarkers`), so an underline costs
 * every repaint of the page, ours (opening a card) and its own (an ad, a ticker) alike.
 */
const HIGHLIGHT_NAMES = { background: "backstory-mention", underline: "backstory-mention-underlined" } as const;
/** The suffix of the highlight that draws names inside names, over their outer name's highlight. */
const NESTED_SUFFIX = "-nested";
/** The highlight of the mention whose card is open. */
const ACTIVE_HIGHLIGHT = "backstory-active";

export type HighlightStyle = keyof typeof HIGHLIGHT_NAMES;

/** Whether every node of a run is still in the document with the length it was collected with. */
function isIntact(run: TextRun): boolean {
  const { nodes, starts, text } = run;
  for (let i = 0; i < nodes.length; i++) {
    const length = (i + 1 < starts.length ? starts[i + 1]! : text.length) - starts[i]!;
    if (!nodes[i]!.isConnected || nodes[i]!.data.length !== length) return false;
  }
  return true;
}

/** Owns the page's mentions and the highlights that draw them. */
export class MentionRegistry {
  private readonly drawn: DrawnRanges;
  private readonly active = new Highlight();
  private readonly byNode = new Map<Text, RunRecord>();
  /** The mentions whose Range has been made, by that Range. */
  private readonly byRange = new Map<Range, PageMention>();
  private readonly records = new Set<RunRecord>();
  private mentionCount = 0;
  private readonly maker: RangeMaker;
  private name: string;
  private activeRange: Range | null = null;
  /** Whether the highlights are on the page yet (see `show`). */
  private shown = false;

  constructor(
    document: Document,
    style: HighlightStyle,
  ) {
    this.name = HIGHLIGHT_NAMES[style];
    this.drawn = new DrawnRanges(pageViewport(document));
    this.maker = { document, made: (range, mention) => this.byRange.set(range, mention) };
    // The open card's name paints over the names inside names, which paint over their outer names.
    this.active.priority = 2;
  }

  /**
   * Registers the run's mentions (replacing any earlier record of its nodes). A run whose text
   * changed since it was collected is skipped: its offsets no longer fit, and the mutation
   * that changed it brings a rescan.
   */
  addRun(run: TextRun, mentions: readonly Mention[]): void {
    for (const node of run.nodes) this.dropNode(node);
    if (mentions.length === 0 || !isIntact(run)) return;
    const record: RunRecord = { run, mentions: [] };
    for (const m of mentions) {
      const outer = m.outer === undefined ? undefined : record.mentions[m.outer];
      record.mentions.push(new LazyMention(m.entity, outer, run, m.start, m.end, this.maker));
    }
    for (const node of run.nodes) this.byNode.set(node, record);
    this.records.add(record);
    this.mentionCount += record.mentions.length;
    this.drawn.add(record);
  }

  /** Forgets the run that a text node belongs to, with all its mentions. */
  dropNode(node: Text): void {
    const record = this.byNode.get(node);
    if (record !== undefined) this.dropRecord(record);
  }

  /** Forgets every run whose text left the document. */
  dropDisconnected(): void {
    for (const record of this.records) {
      if (!record.run.nodes.every((n) => n.isConnected)) this.dropRecord(record);
    }
  }

  private dropRecord(record: RunRecord): void {
    for (const node of record.run.nodes) {
      if (this.byNode.get(node) === record) this.byNode.delete(node);
    }
    this.drawn.remove(record);
    for (const m of record.mentions) {
      if (!(m as LazyMention).hasRange) continue;
      this.byRange.delete(m.range);
      if (m.range === this.activeRange) this.setActive(null);
    }
    this.records.delete(record);
    this.mentionCount -= record.mentions.length;
  }

  /** The mentions in the run a text node belongs to. */
  mentionsOfNode(node: Node): readonly PageMention[] {
    return this.byNode.get(node as Text)?.mentions ?? [];
  }

  /** The mention a Range of ours stands for (as `highlightsFromPoint` returns them). */
  mentionOfRange(range: AbstractRange): PageMention | undefined {
    return this.byRange.get(range as Range);
  }

  /** Whether a highlight object is ours (as `highlightsFromPoint` returns it). */
  isOurHighlight(highlight: Highlight): boolean {
    return highlight === this.drawn.highlight || highlight === this.drawn.nested;
  }

  /**
   * Every mention, in document order, without making their Ranges: runs are ordered by their
   * first text node (runs never overlap), mentions within a run by offset, an outer mention
   * before the names inside it.
   */
  mentionsInOrder(): PageMention[] {
    const records = [...this.records].sort((a, b) => {
      const x = a.run.nodes[0]!;
      const y = b.run.nodes[0]!;
      if (x === y) return 0;
      return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    return records.flatMap((record) => record.mentions);
  }

  /** How many mentions each entity (by index) has. */
  countsByEntity(): Map<number, number> {
    const counts = new Map<number, number>();
    for (const record of this.records) for (const m of record.mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    return counts;
  }

  get size(): number {
    return this.mentionCount;
  }

  /** Marks the mention whose card is open (or none). */
  setActive(mention: PageMention | null): void {
    if (this.activeRange !== null) this.active.delete(this.activeRange);
    this.activeRange = mention?.range ?? null;
    if (this.activeRange !== null) this.active.add(this.activeRange);
  }

  /** Switches how mentions are drawn. */
  setStyle(style: HighlightStyle): void {
    const name = HIGHLIGHT_NAMES[style];
    if (name === this.name) return;
    this.unregister();
    this.name = name;
    this.register();
  }

  /**
   * Puts the highlights on the page, once the initial scan has filled them. Until then ranges
   * are added to a Highlight the browser does not know about: each change to a registered
   * Highlight makes Chromium prepare paint for every range in it again, so filling it while
   * registered costs a long task per slice on a page with thousands of mentions.
   */
  show(): void {
    this.shown = true;
    this.drawn.show();
    this.register();
  }

  /**
   * Puts our highlights in the page's registry, again if the page cleared or replaced them.
   * Cheap enough to call on every pointer frame and mutation batch; nothing before `show`.
   */
  register(): void {
    if (!this.shown) return;
    const registry = CSS.highlights;
    for (const [name, highlight] of this.ours()) if (registry.get(name) !== highlight) registry.set(name, highlight);
  }

  /** Removes our highlights from the page's registry (only if they are still ours). */
  unregister(): void {
    const registry = CSS.highlights;
    for (const [name, highlight] of this.ours()) if (registry.get(name) === highlight) registry.delete(name);
  }

  /** Our highlights under the names they are registered by: mentions, names inside names, the active one. */
  private ours(): [name: string, highlight: Highlight][] {
    return [
      [this.name, this.drawn.highlight],
      [this.name + NESTED_SUFFIX, this.drawn.nested],
      [ACTIVE_HIGHLIGHT, this.active],
    ];
  }

  /** Forgets every mention and removes the highlights. */
  clear(): void {
    this.unregister();
    this.shown = false;
    this.drawn.clear();
    this.setActive(null);
    this.byNode.clear();
    this.byRange.clear();
    this.records.clear();
    this.mentionCount = 0;
  }
}
