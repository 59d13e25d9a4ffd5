/**
 * The card's UI: Preact, Floating UI, the card and its stylesheet, over half of what the content
 * script used to carry. It is built as its own bundle (`card-view.js`, see `card-view-entry.ts`)
 * that the background injects into a frame the first time a dwell starts there, so pages where
 * no card opens never parse it.
 */
import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from "@floating-ui/dom";
import { h } from "preact";
import { EntityCard, type EntityCardProps } from "../ui/card/EntityCard.tsx";
import { cardStyles } from "../ui/card/card-styles.ts";
import { mountShadowRoot } from "../ui/mount-shadow-root.ts";
import { citationText } from "../shared/citation-text.ts";
import { copyText } from "./copy-text.ts";
import { isSheetViewport, placeAsBottomSheet, revealAboveSheet } from "./bottom-sheet.ts";

/** A card's host: renders the card (attached or not yet) and keeps it placed at a mention. */
export interface CardView {
  /** Renders (or re-renders) the card; a new `key` remounts it. The view adds "Copy citation". */
  render(props: Omit<EntityCardProps, "onCopyCitation"> & { key: string }): void;
  /** Puts the host into the document and plays the card's entrance (a prepared card is rendered before it is attached). */
  attach(): void;
  /** Places the card at a line of the range and keeps it there; returns the function that stops it. */
  place(range: Range, pointer: { x: number; y: number } | undefined, onError: (update: Promise<void>) => void): () => void;
  /**
   * Attaches the host hidden and places the card, so the browser styles and lays it out while
   * a dwell runs; `reveal` then shows it. Returns the function that stops placing it, or null
   * where a card is not laid out ahead (a phone's bottom sheet scrolls the page to show its
   * name, which must wait until the card opens).
   */
  layOutHidden(range: Range, pointer: { x: number; y: number } | undefined, onError: (update: Promise<void>) => void): (() => void) | null;
  /** Shows a card laid out hidden, playing its entrance; it takes the pointer a frame later. */
  reveal(): void;
  /** Whether an event target (as the page sees it) is the card's host. */
  isHost(target: EventTarget | null): boolean;
  /** Removes the card and its host. */
  unmount(): void;
}

/** Creates the card's host (a closed shadow root carrying `attribute`), detached until `attach()`. */
export function createCardView(document: Document, attribute: string): CardView {
  const mount = mountShadowRoot(document, attribute, cardStyles, { detached: true });
  const place: CardView["place"] = (range, pointer, onError) =>
    placeAt(document, mount.container.firstElementChild as HTMLElement | null, range, pointer, onError);
  return {
    render: (props) =>
      mount.render(
        h(EntityCard, {
          ...props,
          // The citation's wording lives with the card's, in this bundle; a fallback copy needs a
          // place inside our own shadow root.
          onCopyCitation: (fact) => copyText(document, citationText(fact, props.language), mount.container),
        }),
      ),
    attach: () => {
      mount.attach();
      playEntrance(document.defaultView!, mount.container.firstElementChild);
    },
    place,
    layOutHidden: (range, pointer, onError) => {
      if (isSheetViewport(document.defaultView!)) return null;
      mount.attach({ hidden: true });
      return place(range, pointer, onError);
    },
    reveal: () => {
      mount.reveal();
      playEntrance(document.defaultView!, mount.container.firstElementChild);
    },
    isHost: (target) => mount.isHost(target),
    unmount: () => mount.unmount(),
  };
}

/** How a card comes in: it rises and fades in beside its name; a phone's bottom sheet slides up. */
const ENTRANCE: Record<"beside" | "sheet", Keyframe[]> = {
  beside: [
    { opacity: 0, transform: "translateY(4px)" },
    { opacity: 1, transform: "none" },
  ],
  sheet: [{ transform: "translateY(24px)" }, { transform: "none" }],
};

/**
 * Plays the card's entrance as it is shown. A Web Animation started by the call that shows the
 * card, not a CSS one keyed on the host's state: the state that shows a card laid out ahead
 * (its opacity) is the host's inline style, which no selector can match, and the one a
 * selector could (`inert`) changes a frame later (mount-shadow-root.ts). Opacity and transform
 * run on the compositor.
 */
function playEntrance(view: Window, card: Element | null): void {
  if (card === null || view.matchMedia("(prefers-reduced-motion: reduce)").matches) return;
  card.animate(ENTRANCE[isSheetViewport(view) ? "sheet" : "beside"], { duration: 140, easing: "ease-out" });
}

function placeAt(
  document: Document,
  floating: HTMLElement | null,
  range: Range,
  pointer: { x: number; y: number } | undefined,
  onError: (update: Promise<void>) => void,
): () => void {
  if (floating === null) return () => {};
  const view = document.defaultView!;
  // On a phone the card is a bottom sheet (bottom-sheet.ts), made one before anything below
  // reads the layout: made one after the name's lines were read, the new card was laid out
  // twice as the tap opened it (35–55 ms each for a card of a dozen facts on this machine).
  const sheet = isSheetViewport(view);
  if (sheet) placeAsBottomSheet(floating, true);
  // The line under the pointer, for a name wrapped over two lines; else its first line.
  const rects = [...range.getClientRects()];
  const lineIndex = Math.max(0, pointer ? rects.findIndex((r) => pointer.y >= r.top && pointer.y <= r.bottom) : 0);
  // No contextElement: Floating UI would walk every ancestor of the mention (a computed
  // style each) to find scroll containers, a long task on a deeply nested page.
  const reference: VirtualElement = {
    getBoundingClientRect: () => range.getClientRects()[lineIndex] ?? range.getBoundingClientRect(),
  };
  const rtl = floating.getAttribute("dir") === "rtl";
  const update = async () => {
    // On a phone the card is a bottom sheet (bottom-sheet.ts); a rotation can change that.
    const sheet = isSheetViewport(view);
    placeAsBottomSheet(floating, sheet);
    if (sheet) return;
    const { x, y } = await computePosition(reference, floating, {
      strategy: "fixed",
      placement: rtl ? "bottom-end" : "bottom-start",
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        // Where neither side has room for the whole card, it shrinks and scrolls inside.
        size({
          padding: 8,
          apply: ({ availableHeight }) => {
            floating.style.maxHeight = `${Math.max(160, Math.floor(availableHeight))}px`;
          },
        }),
      ],
    });
    floating.style.left = `${x}px`;
    floating.style.top = `${y}px`;
  };
  if (sheet) revealAboveSheet(view, floating, reference.getBoundingClientRect());
  // One captured scroll listener sees every scrolling element's scroll, whatever its depth.
  const placing = new AbortController();
  const onMove = () => onError(update());
  document.addEventListener("scroll", onMove, { capture: true, passive: true, signal: placing.signal });
  view.addEventListener("resize", onMove, { passive: true, signal: placing.signal });
  const stopAuto = autoUpdate(reference, floating, update, { ancestorScroll: false, ancestorResize: false, layoutShift: false });
  return () => {
    placing.abort();
    stopAuto();
  };
}
