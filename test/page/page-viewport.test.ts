// @vitest-environment happy-dom
/**
 * The viewport's calls to drawing: one check per frame however many requests or scroll events
 * came, and one settle call once checks stop. The end of a scan asks once per block (25,000
 * times on the bench page), so a request must cost nothing beyond the first in a frame.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { pageViewport, SETTLE_MS } from "../../src/page/page-viewport.ts";

const FRAME_MS = 16;
let calls: string[];
let watching: { request(): void; stop(): void };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "requestAnimationFrame", "cancelAnimationFrame", "performance"] });
  calls = [];
  watching = pageViewport(document).watch(() => void calls.push("check"), () => void calls.push("settle"));
});
afterEach(() => {
  watching.stop();
  vi.useRealTimers();
});

describe("pageViewport().watch", () => {
  test("many requests in one frame make one check in the next frame, and one settle after it", () => {
    for (let i = 0; i < 25_000; i++) watching.request();
    expect(vi.getTimerCount()).toBe(1);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(FRAME_MS);
    expect(calls).toEqual(["check"]);
    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(calls).toEqual(["check"]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(["check", "settle"]);
  });

  test("scrolling frame after frame checks each frame and settles once, after the last check", () => {
    for (let frame = 0; frame < 20; frame++) {
      document.dispatchEvent(new Event("scroll"));
      document.dispatchEvent(new Event("scroll"));
      vi.advanceTimersByTime(FRAME_MS);
    }
    expect(calls).toEqual(Array(20).fill("check"));
    vi.advanceTimersByTime(SETTLE_MS);
    expect(calls).toEqual([...Array(20).fill("check"), "settle"]);
  });

  test("stopped, it neither checks nor settles", () => {
    watching.request();
    watching.stop();
    vi.advanceTimersByTime(SETTLE_MS * 2);
    expect(calls).toEqual([]);
  });
});
