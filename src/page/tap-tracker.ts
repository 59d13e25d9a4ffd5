/**
 * Opens cards on touch screens, where no pointer ever rests on a name: a tap on a name opens
 * its card at once, a tap elsewhere closes it, a tap on another name moves it. Only pointers
 * whose `pointerType` is "touch" are followed, so a hybrid laptop keeps hover for its mouse.
 *
 * Every listener is passive and nothing here calls `preventDefault`: a finger that moves 10 px
 * or more is a scroll or a drag and opens nothing, and the browser scrolls as it would without
 * us. A name inside a link (or another control) is never opened by a tap, which must follow
 * the link exactly as before; a long press opens it instead (see docs/touch.md for why). Touches
 * a page dispatches itself are not the reader's and do nothing (`reader-input.ts`).
 */
import type { CardOverlay } from "./card-overlay.ts";
import { mentionAtPoint } from "./hit-test.ts";
import { logFailure } from "./log-failure.ts";
import type { MentionRegistry, PageMention } from "./mention-registry.ts";
import { readerInputOnly } from "./reader-input.ts";

/** How far a finger may move, in CSS px, and still make a tap (or a long press). */
export const TAP_SLOP_PX = 10;
/**
 * How long a finger rests on a linked name before its card opens: Android's own long-press
 * timeout (400–500 ms), so the card comes with the browser's link menu, never before a tap ends.
 */
export const LONG_PRESS_MS = 500;

/**
 * Elements a tap activates: a name inside one opens only by a long press. Links, buttons,
 * labels (which click their control) and the editable regions the scanner skips anyway.
 */
const CONTROL = "a[href], area[href], button, label, summary, select, textarea, input, [role=link], [role=button], [onclick], [contenteditable]";

/** One finger on the screen, from the moment it touched to the moment it lifted. */
interface Press {
  pointerId: number;
  x: number;
  y: number;
  /** The name under the finger where it touched, or null. */
  mention: PageMention | null;
  /** Whether the finger is on a link or another control (so a tap there is the control's). */
  inControl: boolean;
  /** Whether the finger went down on the card itself. */
  onCard: boolean;
  longPressTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set once the long press has opened the card: lifting the finger then does nothing more. */
  longPressed: boolean;
}

/**
 * Whether a tap on this target activates something: the element under the finger, not the
 * name's, since a name can run out of a link ("Killenworth" linked, "estate" not).
 */
function isControlTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(CONTROL) !== null;
}

/** Watches touch pointers, and opens, moves or closes the card. */
export class TapTracker {
  private press: Press | null = null;

  constructor(
    private readonly document: Document,
    private readonly registry: MentionRegistry,
    private readonly card: CardOverlay,
    signal: AbortSignal,
  ) {
    const view = document.defaultView!;
    // Passive and captured: seen before any page handler can stop them, never delaying a scroll.
    const listen = { capture: true, passive: true, signal };
    view.addEventListener("pointerdown", readerInputOnly((event: PointerEvent) => this.onPointerDown(event)), listen);
    view.addEventListener("pointermove", readerInputOnly((event: PointerEvent) => this.onPointerMove(event)), listen);
    view.addEventListener("pointerup", readerInputOnly((event: PointerEvent) => this.onPointerUp(event)), listen);
    // The browser took the finger for itself (a scroll, a zoom, its own long-press menu).
    view.addEventListener("pointercancel", readerInputOnly((event: PointerEvent) => this.onPointerCancel(event)), listen);
    signal.addEventListener("abort", () => this.forget(), { once: true });
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.pointerType !== "touch") return;
    this.forget();
    // A second finger makes a pinch, not a tap.
    if (!event.isPrimary) return;
    const onCard = this.card.isCardTarget(event.target);
    let mention: PageMention | null = null;
    if (!onCard) {
      this.registry.register();
      mention = mentionAtPoint(this.document, this.registry, event.clientX, event.clientY);
    }
    const press: Press = {
      pointerId: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      mention,
      inControl: mention !== null && isControlTarget(event.target),
      onCard,
      longPressTimer: undefined,
      longPressed: false,
    };
    this.press = press;
    if (mention === null) return;
    // The round trip to the background (content, and the card UI on a first card) overlaps the finger's rest on the glass.
    logFailure(this.card.prepare(mention), "preparing a card");
    if (press.inControl) {
      press.longPressTimer = setTimeout(() => {
        press.longPressTimer = undefined;
        if (this.press !== press) return;
        press.longPressed = true;
        logFailure(this.card.open(mention, { pointer: { x: press.x, y: press.y } }), "opening a card");
      }, LONG_PRESS_MS);
    }
  }

  private onPointerMove(event: PointerEvent): void {
    const press = this.press;
    if (press === null || event.pointerId !== press.pointerId || press.longPressed) return;
    if (Math.hypot(event.clientX - press.x, event.clientY - press.y) >= TAP_SLOP_PX) this.forget();
  }

  private onPointerUp(event: PointerEvent): void {
    const press = this.press;
    if (press === null || event.pointerId !== press.pointerId) return;
    this.forget();
    if (press.longPressed || press.onCard) return;
    // A move between the last pointermove and the lift still counts.
    if (Math.hypot(event.clientX - press.x, event.clientY - press.y) >= TAP_SLOP_PX) return;
    const { mention } = press;
    if (mention !== null && !press.inControl) {
      if (mention !== this.card.openMention) logFailure(this.card.open(mention, { pointer: { x: press.x, y: press.y } }), "opening a card");
      return;
    }
    // A tap anywhere else closes the card; a tap on a link also follows the link, untouched.
    if (this.card.openMention !== null) this.card.close();
  }

  private onPointerCancel(event: PointerEvent): void {
    // A card the long press opened stays open under the browser's menu.
    if (this.press !== null && event.pointerId === this.press.pointerId) this.forget();
  }

  private forget(): void {
    if (this.press !== null) clearTimeout(this.press.longPressTimer);
    this.press = null;
  }
}
