/**
 * Which mention is under the pointer. `CSS.highlights.highlightsFromPoint` answers directly
 * where the browser has it (Chromium 140+, Firefox 150+); elsewhere the caret position under
 * the pointer gives a text node and offset, looked up in our own index. Caret functions snap
 * to the nearest character, so either way the pointer must lie inside one of the mention's
 * client rects: a pointer in the margin beside a line is not on the name at its end.
 * `highlightsFromPoint` can miss (see below), so its miss falls back to the caret.
 */
import type { MentionRegistry, PageMention } from "./mention-registry.ts";

interface HighlightHit {
  highlight: Highlight;
  ranges: AbstractRange[];
}
type RegistryWithHitTest = HighlightRegistry & { highlightsFromPoint?: (x: number, y: number) => HighlightHit[] };

function isInsideRects(range: Range, x: number, y: number): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}

function caretAt(document: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === "function") {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** How many names a mention lies inside. */
function depthOf(mention: PageMention): number {
  let depth = 0;
  for (let m = mention.outer; m !== undefined; m = m.outer) depth++;
  return depth;
}

/** Of two mentions under the pointer, the innermost: a name inside a name opens its own card. */
function inner(best: PageMention | null, mention: PageMention): PageMention {
  return best === null || depthOf(mention) > depthOf(best) ? mention : best;
}

/** The mention under the viewport point (x, y), the innermost where names nest, or null. */
export function mentionAtPoint(document: Document, registry: MentionRegistry, x: number, y: number): PageMention | null {
  const highlights = CSS.highlights as RegistryWithHitTest;
  let found: PageMention | null = null;
  if (typeof highlights.highlightsFromPoint === "function") {
    try {
      for (const hit of highlights.highlightsFromPoint(x, y)) {
        if (!registry.isOurHighlight(hit.highlight)) continue;
        for (const range of hit.ranges) {
          const mention = registry.mentionOfRange(range);
          if (mention && isInsideRects(mention.range, x, y)) found = inner(found, mention);
        }
      }
      // Chromium 156 finds nothing at a device scale factor other than 1 (a phone's 2 or 3,
      // seen under emulation) where the caret path below finds the name: there a miss is
      // checked by the caret. At 1 a miss is a miss, and the pointer's every frame stays cheap.
      if (found !== null || document.defaultView?.devicePixelRatio === 1) return found;
    } catch {
      // A wrapper the content-script world cannot read: use the caret path below.
    }
  }
  const caret = caretAt(document, x, y);
  if (caret === null) return null;
  for (const mention of registry.mentionsOfNode(caret.node)) {
    if (mention.range.isPointInRange(caret.node, caret.offset) && isInsideRects(mention.range, x, y)) found = inner(found, mention);
  }
  return found;
}
