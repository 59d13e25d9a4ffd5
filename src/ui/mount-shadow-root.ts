/**
 * The one helper that mounts in-page UI: a host element carrying `data-backstory`, appended to
 * `<html>` (so `document.body` is never touched), with a closed shadow root holding our styles
 * and a Preact tree. Closed, so page scripts cannot reach in; `:host { all: initial }` in the
 * styles, so page CSS cannot leak in through inheritance.
 */
import { render, type ComponentChild } from "preact";

/** A mounted piece of in-page UI. */
export interface ShadowMount {
  /** The element Preact renders into. */
  readonly container: HTMLElement;
  /** Renders (or re-renders) the tree. */
  render(tree: ComponentChild): void;
  /** Whether an event target (as the page sees it) is our host. */
  isHost(target: EventTarget | null): boolean;
  /** Whether a node is inside our shadow tree. */
  contains(node: Node | null): boolean;
  /**
   * Puts a host made detached into the document (nothing if it is there already). `hidden`
   * keeps it invisible, inert and transparent to the pointer, so the browser lays the tree out
   * and paints it before anyone sees it.
   */
  attach(options?: { hidden?: boolean }): void;
  /** Shows a host attached hidden, without another layout; it takes the pointer and focus a frame later. */
  reveal(): void;
  /** Unmounts the tree and removes the host: the document is as it was. */
  unmount(): void;
}

/** Host styles set inline with !important, so page rules such as `div { display: none !important }` cannot hide us. */
const HOST_STYLE: Record<string, string> = {
  display: "block",
  position: "fixed",
  top: "0",
  left: "0",
  width: "0",
  height: "0",
  overflow: "visible",
  "z-index": "2147483647",
  margin: "0",
  padding: "0",
  border: "0",
  visibility: "visible",
  opacity: "1",
  transform: "none",
  "pointer-events": "auto",
};

/** The longest a revealed host waits for the frame after the one that shows it before it takes the pointer. */
const INTERACTIVE_AFTER_MS = 250;

/**
 * Creates the host, its closed shadow root and styles, and returns the mount. With
 * `{ detached: true }` the host stays out of the document until `attach()`, so a tree can be
 * rendered ahead of time without the page laying it out or seeing it.
 */
export function mountShadowRoot(document: Document, attribute: string, styles: string, options: { detached?: boolean } = {}): ShadowMount {
  const host = document.createElement("div");
  host.setAttribute(attribute, "");
  for (const [property, value] of Object.entries(HOST_STYLE)) host.style.setProperty(property, value, "important");
  const shadow = host.attachShadow({ mode: "closed" });
  const style = document.createElement("style");
  style.textContent = styles;
  const container = document.createElement("div");
  shadow.append(style, container);
  const attach = (options: { hidden?: boolean } = {}) => {
    if (options.hidden) {
      // A layer of its own, painted while transparent: showing it is then a change of the
      // layer's opacity, not a first paint of the card into the page's layer (4–6 ms of paint
      // in the frame that shows a card on the bench's long page instead of 8.5–14 ms).
      host.style.setProperty("will-change", "opacity", "important");
      host.style.setProperty("opacity", "0", "important");
      host.style.setProperty("pointer-events", "none", "important");
      host.inert = true;
    }
    if (!host.isConnected) document.documentElement.append(host);
  };
  const reveal = () => {
    host.style.setProperty("opacity", "1", "important");
    // Interactive from the next frame: clearing `inert` restyles every element of the card and
    // lays its disclosures out again (on the bench's long page 6–12 ms, more than the rest of
    // the frame), so it waits until the card has been drawn. Nobody can aim at a card, nor a
    // screen reader announce it, within the frame it appears in. A frame's callbacks run before
    // it is drawn: the second one runs in the frame after the one that shows the card.
    // Where no frames come (a document in a background tab, where a test may hover), a timer
    // does it instead.
    const view = document.defaultView;
    const takePointer = () => {
      clearTimeout(timer);
      host.style.setProperty("pointer-events", "auto", "important");
      host.inert = false;
    };
    const timer = setTimeout(takePointer, INTERACTIVE_AFTER_MS);
    view?.requestAnimationFrame(() => view.requestAnimationFrame(takePointer));
  };
  if (!options.detached) attach();
  return {
    container,
    attach,
    reveal,
    render: (tree) => render(tree, container),
    isHost: (target) => target === host,
    contains: (node) => node !== null && (node === host || shadow.contains(node)),
    unmount: () => {
      render(null, container);
      host.remove();
    },
  };
}
