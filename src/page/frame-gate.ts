/**
 * The content script of every sub-frame (the `frame-gate.js` bundle, declared for all frames; the
 * top frame runs the full `content-script.js` directly). In a frame with no text worth scanning,
 * or too small to read, it does only `hasTextWorthScanning`: no settings read, no matcher built,
 * no scanner. One MutationObserver and a resize listener, which only schedule the check again,
 * wake it when text arrives; then it asks the background to inject the full content script (and
 * its highlight styles) into this frame, and steps aside.
 */
import { hasTextWorthScanning } from "./has-text-worth-scanning.ts";

/** The browser's extension namespace, read only on waking: its bindings cost memory in every frame that touches it. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } | undefined;
declare const browser: typeof chrome;

/** How long after a change the check runs again: a frame that animates costs one check per interval. */
const RECHECK_MS = 500;

if (window !== window.top) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = (): boolean => {
    if (!hasTextWorthScanning(document, window)) return false;
    observer.disconnect();
    window.removeEventListener("resize", schedule);
    // The reply needs no reading: a frame the background cannot inject into simply stays as it is.
    const namespace = typeof browser !== "undefined" ? browser : chrome;
    namespace?.runtime.sendMessage({ type: "loadPageScript", script: "content-script" }).catch(() => {});
    return true;
  };
  const schedule = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      check();
    }, RECHECK_MS);
  };
  const observer = new MutationObserver(schedule);
  if (!check()) {
    observer.observe(document, { childList: true, characterData: true, subtree: true });
    window.addEventListener("resize", schedule, { passive: true });
  }
}
