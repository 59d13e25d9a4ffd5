// @vitest-environment happy-dom
/**
 * The hover tracker's decisions, on fake timers: when a card opens, stays and closes. The real
 * timing in a browser keeps one case in test/e2e/overlay.test.ts.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { CardOverlay } from "../../src/page/card-overlay.ts";
import { HoverTracker, LAY_OUT_AHEAD_MS } from "../../src/page/hover-tracker.ts";
import { asReaderInput, fakeCard, fakeHighlights, mentionAt } from "./page-fakes.ts";

const DWELL = 350;
const CLOSE = 300;

const moscow = mentionAt(0, 0, 1);
const rubio = mentionAt(0, 100, 2);
const mentions = [moscow, rubio];
const { registry, stubHitTest } = fakeHighlights(mentions);
let controller: AbortController;
let card: ReturnType<typeof fakeCard>;

/** Moves the pointer to (x, y) over `target`; the tracker reads it on the next frame. */
function move(x: number, y: number, options: { target?: Element; pointerType?: string; byPage?: boolean } = {}): void {
  const event = new PointerEvent("pointermove", { clientX: x, clientY: y, pointerType: options.pointerType ?? "mouse", bubbles: true });
  Object.defineProperty(event, "timeStamp", { value: performance.now() });
  (options.target ?? document.body).dispatchEvent(asReaderInput(event, options.byPage));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "requestAnimationFrame", "cancelAnimationFrame", "performance"] });
  stubHitTest();
  controller = new AbortController();
  card = fakeCard();
  new HoverTracker(document, registry, card.card as unknown as CardOverlay, () => DWELL, controller.signal);
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("opening on hover", () => {
  test("the card opens once the pointer has rested for the dwell delay, not before; its content is fetched at once", () => {
    move(10, 10);
    vi.advanceTimersByTime(DWELL - LAY_OUT_AHEAD_MS - 1);
    expect(card.calls).toEqual(["prepare 1"]);
    vi.advanceTimersByTime(LAY_OUT_AHEAD_MS);
    expect(card.calls).toEqual(["prepare 1", "lay out 1"]);
    vi.advanceTimersByTime(1);
    expect(card.calls).toEqual(["prepare 1", "lay out 1", "open 1"]);
  });

  test("the card is laid out (hidden) only in the dwell's last moments: a pointer passing over names lays out none", () => {
    // The tracker reads a movement on the next frame: each name is left a frame before its lay-out would begin.
    const beforeLayOut = DWELL - LAY_OUT_AHEAD_MS - 20;
    move(10, 10);
    vi.advanceTimersByTime(beforeLayOut);
    move(10, 110);
    vi.advanceTimersByTime(beforeLayOut);
    move(500, 500);
    vi.advanceTimersByTime(DWELL * 3);
    expect(card.calls).toEqual(["prepare 1", "cancel", "prepare 2", "cancel"]);
  });

  test("the dwell counts from the movement, not from the frame that handled it", () => {
    move(10, 10);
    vi.advanceTimersByTime(DWELL);
    expect(card.calls).toContain("open 1");
  });

  test("leaving the name before the delay ends opens nothing, and the card prepared for it goes", () => {
    move(10, 10);
    vi.advanceTimersByTime(DWELL / 2);
    move(500, 500);
    vi.advanceTimersByTime(DWELL * 3);
    expect(card.calls).toEqual(["prepare 1", "cancel"]);
  });

  test("leaving the name after its card was laid out (hidden) takes that card away", () => {
    move(10, 10);
    // Left a frame before the dwell ends (the tracker reads a movement on the next frame).
    vi.advanceTimersByTime(DWELL - 20);
    move(500, 500);
    vi.advanceTimersByTime(DWELL * 3);
    expect(card.calls).toEqual(["prepare 1", "lay out 1", "cancel"]);
  });

  test("moving to another name starts the delay again, for that name", () => {
    move(10, 10);
    vi.advanceTimersByTime(DWELL / 2);
    move(10, 110);
    vi.advanceTimersByTime(DWELL - 1);
    expect(card.calls).toEqual(["prepare 1", "cancel", "prepare 2", "lay out 2"]);
    vi.advanceTimersByTime(1);
    expect(card.calls).toEqual(["prepare 1", "cancel", "prepare 2", "lay out 2", "open 2"]);
  });

  test("moving within the same name does not restart the delay", () => {
    move(10, 10);
    vi.advanceTimersByTime(DWELL / 2);
    move(50, 15);
    vi.advanceTimersByTime(DWELL / 2);
    expect(card.calls).toEqual(["prepare 1", "lay out 1", "open 1"]);
  });

  test("a touch pointer opens nothing", () => {
    move(10, 10, { pointerType: "touch" });
    vi.advanceTimersByTime(DWELL * 3);
    expect(card.calls).toEqual([]);
  });

  test("the dwell delay is read when the pointer arrives (a changed setting applies at once)", () => {
    let dwell = 1000;
    controller.abort();
    controller = new AbortController();
    card = fakeCard();
    new HoverTracker(document, registry, card.card as unknown as CardOverlay, () => dwell, controller.signal);
    dwell = 100;
    move(10, 10);
    vi.advanceTimersByTime(100);
    expect(card.calls).toEqual(["prepare 1", "lay out 1", "open 1"]);
  });
});

