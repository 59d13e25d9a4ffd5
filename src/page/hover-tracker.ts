/**
 * Opens cards on hover with the timing readers know from Wikipedia's Page Previews: the card
 * appears after the pointer rests on a name for the dwell delay, survives the pointer's trip
 * into it, and closes a moment after the pointer has left both. Pointer movement is handled
 * once per animation frame, however often it fires. Keyboard focus on a link that holds a
 * name opens that name's card too; Escape closes it. Pointer and key events a page dispatches
 * itself are not the reader's and do nothing (`reader-input.ts`).
 */
import type { CardOverlay, OpenOptions } from "./card-overlay.ts";
import { mentionAtPoint } from "./hit-test.ts";
import type { MentionRegistry, PageMention } from "./mention-registry.ts";
import { logFailure } from "./log-failure.ts";
import { readerInputOnly } from "./reader-input.ts";

/** How long after the pointer leaves both the name and the card the card closes. */
const CLOSE_DELAY_MS = 300;
/**
 * How long before a dwell ends the card is laid out, hidden (`CardOverlay.layOutAhead`): time for
 * the browser's frame of styling and laying out a card on a long page (~50-100 ms measured on the
 * bench's 2 MB page), and short enough that a pointer passing over names lays out none.
 */
export const LAY_OUT_AHEAD_MS = 150;
/** How long after a finger touches the page a focus counts as that tap's, not the keyboard's. */
const TAP_FOCUS_WINDOW_MS = 1000;
/**
 * The most text (UTF-16 code units, white space included) a focused element may hold for the name
 * in it to open its card: a long headline with its standfirst in one link fits; an article does not.
 */
const FOCUSED_TEXT_MAX = 400;
/** The most text nodes a focused element may hold for the same (a link's markup has a few). */
const FOCUSED_NODES_MAX = 40;

