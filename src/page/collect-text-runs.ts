/**
 * Turns a DOM into text runs: the text a reader sees as one stretch, with a map back to the
 * text nodes it came from. A name split across inline elements (`<b>Pioneer</b> Point`) is one
 * run; block elements, `<br>` and skipped elements separate runs. Only standard DOM calls are
 * used, so the same code runs in the page and, over a Node DOM, in the command-line scanner.
 *
 * The walk follows firstChild / nextSibling / parentNode pointers, not recursion, so a page
 * nested 5,000 levels deep cannot overflow the stack.
 */

/** A stretch of text with the text nodes it was joined from. */
export interface TextRun {
  readonly text: string;
  readonly nodes: readonly Text[];
  /** Offset in `text` where each node starts (same length as `nodes`, ascending). */
  readonly starts: readonly number[];
}

/** Elements whose text flows into the surrounding run. Anything else starts a new run. */
const INLINE = new Set([
  "a", "abbr", "b", "bdi", "bdo", "cite", "data", "del", "dfn", "em", "font", "i", "ins", "label",
  "mark", "q", "rp", "rt", "ruby", "s", "small", "span", "strong", "sub", "sup", "time", "u", "wbr",
  "big", "tt", "nobr",
]);

/** Elements whose content is never matched: code, form fields, non-rendered and embedded content. */
const SKIPPED = new Set([
  "script", "style", "noscript", "template", "textarea", "input", "select", "option", "optgroup",
  "button", "code", "pre", "kbd", "samp", "var", "iframe", "frame", "object", "embed", "canvas",
  "svg", "math", "video", "audio", "head", "title",
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The attribute that marks the extension's own overlay host. */
export const OVERLAY_ATTRIBUTE = "data-backstory";

const enum Kind {
  Inline,
  Block,
  Break,
  Skip,
}

function isEditable(element: Element): boolean {
  const value = element.getAttribute("contenteditable");
  return value !== null && value.toLowerCase() !== "false";
}

/**
 * Whether a `<pre>` is the browser's own view of a plain-text file (a `.txt` article or press
 * release opened directly, shown as one `<pre>` in both browsers): it is the reader's text, not
 * code. A page's own `<pre>` (code, poetry laid out by hand, ASCII tables) stays skipped.
 */
function isPlainTextView(element: Element): boolean {
  return element.ownerDocument.contentType === "text/plain";
}

function kindOf(element: Element): Kind {
  const name = element.localName;
  if (name === "pre" && isPlainTextView(element)) return Kind.Block;
  if (SKIPPED.has(name) || isEditable(element) || element.hasAttribute(OVERLAY_ATTRIBUTE)) return Kind.Skip;
  if (name === "br") return Kind.Break;
  return INLINE.has(name) ? Kind.Inline : Kind.Block;
}

/** Whether a node lies in a region that is never matched (form field, code, editable, overlay). */
export function isInSkippedRegion(node: Node): boolean {
  for (let n: Node | null = node; n !== null; n = n.parentNode) {
    if (n.nodeType === ELEMENT_NODE && kindOf(n as Element) === Kind.Skip) return true;
  }
  return false;
}

/** Collects text nodes into one run at a time. */
class RunBuilder {
  private nodes: Text[] = [];
  private starts: number[] = [];
  private parts: string[] = [];
  private length = 0;
  private hasContent = false;

  add(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    this.nodes.push(node);
    this.starts.push(this.length);
    this.parts.push(data);
    this.length += data.length;
    if (!this.hasContent && /\S/.test(data)) this.hasContent = true;
  }

  /** The run collected so far, or null when it holds no visible character; then starts afresh. */
  take(): TextRun | null {
    const run: TextRun | null = this.hasContent
      ? { text: this.parts.length === 1 ? this.parts[0]! : this.parts.join(""), nodes: this.nodes, starts: this.starts }
      : null;
    if (this.nodes.length > 0) {
      this.nodes = [];
      this.starts = [];
      this.parts = [];
    }
    this.length = 0;
    this.hasContent = false;
    return run;
  }
}

/**
 * Yields the text runs under `root` (an element, document, fragment or shadow root), then
 * those of every open shadow root found inside it. The root itself is not checked for being
 * skipped: callers rescanning part of a page check `isInSkippedRegion` first.
 */
export function* collectTextRuns(
  root: Node,
  options: { onShadowRoot?: (shadowRoot: ShadowRoot) => void } = {},
): Generator<TextRun, void, undefined> {
  for (const step of collectTextRunsInSteps(root, options)) if (step !== null) yield step;
}

/** How many elements the walk visits between two of the pauses `collectTextRunsInSteps` offers. */
const STEP_ELEMENTS = 256;

/**
 * `collectTextRuns` for a caller that slices its work: also yields null after every
 * `STEP_ELEMENTS` elements walked, so it can pause inside one run that spans thousands of
 * elements (3,500 nested inline elements hold one run; walking them takes tens of ms in
 * Firefox, whose content scripts reach the DOM through Xray wrappers).
 */
export function* collectTextRunsInSteps(
  root: Node,
  options: { onShadowRoot?: (shadowRoot: ShadowRoot) => void } = {},
): Generator<TextRun | null, void, undefined> {
  const pending: Node[] = [root];
  const walked = { elements: 0 };
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next !== root) options.onShadowRoot?.(next as ShadowRoot);
    yield* walk(next, pending, walked);
  }
}

