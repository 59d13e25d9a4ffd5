// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { mayAddWords } from "../../src/page/has-text-worth-scanning.ts";
import { FIRST_RECHECK_MS, MAX_RECHECK_MS, waitForText } from "../../src/page/wait-for-text.ts";

/** A frame whose text the test sets: `hasText` counts how often it is checked. */
function frame(initial: string) {
  document.body.innerHTML = `<div id="creative"><img alt=""></div><p id="slot">${initial}</p>`;
  const state = { checks: 0, woken: 0 };
  const hasText = () => {
    state.checks++;
    return document.getElementById("slot")!.textContent!.split(" ").length >= 4;
  };
  waitForText(document, window, hasText, mayAddWords, () => void state.woken++);
  return state;
}

/** Lets the mutation observer deliver, then runs the timers for `ms`. */
async function elapse(ms: number): Promise<void> {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("waitForText", () => {
  test("a frame with text wakes at once, with one check", () => {
    const state = frame("Alexander Darchiev met reporters");
    expect(state).toEqual({ checks: 1, woken: 1 });
  });

  test("an empty frame sleeps until its text changes, then checks once after the first wait", async () => {
    const state = frame("Advertisement");
    await elapse(10 * MAX_RECHECK_MS);
    expect(state).toEqual({ checks: 1, woken: 0 });
    document.getElementById("slot")!.textContent = "Later Sonata Coulter met the delegation";
    await elapse(FIRST_RECHECK_MS - 1);
    expect(state.checks).toBe(1);
    await elapse(1);
    expect(state).toEqual({ checks: 2, woken: 1 });
    // Awake, it no longer watches.
    document.getElementById("slot")!.textContent = "Advertisement";
    await elapse(10 * MAX_RECHECK_MS);
    expect(state).toEqual({ checks: 2, woken: 1 });
  });

  test("a frame that changes every second but stays empty is checked less and less often", async () => {
    const state = frame("Advertisement");
    for (let second = 1; second <= 120; second++) {
      document.getElementById("slot")!.textContent = `Ad ${second}`;
      await elapse(1000);
    }
    // 0.5, 1, 2, 4 and then every 8 s (plus the second that brings the change): about 18, not 120.
    expect(state.checks).toBeGreaterThan(10);
    expect(state.checks).toBeLessThanOrEqual(20);
    expect(state.woken).toBe(0);
    // Text arriving now is still found, within the longest wait.
    document.getElementById("slot")!.textContent = "Later Sonata Coulter met the delegation";
    await elapse(MAX_RECHECK_MS + 1000);
    expect(state.woken).toBe(1);
  });

  test("an ad that swaps its image or drops nodes is not checked again; words written into it are", async () => {
    const state = frame("Advertisement");
    for (let second = 1; second <= 60; second++) {
      const image = document.querySelector("img")!;
      const next = image.cloneNode() as HTMLImageElement;
      next.dataset.n = String(second);
      image.replaceWith(next);
      if (second === 30) document.getElementById("creative")!.append(document.createTextNode(" \n "), document.createElement("span"));
      if (second === 40) document.getElementById("creative")!.lastChild!.remove();
      await elapse(1000);
    }
    expect(state.checks).toBe(1);
    // Words in a node added deep inside an element, or written into a text node already there.
    document.getElementById("creative")!.append(Object.assign(document.createElement("div"), { innerHTML: "<p><b>Shop</b> now</p>" }));
    await elapse(FIRST_RECHECK_MS);
    expect(state.checks).toBe(2);
    (document.getElementById("slot")!.firstChild as Text).data = "Later Sonata Coulter met the delegation";
    await elapse(2 * FIRST_RECHECK_MS);
    expect(state).toEqual({ checks: 3, woken: 1 });
  });

  test("a resize of an empty frame schedules a check too", async () => {
    const state = frame("Advertisement");
    window.dispatchEvent(new Event("resize"));
    await elapse(FIRST_RECHECK_MS);
    expect(state.checks).toBe(2);
  });
});
