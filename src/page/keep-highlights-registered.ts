/**
 * Puts our highlights back when the page has cleared or replaced them in the shared registry
 * (`CSS.highlights.clear()` from a page script removes ours too), at the moments a reader
 * would notice them gone: when the page scrolls (with the wheel, the keyboard or a script), and
 * when the tab comes back into view. Pointer movement and DOM changes already re-register (the
 * hover tracker and the scanner).
 *
 * Why events and not a timer: a check costs two registry lookups, but a timer while visible
 * would wake every open tab for as long as it stays open, for a page that clears the registry
 * while nobody scrolls or moves the pointer; then nothing on screen moves either, and the next
 * scroll, key press that scrolls, or glance back at the tab restores them within a frame.
 */
import type { MentionRegistry } from "./mention-registry.ts";

/** Re-registers our highlights at most once per animation frame while the page scrolls, and on becoming visible. */
export function keepHighlightsRegistered(document: Document, registry: MentionRegistry, signal: AbortSignal): void {
  const view = document.defaultView!;
  let frame = 0;
  const check = () => {
    if (frame !== 0) return;
    frame = view.requestAnimationFrame(() => {
      frame = 0;
      registry.register();
    });
  };
  // Captured: a scroll inside any scrolling element reaches the document in the capture phase.
  document.addEventListener("scroll", check, { capture: true, passive: true, signal });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") registry.register();
  }, { signal });
  signal.addEventListener("abort", () => view.cancelAnimationFrame(frame), { once: true });
}