/**
 * The nearest ancestor that bounds the runs a node belongs to: a block element, or the
 * shadow root or document at the top. Rescanning it recollects every run the node is part of.
 */
export function enclosingBlock(node: Node): Node {
  let n: Node = node.nodeType === ELEMENT_NODE ? node : (node.parentNode ?? node);
  for (;;) {
    if (n.nodeType === ELEMENT_NODE) {
      const kind = kindOf(n as Element);
      if (kind === Kind.Block || kind === Kind.Skip) return n;
    }
    const parent: Node | null = n.parentNode;
    if (parent === null) return n;
    n = parent;
  }
}

/** Whether a node ends any run beside it: a block, a `<br>` or a skipped element. */
function separatesRuns(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && kindOf(node as Element) !== Kind.Inline;
}

/** Whether a text node holds nothing but white space (it adds no word to a run). */
function isBlank(node: Node): boolean {
  return node.nodeType === TEXT_NODE && (node as Text).data.trim() === "";
}

/** Whether, going from `node` by `step` (white space aside), a run separator or the block's edge comes before any inline content. */
function isRunEdge(node: Node | null, step: (node: Node) => Node | null): boolean {
  for (let n = node; n !== null; n = step(n)) {
    if (!isBlank(n)) return separatesRuns(n);
  }
  return true;
}

/**
 * The nodes to scan again after a mutation so that every run it may have changed is collected
 * afresh: the enclosing block of what changed. Except for a change to a block's own child list
 * that only adds or removes run separators (blocks, `<br>`, skipped elements) and white space,
 * with no inline content on one of its sides: the block's other runs are then what they were
 * (no run was split or joined), and only the added nodes need scanning. Without this, an ad's
 * container or a script appended to `<body>` made the whole page be scanned again.
 */
export function nodesChangedBy(record: MutationRecord): Node[] {
  const target = record.target;
  const block = enclosingBlock(target);
  if (record.type === "childList" && block === target) {
    const onlySeparators = [...record.addedNodes, ...record.removedNodes].every((n) => separatesRuns(n) || isBlank(n));
    const atRunEdge = isRunEdge(record.previousSibling, (n) => n.previousSibling) || isRunEdge(record.nextSibling, (n) => n.nextSibling);
    if (onlySeparators && atRunEdge) return [...record.addedNodes].filter((n) => !isBlank(n));
  }
  return [block];
}

function* walk(top: Node, shadowRoots: Node[], walked: { elements: number }): Generator<TextRun | null, void, undefined> {
  const builder = new RunBuilder();
  if (top.nodeType === TEXT_NODE) {
    builder.add(top as Text);
    const run = builder.take();
    if (run) yield run;
    return;
  }
  // For each element the walk is inside, whether it is a block: leaving one ends a run. Kept
  // from the way down, so an element's kind (three DOM calls) is looked up once.
  const insideBlock: boolean[] = [];
  let node: Node | null = top.firstChild;
  outer: while (node !== null) {
    let descend = false;
    let isBlock = false;
    if (node.nodeType === TEXT_NODE) {
      builder.add(node as Text);
    } else if (node.nodeType === ELEMENT_NODE) {
      if (++walked.elements % STEP_ELEMENTS === 0) yield null;
      const element = node as Element;
      const kind = kindOf(element);
      if (kind !== Kind.Inline) {
        const run = builder.take();
        if (run) yield run;
      }
      if (kind === Kind.Inline || kind === Kind.Block) {
        descend = true;
        isBlock = kind === Kind.Block;
        const shadow = element.shadowRoot;
        if (shadow) shadowRoots.push(shadow);
      }
    }
    if (descend && node.firstChild !== null) {
      insideBlock.push(isBlock);
      node = node.firstChild;
      continue;
    }
    // Leave this node, and every ancestor whose last child it was.
    for (;;) {
      if (isBlock) {
        const run = builder.take();
        if (run) yield run;
      }
      if (node.nextSibling !== null) {
        node = node.nextSibling;
        continue outer;
      }
      const parent: Node | null = node.parentNode;
      if (parent === null || parent === top) break outer;
      node = parent;
      isBlock = insideBlock.pop() === true;
    }
  }
  const run = builder.take();
  if (run) yield run;
}

/**
 * The text node and offset for a position in a run. At a boundary between two nodes, a start
 * position belongs to the later node and an end position to the earlier one, so a range never
 * begins at the very end of a node or ends at the start of one.
 */
export function positionInRun(run: TextRun, offset: number, isEnd: boolean): { node: Text; offset: number } {
  const { starts, nodes } = run;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    const s = starts[mid]!;
    if (s < offset || (s === offset && !isEnd)) lo = mid;
    else hi = mid - 1;
  }
  return { node: nodes[lo]!, offset: offset - starts[lo]! };
}
