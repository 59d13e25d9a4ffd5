// @vitest-environment happy-dom
/**
 * Yielding between scan slices: a quick `scheduler.yield()` most of the time, but once our slices
 * have held the thread for a frame's worth of time since the last rendering, a wait for the next
 * animation frame, so that Chromium does not put rendering off for ~100 ms (issue 15's long frame).
 */
import { afterEach, expect, test, vi } from "vitest";
import { yieldToPage } from "../../src/page/yield-to-page.ts";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

test("yields to the scheduler within a frame's worth of work, and lets a frame render after it", async () => {
  vi.useFakeTimers({ toFake: ["performance", "requestAnimationFrame", "setTimeout"] });
  const used: string[] = [];
  vi.stubGlobal("scheduler", {
    yield: () => {
      used.push("scheduler.yield");
      return Promise.resolve();
    },
  });
  const rendered = () => vi.advanceTimersToNextFrame();
  const spyFrame = vi.spyOn(globalThis, "requestAnimationFrame");

  // The first yield of a page has no rendering to count from: it waits for a frame.
  const first = yieldToPage();
  rendered();
  await first;
  used.push(spyFrame.mock.calls.length === 1 ? "frame" : "no frame");

  // 8 ms of work later (one slice): the scheduler.
  vi.advanceTimersByTime(8);
  await yieldToPage();

  // 16 ms after the last rendering (two slices): a frame again.
  vi.advanceTimersByTime(8);
  const third = yieldToPage();
  rendered();
  await third;
  used.push(spyFrame.mock.calls.length === 2 ? "frame" : "no frame");

  expect(used).toEqual(["frame", "scheduler.yield", "frame"]);
});
