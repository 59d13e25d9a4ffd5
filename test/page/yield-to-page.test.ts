// @vitest-environment happy-dom
/**
 * The pacing of the scan's slices around the page's frames: a slice yields as long as the frame
 * asked for is not yet overdue, waits for it once it has been due for a frame's time, and never
 * waits on a document that is not rendering (hidden, or throttled so no frame comes).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { afterNextFrame, FRAME_DUE_MS, FramePacer, NO_FRAMES_MS } from "../../src/page/yield-to-page.ts";

/** Frames the test renders by hand: each request waits until `render` (or `fail`) is called. */
function fakeFrames() {
  const waiting: ((rendered: boolean) => void)[] = [];
  return {
    requests: () => waiting.length,
    nextFrame: () => new Promise<boolean>((resolve) => waiting.push(resolve)),
    render: () => {
      for (const resolve of waiting.splice(0)) resolve(true);
    },
    fail: () => {
      for (const resolve of waiting.splice(0)) resolve(false);
    },
  };
}

/** Whether `promise` settles within a few turns of the event loop (real tasks: `yieldToPage` posts one). */
async function settles(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 5 && !done; i++) await new Promise((resolve) => setImmediate(resolve));
  return done;
}

let now = 0;
beforeEach(() => {
  now = 1000;
  vi.spyOn(performance, "now").mockImplementation(() => now);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("FramePacer", () => {
  test("slices yield without waiting until the frame asked for has been due a frame's time, then wait for it to render", async () => {
    const frames = fakeFrames();
    const pacer = new FramePacer(document, frames.nextFrame);
    expect(await settles(pacer.pause())).toBe(true);
    expect(frames.requests()).toBe(1);
    now += FRAME_DUE_MS - 1;
    expect(await settles(pacer.pause())).toBe(true);
    expect(frames.requests()).toBe(1);
    now += 1;
    const overdue = pacer.pause();
    expect(await settles(overdue)).toBe(false);
    frames.render();
    expect(await settles(overdue)).toBe(true);
  });

  test("after a frame has rendered, the next slice asks for the next frame", async () => {
    const frames = fakeFrames();
    const pacer = new FramePacer(document, frames.nextFrame);
    await pacer.pause();
    frames.render();
    await new Promise((resolve) => setImmediate(resolve));
    now += 5 * FRAME_DUE_MS;
    // The frame rendered: this slice asks anew instead of waiting on the old one.
    expect(await settles(pacer.pause())).toBe(true);
    expect(frames.requests()).toBe(1);
    now += FRAME_DUE_MS;
    expect(await settles(pacer.pause())).toBe(false);
  });

  test("frame() waits for a rendered frame and starts the pacing afresh", async () => {
    const frames = fakeFrames();
    const pacer = new FramePacer(document, frames.nextFrame);
    const first = pacer.frame();
    expect(await settles(first)).toBe(false);
    frames.render();
    expect(await settles(first)).toBe(true);
    now += 10 * FRAME_DUE_MS;
    expect(await settles(pacer.pause())).toBe(true);
  });

  test("once a frame fails to come, slices never wait for frames again", async () => {
    const frames = fakeFrames();
    const pacer = new FramePacer(document, frames.nextFrame);
    await pacer.pause();
    now += FRAME_DUE_MS;
    const overdue = pacer.pause();
    frames.fail();
    await overdue;
    for (let i = 0; i < 5; i++) {
      now += 2 * FRAME_DUE_MS;
      expect(await settles(pacer.pause())).toBe(true);
    }
    expect(frames.requests()).toBe(0);
  });

  test("in a hidden document slices only yield: no frame is asked for", async () => {
    const frames = fakeFrames();
    vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    const pacer = new FramePacer(document, frames.nextFrame);
    expect(await settles(pacer.frame())).toBe(true);
    for (let i = 0; i < 5; i++) {
      now += 2 * FRAME_DUE_MS;
      expect(await settles(pacer.pause())).toBe(true);
    }
    expect(frames.requests()).toBe(0);
  });
});

describe("afterNextFrame", () => {
  test("resolves false when no frame comes in time, and at once in a hidden document", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "requestAnimationFrame", "cancelAnimationFrame"] });
    try {
      vi.spyOn(window, "requestAnimationFrame").mockImplementation(() => 1);
      const waiting = afterNextFrame(document);
      vi.advanceTimersByTime(NO_FRAMES_MS - 1);
      expect(await settles(waiting)).toBe(false);
      vi.advanceTimersByTime(1);
      expect(await waiting).toBe(false);
      vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
      expect(await afterNextFrame(document)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  test("resolves true after the next animation frame", async () => {
    expect(await afterNextFrame(document)).toBe(true);
  });
});
