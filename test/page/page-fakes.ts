/**
 * Stand-ins for the hover and tap trackers' tests (happy-dom has no layout and no highlight hit
 * test): mentions drawn in fixed boxes, a registry that knows them, the browser's
 * `CSS.highlights.highlightsFromPoint` over those boxes, and a card that records what it is asked.
 */
import { vi } from "vitest";
import type { MentionRegistry, PageMention } from "../../src/page/mention-registry.ts";

/** A mention of `entity` drawn in the box (left, top) to (left + 100, top + 20); give it a `startNode` to find it by its text. */
export function mentionAt(left: number, top: number, entity: number): PageMention {
  const rect = { left, top, right: left + 100, bottom: top + 20 };
  return { entity, range: { getClientRects: () => [rect], startContainer: null } as unknown as Range, startNode: null as unknown as Text };
}

/**
 * The registry as the hit test sees it (every mention's range is its own key), and a stub of the
 * browser's hit test that finds whichever mention's box holds the point: call `stubHitTest()`
 * before each test; `vi.unstubAllGlobals()` undoes it.
 */
export function fakeHighlights(mentions: readonly PageMention[]): { registry: MentionRegistry; stubHitTest: () => void } {
  const ours = {} as Highlight;
  const registry = {
    register: () => {},
    isOurHighlight: (h: Highlight) => h === ours,
    mentionOfRange: (range: AbstractRange) => mentions.find((m) => m.range === range),
    mentionsOfNode: (node: Node) => mentions.filter((m) => m.startNode === node),
  } as unknown as MentionRegistry;
  const stubHitTest = () =>
    vi.stubGlobal("CSS", {
      highlights: {
        highlightsFromPoint: (x: number, y: number) =>
          mentions
            .filter((m) => (m.range.getClientRects() as unknown as DOMRect[]).some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom))
            .map((m) => ({ highlight: ours, ranges: [m.range] })),
      },
    });
  return { registry, stubHitTest };
}

/** A card that records what it was asked to do, and the element it would be drawn in. */
export function fakeCard() {
  const calls: string[] = [];
  const cardElement = document.body.appendChild(document.createElement("div"));
  const card = {
    openMention: null as PageMention | null,
    isCardTarget: (target: EventTarget | null) => target === cardElement,
    prepare: (m: PageMention) => {
      calls.push(`prepare ${m.entity}`);
      return Promise.resolve(null);
    },
    layOutAhead: (m: PageMention) => void calls.push(`lay out ${m.entity}`),
    cancelPrepare: () => void calls.push("cancel"),
    open: (m: PageMention) => {
      calls.push(`open ${m.entity}`);
      card.openMention = m;
      return Promise.resolve(true);
    },
    close: (options?: { returnFocus?: boolean }) => {
      calls.push(options?.returnFocus ? "close, focus back" : "close");
      card.openMention = null;
    },
  };
  return { card, calls, cardElement };
}

/**
 * `event` as the browser dispatches it for the reader's own input (`isTrusted`), or, with
 * `byPage`, as a page's script dispatches it. happy-dom leaves `isTrusted` undefined on every event.
 */
export function asReaderInput<E extends Event>(event: E, byPage = false): E {
  Object.defineProperty(event, "isTrusted", { value: !byPage });
  return event;
}
