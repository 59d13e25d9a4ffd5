/**
 * Gives the main thread back to the page between slices of work, so no task of ours runs long
 * enough to delay the reader's input, and no frame of the page waits behind a run of our slices.
 */

interface Scheduler {
  yield(): Promise<void>;
}

/**
 * How long a frame may stay due before our slices stop and let it render: one frame at 60 Hz.
 * With a slice of up to 8 ms on top, the page renders at least every ~25 ms of our work.
 */
export const FRAME_DUE_MS = 16;
/**
 * How long a requested frame may fail to come before the document is taken not to be rendering
 * (a frame scrolled out of view that the browser throttles): from then on nothing waits for frames.
 */
export const NO_FRAMES_MS = 100;

/** Resolves after the page has had a chance to run its own tasks. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return nextTask();
}

/** Resolves in a task of its own (a message-channel task is not clamped like nested `setTimeout` calls are). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Resolves true in the task after the document's next frame has rendered; false at once in a
 * hidden document (it renders nothing), or if no frame came within `NO_FRAMES_MS`.
 */
export function afterNextFrame(document: Document): Promise<boolean> {
  const view = document.defaultView;
  if (view === null || document.visibilityState === "hidden") return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      view.cancelAnimationFrame(frame);
      resolve(false);
    }, NO_FRAMES_MS);
    // The frame renders right after its animation-frame callbacks: a task posted from one runs
    // after the rendering.
    const frame = view.requestAnimationFrame(() => {
      clearTimeout(timer);
      void nextTask().then(() => resolve(true));
    });
  });
}

/**
 * Paces a long run of slices around the page's frames. `scheduler.yield()` lets the page's
 * input and tasks in, but its continuations run ahead of rendering: Chromium renders a pending
 * frame only once it has waited ~100 ms, so the scan's slices, back to back after load, made one
 * ~100 ms animation frame. The pacer asks for a frame when a run starts and after each frame it
 * sees; a slice that ends once the frame has been due for a frame's time waits for it to render,
 * and the others yield as before. The matcher's build is paced the same way (`content-script.ts`).
 * On the bench's 2 MB page the longest frame after load was ~95 ms in 7 of 8 loads; with both
 * paced, one of 8 loads had a frame over 50 ms (52 ms), and the scan took ~7 % longer (312
 * against 291 ms, medians). Only the initial scan is paced (see `PageScanner.pause`).
 */
export class FramePacer {
  /** The frame last asked for: when, and whether it has rendered (or failed to come). */
  private due: { since: number; settled: boolean; rendered: Promise<boolean> } | null = null;
  /** Set once a requested frame failed to come: the document is not rendering. */
  private renderingStopped = false;

  constructor(
    private readonly document: Document,
    /** Waits for the next frame (`afterNextFrame`; a fake in tests). */
    private readonly nextFrame: (document: Document) => Promise<boolean> = afterNextFrame,
  ) {}

  /** Waits until the page has rendered a frame (unless it is not rendering), and starts the pacing afresh. */
  async frame(): Promise<void> {
    this.due = null;
    if (this.isRendering()) await this.request(performance.now()).rendered;
  }

  /** Ends a slice: waits for the page's frame if it is overdue, and otherwise yields. */
  async pause(): Promise<void> {
    if (!this.isRendering()) return yieldToPage();
    const now = performance.now();
    if (this.due === null || this.due.settled) {
      this.due = this.request(now);
      return yieldToPage();
    }
    if (now - this.due.since < FRAME_DUE_MS) return yieldToPage();
    await this.due.rendered;
  }

  private isRendering(): boolean {
    return !this.renderingStopped && this.document.visibilityState !== "hidden";
  }

  private request(since: number): { since: number; settled: boolean; rendered: Promise<boolean> } {
    const due = { since, settled: false, rendered: Promise.resolve(false) };
    due.rendered = this.nextFrame(this.document).then((rendered) => {
      due.settled = true;
      if (!rendered) this.renderingStopped = true;
      return rendered;
    });
    return due;
  }
}
