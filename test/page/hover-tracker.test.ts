// @vitest-environment happy-dom
/**
 * The hover tracker's decisions, on fake timers: when a card opens, stays and closes. The real
 * timing in a browser keeps one case in test/e2e/overlay.test.ts.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { CardOverlay } from "../../src/page/card-overlay.ts";
import { HoverTracker } from "../../src/page/hover-tracker.ts";
import type { MentionRegistry, PageMention } from "../../src/page/mention-registry.ts";

const DWELL = 350;
const CLOSE = 300;

/** A mention drawn in the box (left, top) to (left + 100, top + 20). */
function mentionAt(left: number, top: number, entity: number): PageMention {
  const rect = { left, top, right: left + 100, bottom: top + 20 };
  return { entity, range: { getClientRects: () => [rect], startContainer: null } as unknown as Range, startNode: null as unknown as Text };
}
const moscow = mentionAt(0, 0, 1);
const rubio = mentionAt(0, 100, 2);
const mentions = [moscow, rubio];
const ours = {} as Highlight;

/** The registry as the hit test sees it: every mention's range is its own key. */
const registry = {
  register: () => {},
  isOurHighlight: (h: Highlight) => h === ours,
  mentionOfRange: (range: AbstractRange) => mentions.find((m) => m.range === range),
  mentionsOfNode: () => [],
} as unknown as MentionRegistry;

/** A card that records what it was asked to do. */
function fakeCard() {
  const calls: string[] = [];
  const cardElement = document.body.appendChild(document.createElement("div"));
  const card = {
    openMention: null as PageMention | null,
    isCardTarget: (target: EventTarget | null) => target === cardElement,
    prepare: (m: PageMention) => {
      calls.push(`prepare ${m.entity}`);
      return Promise.resolve(null);
    },
    open: (m: PageMention) => {
      calls.push(`open ${m.entity}`);
      card.openMention = m;
      return Promise.resolve(true);
    },
    close: (options?: { returnFocus?: boolean }) => {
      calls.push(options?.returnFocus ? "close, focus back" : "close");
      card.openMention = null;
    },
  };
  return { card, calls, cardElement };
}

let controller: AbortController;
let card: ReturnType<typeof fakeCard>;

/** Moves the pointer to (x, y) over `target`; the tracker reads it on the next frame. */
function move(x: number, y: number, options: { target?: Element; pointerType?: string } = {}): void {
  const event = new PointerEvent("pointermove", { clientX: x, clientY: y, pointerType: options.pointerType ?? "mouse", bubbles: true });
  Object.defineProperty(event, "timeStamp", { value: performance.now() });
  (options.target ?? document.body).dispatchEvent(event);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "requestAnimationFrame", "cancelAnimationFrame", "performance"] });
  // The browser's hit test: whichever mention's box holds the point.
  vi.stubGlobal("CSS", {
    highlights: {
      highlightsFromPoint: (x: number, y: number) =>
        mentions
          .filter((m) => (m.range.getClientRects() as unknown as DOMRect[]).some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom))
          .map((m) => ({ highlight: ours, ranges: [m.range] })),
    },
  });
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
    vi.advanceTimersByTime(DWELL - 1);
    expect(card.calls).toEqual(["prepare 1"]);
    vi.advanceTimersByTime(1);
    expect(card.calls).toEqual(["prepare 1", "open 1"]);
  });

  test("the dwell counts from the movement, not from the frame that handled it", () => {
    move(10, 10);
    vi.advanceTimersByTime(DWELL);
    expect(card.calls).toContain("open 1");
  });

  test("leaving the name before the delay ends opens nothing", () => {
    move(10, 10);
    vi.advanceTimersByTime(DWELL / 2);
    move(500, 500);
    vi.advanceTimersByTime(DWELL * 3);
    expect(card.calls).toEqual(["prepare 1"]);
  });

  test("moving to another name starts the delay again, for that name", () => {
    move(10, 10);
    vi.advanceTimersByTime(DWELL / 2);
    move(10, 110);
    vi.advanceTimersByTime(DWELL - 1);
    expect(card.calls).toEqual(["prepare 1", "prepare 2"]);
    vi.advanceTimersByTime(1);
    expect(card.calls).toEqual(["prepare 1", "prepare 2", "open 2"]);
  });

  test("moving within the same name does not restart the delay", () => {
    move(10, 10);
    vi.advanceTimersByTime(DWELL / 2);
    move(50, 15);
    vi.advanceTimersByTime(DWELL / 2);
    expect(card.calls).toEqual(["prepare 1", "open 1"]);
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
    expect(card.calls).toEqual(["prepare 1", "open 1"]);
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
    document.dispatchEvent(new MouseEvent("pointerout", { relatedTarget: null }));
    vi.advanceTimersByTime(CLOSE - 1);
    expect(card.calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(card.calls).toEqual(["close"]);
  });

  test("a lifted finger 'leaving' the page does not close a card (taps are the tap tracker's)", () => {
    openMoscow();
    document.dispatchEvent(new PointerEvent("pointerout", { relatedTarget: null, pointerType: "touch" }));
    vi.advanceTimersByTime(CLOSE * 3);
    expect(card.calls).toEqual([]);
  });

  test("Escape closes the card at once and returns focus; with no card open it does nothing", () => {
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    expect(card.calls).toEqual([]);
    openMoscow();
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    expect(card.calls).toEqual(["close, focus back"]);
  });

  test("Escape also cancels a dwell under way", () => {
    openMoscow();
    move(10, 110);
    vi.advanceTimersToNextFrame();
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    vi.advanceTimersByTime(DWELL * 3);
    expect(card.calls).toEqual(["prepare 2", "close, focus back"]);
  });

  test("stopping the overlay cancels a pending open", () => {
    move(10, 10);
    vi.advanceTimersToNextFrame();
    controller.abort();
    vi.advanceTimersByTime(DWELL * 3);
    expect(card.calls).toEqual(["prepare 1"]);
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