/** Watches the pointer and focus, and opens or closes the card. */
export class HoverTracker {
  private x = 0;
  private y = 0;
  /** When the pointer last moved (the event's time), so the dwell counts from the movement. */
  private movedAt = 0;
  private target: EventTarget | null = null;
  private frame = 0;
  private hovered: PageMention | null = null;
  private dwellTimer: ReturnType<typeof setTimeout> | undefined;
  private layOutTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** When a finger last touched the page, to tell focus a tap gave a link from keyboard focus. */
  private touchedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly document: Document,
    private readonly registry: MentionRegistry,
    private readonly card: CardOverlay,
    private readonly dwellDelay: () => number,
    signal: AbortSignal,
  ) {
    const view = document.defaultView!;
    const listen = { capture: true, passive: true, signal };
    view.addEventListener("pointermove", readerInputOnly((event: PointerEvent) => this.onPointerMove(event)), listen);
    document.addEventListener("pointerout", readerInputOnly((event: PointerEvent) => {
      // Leaving the window: nothing is under the pointer any more. A lifted finger "leaves"
      // too, but touch is the tap tracker's (tap-tracker.ts): the card it opened stays.
      if (event.relatedTarget === null && event.pointerType !== "touch") this.onPointerMove(null);
    }), listen);
    view.addEventListener("pointerdown", readerInputOnly((event: PointerEvent) => {
      if (event.pointerType === "touch") this.touchedAt = event.timeStamp;
    }), listen);
    document.addEventListener("keydown", readerInputOnly((event: KeyboardEvent) => this.onKeyDown(event)), { capture: true, signal });
    document.addEventListener("focusin", (event) => this.onFocusIn(event), listen);
    signal.addEventListener("abort", () => {
      cancelAnimationFrame(this.frame);
      this.cancelDwell();
      this.cancelClose();
    }, { once: true });
  }

  private onPointerMove(event: PointerEvent | null): void {
    if (event !== null && event.pointerType === "touch") return;
    if (event !== null) {
      this.x = event.clientX;
      this.y = event.clientY;
      this.movedAt = event.timeStamp;
    }
    this.target = event?.target ?? null;
    if (event === null) {
      this.update(null, false);
      return;
    }
    if (this.frame === 0) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.registry.register();
        const overCard = this.card.isCardTarget(this.target);
        this.update(overCard ? null : mentionAtPoint(this.document, this.registry, this.x, this.y), overCard);
      });
    }
  }

  private update(mention: PageMention | null, overCard: boolean): void {
    const open = this.card.openMention;
    if (overCard || (mention !== null && mention === open)) {
      this.cancelClose();
      if (overCard) this.cancelDwell();
      this.hovered = mention;
      return;
    }
    if (mention !== this.hovered) {
      this.hovered = mention;
      this.cancelDwell();
      if (mention !== null) {
        // Pointer work waits for the next frame; the dwell counts from the movement itself.
        this.startDwell(mention, { pointer: { x: this.x, y: this.y } }, performance.now() - this.movedAt);
      }
    }
    if (mention !== null) this.cancelClose();
    else if (open !== null && this.closeTimer === undefined) {
      this.closeTimer = setTimeout(() => {
        this.closeTimer = undefined;
        this.card.close();
      }, CLOSE_DELAY_MS);
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key !== "Escape" || event.isComposing || this.card.openMention === null) return;
    this.cancelDwell();
    this.card.close({ returnFocus: true });
  }

  /** A focused link or control that contains a name opens that name's card (focus stays put). */
  private onFocusIn(event: FocusEvent): void {
    const element = event.target;
    if (!(element instanceof Element) || this.card.isCardTarget(element)) return;
    // Only what the reader's Tab reaches. An element out of the Tab order (tabindex="-1": a skip
    // link's target, the wrapper a single-page site focuses after each navigation, a dialog) is
    // focused by the page's own script, and its focus event is as trusted as the reader's: a
    // card there would open unasked, for whichever name comes first.
    if ((element as HTMLElement).tabIndex < 0) return;
    // A tap focuses the link it lands on (after the finger lifts): that tap follows the link,
    // and a name in a link opens by a long press instead (tap-tracker.ts).
    if (event.timeStamp - this.touchedAt < TAP_FOCUS_WINDOW_MS) return;
    // A link's or a button's text is short. A container in the Tab order (a feed's article, the
    // region around a wide table that the keyboard scrolls) is focused for all it holds, not for
    // the first name in it: past FOCUSED_TEXT_MAX characters, or FOCUSED_NODES_MAX text nodes, no card.
    const walker = this.document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let mention: PageMention | undefined;
    let length = 0;
    let nodes = 0;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      length += (node as Text).length;
      if (length > FOCUSED_TEXT_MAX || ++nodes > FOCUSED_NODES_MAX) return;
      mention ??= this.registry.mentionsOfNode(node).find((m) => element.contains(m.startNode));
    }
    if (mention === undefined) return;
    this.cancelDwell();
    this.startDwell(mention, {}, 0);
  }

  /**
   * Opens a mention's card once the dwell delay has passed (less `elapsed`, already waited),
   * preparing the card meanwhile (content fetched and rendered at once, laid out hidden
   * `LAY_OUT_AHEAD_MS` before the end) so opening it is only showing it.
   */
  private startDwell(mention: PageMention, options: OpenOptions, elapsed: number): void {
    logFailure(this.card.prepare(mention), "preparing a card");
    const delay = Math.max(0, this.dwellDelay() - Math.max(0, elapsed));
    this.layOutTimer = setTimeout(() => this.card.layOutAhead(mention, options.pointer), Math.max(0, delay - LAY_OUT_AHEAD_MS));
    this.dwellTimer = setTimeout(() => {
      this.dwellTimer = undefined;
      logFailure(this.card.open(mention, options), "opening a card");
    }, delay);
  }

  private cancelDwell(): void {
    if (this.dwellTimer !== undefined) this.card.cancelPrepare();
    clearTimeout(this.dwellTimer);
    clearTimeout(this.layOutTimer);
    this.dwellTimer = undefined;
  }

  private cancelClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }
}