describe("closing", () => {
  /** Opens Moscow's card by resting on it. */
  function openMoscow(): void {
    move(10, 10);
    vi.advanceTimersByTime(DWELL);
    card.calls.length = 0;
  }

  test("the card closes a moment after the pointer leaves the name, not at once", () => {
    openMoscow();
    move(500, 500);
    vi.advanceTimersToNextFrame(); // pointer movement is handled on the next frame
    vi.advanceTimersByTime(CLOSE - 1);
    expect(card.calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(card.calls).toEqual(["close"]);
  });

  test("the card survives the pointer's trip into it", () => {
    openMoscow();
    move(500, 500);
    vi.advanceTimersByTime(CLOSE / 2);
    move(500, 500, { target: card.cardElement });
    vi.advanceTimersByTime(CLOSE * 3);
    expect(card.calls).toEqual([]);
  });

  test("coming back to the name before the close delay keeps the card, without opening it again", () => {
    openMoscow();
    move(500, 500);
    vi.advanceTimersByTime(CLOSE / 2);
    move(10, 10);
    vi.advanceTimersByTime(CLOSE * 3);
    expect(card.calls).toEqual([]);
  });

  test("leaving the window closes the card after the delay (no frame to wait for)", () => {
    openMoscow();
    document.dispatchEvent(asReaderInput(new MouseEvent("pointerout", { relatedTarget: null })));
    vi.advanceTimersByTime(CLOSE - 1);
    expect(card.calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(card.calls).toEqual(["close"]);
  });

  test("a lifted finger 'leaving' the page does not close a card (taps are the tap tracker's)", () => {
    openMoscow();
    document.dispatchEvent(asReaderInput(new PointerEvent("pointerout", { relatedTarget: null, pointerType: "touch" })));
    vi.advanceTimersByTime(CLOSE * 3);
    expect(card.calls).toEqual([]);
  });

  test("Escape closes the card at once and returns focus; with no card open it does nothing", () => {
    document.dispatchEvent(asReaderInput(new KeyboardEvent("keydown", { key: "Escape" })));
    expect(card.calls).toEqual([]);
    openMoscow();
    document.dispatchEvent(asReaderInput(new KeyboardEvent("keydown", { key: "Escape" })));
    expect(card.calls).toEqual(["close, focus back"]);
  });

  test("pointer movements and keys a page dispatches itself open nothing and close nothing", () => {
    move(10, 10, { byPage: true });
    vi.advanceTimersByTime(DWELL * 3);
    expect(card.calls).toEqual([]);
    openMoscow();
    move(500, 500, { byPage: true });
    document.dispatchEvent(asReaderInput(new PointerEvent("pointerout", { relatedTarget: null }), true));
    document.dispatchEvent(asReaderInput(new KeyboardEvent("keydown", { key: "Escape" }), true));
    vi.advanceTimersByTime(CLOSE * 3);
    expect(card.calls).toEqual([]);
    // The reader's own movement still counts.
    move(500, 500);
    vi.advanceTimersByTime(CLOSE * 3);
    expect(card.calls).toEqual(["close"]);
  });

  test("Escape also cancels a dwell under way", () => {
    openMoscow();
    move(10, 110);
    vi.advanceTimersToNextFrame();
    document.dispatchEvent(asReaderInput(new KeyboardEvent("keydown", { key: "Escape" })));
    vi.advanceTimersByTime(DWELL * 3);
    expect(card.calls).toEqual(["prepare 2", "cancel", "close, focus back"]);
  });

  test("stopping the overlay cancels a pending open", () => {
    move(10, 10);
    vi.advanceTimersToNextFrame();
    controller.abort();
    vi.advanceTimersByTime(DWELL * 3);
    expect(card.calls).toEqual(["prepare 1", "cancel"]);
  });

  test("stopping the overlay cancels a pending close", () => {
    openMoscow();
    move(500, 500);
    vi.advanceTimersToNextFrame();
    controller.abort();
    vi.advanceTimersByTime(CLOSE * 3);
    expect(card.calls).toEqual([]);
  });

  test("stopping the overlay drops a movement not yet handled", () => {
    move(10, 10);
    controller.abort();
    vi.advanceTimersByTime(DWELL * 3);
    expect(card.calls).toEqual([]);
  });
});

describe("opening on keyboard focus", () => {
  let page: HTMLElement;
  beforeEach(() => {
    page = document.body.appendChild(document.createElement("div"));
    page.innerHTML = `<main id="story" tabindex="-1"><p>Moscow</p></main><p><a id="more" href="#more">Rubio</a></p>
      <div id="region" tabindex="0" role="region"><p>Moscow</p><p>${"Ninety words of a wide table's cells. ".repeat(12)}</p></div>`;
    Object.assign(moscow, { startNode: page.querySelector("#story p")!.firstChild });
    Object.assign(rubio, { startNode: page.querySelector("#more")!.firstChild });
  });
  afterEach(() => {
    Object.assign(moscow, { startNode: null });
    Object.assign(rubio, { startNode: null });
    page.remove();
  });

  test("a link the reader tabs to opens the card of the name in it, after the dwell", () => {
    page.querySelector<HTMLElement>("#more")!.focus();
    vi.advanceTimersByTime(DWELL - 1);
    expect(card.calls).toEqual(["prepare 2", "lay out 2"]);
    vi.advanceTimersByTime(1);
    expect(card.calls).toEqual(["prepare 2", "lay out 2", "open 2"]);
  });

  test("a container in the Tab order that holds more than a link's text (a table's scrolling region, a feed's article) opens nothing", () => {
    Object.assign(moscow, { startNode: page.querySelector("#region p")!.firstChild });
    page.querySelector<HTMLElement>("#region")!.focus();
    vi.advanceTimersByTime(DWELL * 3);
    expect(card.calls).toEqual([]);
  });

  test("an element out of the Tab order that the page focuses (a skip link's target, a single-page site's wrapper) opens nothing", () => {
    page.querySelector<HTMLElement>("#story")!.focus();
    vi.advanceTimersByTime(DWELL * 3);
    expect(card.calls).toEqual([]);
  });
});
