/**
 * Gives the main thread back to the page between slices of work, so no task of ours runs long
 * enough to delay the reader's input, and lets the browser render at least every few slices.
 *
 * `scheduler.yield()` continuations run ahead of the page's other tasks, and Chromium puts off
 * rendering while such tasks keep coming: it only forces a frame after ~100 ms of them, which
 * the Long Animation Frames API reports as one ~100 ms frame with the scan's slices inside
 * (issue 15). So once our slices have held the thread for a frame's worth of time since the
 * last rendering, the next yield waits for an animation frame and its rendering instead.
 */

interface Scheduler {
  yield(): Promise<void>;
}

/** How long our slices may run, added up, before a yield lets a frame render (one frame at 60 Hz). */
const RENDER_EVERY_MS = 16;

/** When the last yield that let a frame render resumed (`performance.now()`). */
let lastRendered = -Infinity;

/** Resolves after the next animation frame has been rendered (a task posted from the frame's callback runs after its rendering). */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => postTask(resolve));
  });
}

/** A message-channel task: not clamped like nested setTimeout calls are. */
function postTask(callback: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
}

/** Resolves after the page has had a chance to run its own tasks, and, every frame's worth of our work, to render. */
export async function yieldToPage(): Promise<void> {
  const now = performance.now();
  if (now - lastRendered >= RENDER_EVERY_MS && typeof requestAnimationFrame === "function" && document.visibilityState === "visible") {
    await afterNextFrame();
    lastRendered = performance.now();
    return;
  }
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => postTask(resolve));
}
