// @vitest-environment happy-dom
/**
 * The tap tracker's decisions, on fake timers: which touches open, move or close a card, and
 * which leave it (and the page) alone. Real touch input in real browsers is in
 * test/e2e/touch.test.ts.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { CardOverlay } from "../../src/page/card-overlay.ts";
import { LONG_PRESS_MS, TAP_SLOP_PX, TapTracker } from "../../src/page/tap-tracker.ts";
import { asReaderInput, fakeCard, fakeHighlights, mentionAt } from "./page-fakes.ts";

// Darchiev in plain text at (0, 0); Bruce in plain text at (0, 100); Killenworth in a link at (0, 200).
const darchiev = mentionAt(0, 0, 1);
const bruce = mentionAt(0, 100, 2);
const killenworth = mentionAt(0, 200, 3);
const mentions = [darchiev, bruce, killenworth];
const { registry, stubHitTest } = fakeHighlights(mentions);

let controller: AbortController;
let card: ReturnType<typeof fakeCard>;
let text: HTMLElement;
let link: HTMLElement;
/** Events whose default was prevented by the time they reached the page's own listener. */
let prevented: string[];

function pointer(type: string, x: number, y: number, target: Element, options: { pointerType?: string; pointerId?: number; isPrimary?: boolean; byPage?: boolean } = {}): void {
  const event = new PointerEvent(type, {
    clientX: x,
    clientY: y,
    pointerType: options.pointerType ?? "touch",
    pointerId: options.pointerId ?? 1,
    isPrimary: options.isPrimary ?? true,
    bubbles: true,
    cancelable: true,
  });
  target.dispatchEvent(asReaderInput(event, options.byPage));
}

/** A finger down at (x, y) on `target`, moved by `dx`, lifted `restMs` later. */
function tap(x: number, y: number, target: Element, options: { dx?: number; restMs?: number; pointerType?: string; byPage?: boolean } = {}): void {
  pointer("pointerdown", x, y, target, options);
  if (options.dx) pointer("pointermove", x + options.dx, y, target, options);
  vi.advanceTimersByTime(options.restMs ?? 80);
  pointer("pointerup", x + (options.dx ?? 0), y, target, options);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  stubHitTest();
  document.body.innerHTML = `<p id="text">Alexander Darchiev</p><p><a id="link" href="#next">Killenworth</a></p>`;
  text = document.getElementById("text")!;
  link = document.getElementById("link")!;
  prevented = [];
  for (const type of ["pointerdown", "pointermove", "pointerup"]) {
    window.addEventListener(type, (event) => {
      if (event.defaultPrevented) prevented.push(type);
    });
  }
  controller = new AbortController();
  card = fakeCard();
  new TapTracker(document, registry, card.card as unknown as CardOverlay, controller.signal);
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("tap tracker", () => {
  test("a tap on a name opens its card at once, fetched from the moment the finger touched", () => {
    tap(50, 10, text);
    expect(card.calls).toEqual(["prepare 1", "open 1"]);
    expect(prevented).toEqual([]);
  });

  test("a tap on another name moves the card; a tap on the open name leaves it; a tap elsewhere closes it", () => {
    tap(50, 10, text);
    tap(50, 110, text);
    tap(50, 110, text);
    tap(50, 60, text);
    expect(card.calls).toEqual(["prepare 1", "open 1", "prepare 2", "open 2", "prepare 2", "close"]);
  });

  test.each([
    ["9 px: still a tap", TAP_SLOP_PX - 1, ["prepare 1", "open 1"]],
    ["10 px: a drag, nothing opens", TAP_SLOP_PX, ["prepare 1"]],
    ["40 px: a scroll, nothing opens", 40, ["prepare 1"]],
  ])("a finger that moves %s", (_case, dx, calls) => {
    tap(50, 10, text, { dx });
    expect(card.calls).toEqual(calls);
    expect(prevented).toEqual([]);
  });

  test("touches a page dispatches itself open nothing, close nothing and cancel no press of the reader's", () => {
    tap(50, 10, text, { byPage: true });
    pointer("pointerdown", 50, 210, link, { byPage: true });
    vi.advanceTimersByTime(LONG_PRESS_MS * 2);
    expect(card.calls).toEqual([]);
    tap(50, 10, text);
    tap(50, 60, text, { byPage: true });
    expect(card.calls).toEqual(["prepare 1", "open 1"]);
    // The reader's long press on a link still opens its card, whatever the page dispatches meanwhile.
    pointer("pointerdown", 50, 210, link);
    pointer("pointermove", 50 + 40, 210, link, { byPage: true });
    pointer("pointercancel", 50, 210, link, { byPage: true });
    vi.advanceTimersByTime(LONG_PRESS_MS);
    expect(card.calls).toEqual(["prepare 1", "open 1", "prepare 3", "open 3"]);
  });

  test("the browser cancelling the touch (it scrolls or zooms) opens nothing", () => {
    pointer("pointerdown", 50, 10, text);
    pointer("pointercancel", 50, 10, text);
    pointer("pointerup", 50, 10, text);
    expect(card.calls).toEqual(["prepare 1"]);
  });

  test("a tap on a name inside a link opens nothing (the link is followed)", () => {
    tap(50, 210, link);
    vi.advanceTimersByTime(LONG_PRESS_MS * 2);
    expect(card.calls).toEqual(["prepare 3"]);
  });

  test("a tap on a link closes an open card, as any tap outside it does", () => {
    tap(50, 10, text);
    tap(50, 210, link);
    expect(card.calls).toEqual(["prepare 1", "open 1", "prepare 3", "close"]);
  });

  test("a long press on a name inside a link opens its card while the finger rests, and lifting it keeps the card", () => {
    pointer("pointerdown", 50, 210, link);
    vi.advanceTimersByTime(LONG_PRESS_MS - 1);
    expect(card.calls).toEqual(["prepare 3"]);
    vi.advanceTimersByTime(1);
    expect(card.calls).toEqual(["prepare 3", "open 3"]);
    pointer("pointerup", 50, 210, link);
    expect(card.calls).toEqual(["prepare 3", "open 3"]);
  });

  test("a long press that drifts 10 px before the delay opens nothing", () => {
    pointer("pointerdown", 50, 210, link);
    pointer("pointermove", 50 + TAP_SLOP_PX, 210, link);
    vi.advanceTimersByTime(LONG_PRESS_MS * 2);
    expect(card.calls).toEqual(["prepare 3"]);
  });

  test.each(["mouse", "pen"])("a %s pointer is left to the hover tracker", (pointerType) => {
    tap(50, 10, text, { pointerType });
    expect(card.calls).toEqual([]);
  });

  test("a second finger (a pinch) opens nothing", () => {
    pointer("pointerdown", 50, 10, text);
    pointer("pointerdown", 50, 110, text, { pointerId: 2, isPrimary: false });
    pointer("pointerup", 50, 110, text, { pointerId: 2, isPrimary: false });
    pointer("pointerup", 50, 10, text);
    expect(card.calls).toEqual(["prepare 1"]);
  });

  test("a touch on the card itself neither closes nor reopens it", () => {
    tap(50, 10, text);
    tap(50, 60, card.cardElement);
    expect(card.calls).toEqual(["prepare 1", "open 1"]);
  });

  test("after the overlay stops, a pending long press does not fire", () => {
    pointer("pointerdown", 50, 210, link);
    controller.abort();
    vi.advanceTimersByTime(LONG_PRESS_MS * 2);
    expect(card.calls).toEqual(["prepare 3"]);
  });
});
