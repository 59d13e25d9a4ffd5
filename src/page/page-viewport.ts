/**
 * The reader's viewport as drawing sees it (`drawn-ranges.ts`): its height, where a block stands
 * in it, and a call when that may have changed. A captured scroll listener (it hears every
 * scrolling element), a resize listener and one ResizeObserver on the root element cost nothing
 * while the page is still. The IntersectionObserver on every block that this replaces made
 * Chromium measure all of them in each frame that changed anything on screen: 20 ms a frame for
 * the 6,000 blocks of the bench page, paid again when a card opened.
 */
import type { Viewport } from "./drawn-ranges.ts";

/** How long after the last check (a scroll, resize or request) the page counts as settled. */
export const SETTLE_MS = 200;

/** The viewport of the document's window. */
export function pageViewport(document: Document): Viewport {
  const view = document.defaultView!;
  return {
    height: () => view.innerHeight,
    extent: (block) => {
      const rect = block.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom };
    },
    watch: (check, settle) => {
      const watching = new AbortController();
      let frame = 0;
      let settling: ReturnType<typeof setTimeout> | undefined;
      const request = () => {
        // One check per frame, however many scroll events (or requests: each new run of a
        // rescan asks while drawing is limited) the frame had; layout is read in it. The settle
        // timer is set there too, once a frame: resetting it per request once cost 65 ms of
        // setTimeout and clearTimeout for the 25,000 mentions of the bench page.
        if (frame !== 0) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          check();
          clearTimeout(settling);
          settling = setTimeout(settle, SETTLE_MS);
        });
      };
      const listen = { capture: true, passive: true, signal: watching.signal };
      document.addEventListener("scroll", request, listen);
      view.addEventListener("resize", request, listen);
      // Content that grows or shrinks above the reader (an image loading, a section opening)
      // moves the blocks without a scroll: the root element's size changes with it.
      const resized = new ResizeObserver(request);
      resized.observe(document.documentElement);
      return {
        request,
        stop: () => {
          watching.abort();
          resized.disconnect();
          cancelAnimationFrame(frame);
          frame = 0;
          clearTimeout(settling);
        },
      };
    },
  };
}
