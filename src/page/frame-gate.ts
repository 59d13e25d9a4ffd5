/**
 * The content script of every sub-frame (the `frame-gate.js` bundle, declared for all frames; the
 * top frame runs the full `content-script.js` directly). In a frame with no text worth scanning,
 * or too small to read, it does only `hasTextWorthScanning`: no settings read, no matcher built,
 * no scanner. It waits for text (`wait-for-text.ts`: checked again after changes that may bring
 * words, less and less often while the frame stays empty); then it asks the background to
 * inject the full content script (and its highlight styles) into this frame, and steps aside.
 */
import { hasTextWorthScanning, mayAddWords } from "./has-text-worth-scanning.ts";
import { waitForText } from "./wait-for-text.ts";

/** The browser's extension namespace, read only on waking: its bindings cost memory in every frame that touches it. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } | undefined;
declare const browser: typeof chrome;

if (window !== window.top) {
  waitForText(document, window, () => hasTextWorthScanning(document, window), mayAddWords, () => {
    // The reply needs no reading: a frame the background cannot inject into simply stays as it is.
    const namespace = typeof browser !== "undefined" ? browser : chrome;
    namespace?.runtime.sendMessage({ type: "loadPageScript", script: "content-script" }).catch(() => {});
  });
}
