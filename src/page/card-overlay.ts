/**
 * The card on the page: fetches an entity's card content from the background when it opens
 * (never at page load), renders it into the overlay host's closed shadow root, and places it
 * at the line of the mention with Floating UI, flipping at the viewport's edges. The host
 * exists only while a card is open.
 */
import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from "@floating-ui/dom";
import { h } from "preact";
import type { EntityCard as EntityCardData } from "../core/entity-card.ts";
import type { EntityRef } from "../core/matcher-table.ts";
import type { askBackground } from "../extension/messaging.ts";
import { EntityCard } from "../ui/card/EntityCard.tsx";
import type { CardLanguage } from "../ui/card/card-strings.ts";
import { cardStyles } from "../ui/card/card-styles.ts";
import { interfaceLanguageOf } from "../ui/interface-text.ts";
import { mountShadowRoot, type ShadowMount } from "../ui/mount-shadow-root.ts";
import { OVERLAY_ATTRIBUTE } from "./collect-text-runs.ts";
import type { MentionRegistry, PageMention } from "./mention-registry.ts";
import { measureTask } from "./measure-task.ts";
import { logFailure } from "./log-failure.ts";

/** How a card is being opened. */
export interface OpenOptions {
  /** The pointer's position, to place the card at the hovered line of a wrapped name. */
  pointer?: { x: number; y: number };
  /** Move focus into the card (opened from the keyboard); Escape returns it. */
  focus?: boolean;
}

const ARABIC = /\p{Script=Arabic}/u;

/** The language a card starts in: the reader's choice, else the script of the mention, else the page's. */
function cardLanguageFor(choice: "auto" | CardLanguage, mentionText: string, document: Document): CardLanguage {
  if (choice !== "auto") return choice;
  if (ARABIC.test(mentionText)) return "ar";
  if (/[A-Za-z]/.test(mentionText)) return "en";
  return interfaceLanguageOf(document.documentElement.lang);
}

/** Opens, places and closes the card. */
export class CardOverlay {
  private mount: ShadowMount | null = null;
  private stopPlacing: (() => void) | null = null;
  /** Card content by dataset and entity: fetched once, when a dwell starts or a card opens. */
  private readonly cards = new Map<string, Promise<EntityCardData | null>>();
  private mention: PageMention | null = null;
  private focusToRestore: Element | null = null;
  private language: CardLanguage | null = null;
  /** Increases with every open and close, so a card that arrives late is not shown. */
  private generation = 0;

  constructor(
    private readonly document: Document,
    private readonly registry: MentionRegistry,
    private readonly entities: readonly EntityRef[],
    private readonly languageChoice: () => "auto" | CardLanguage,
    /** Sends a request to the background (passed in, so tests answer it without the browser). */
    private readonly ask: typeof askBackground,
  ) {}

  /** The mention whose card is open. */
  get openMention(): PageMention | null {
    return this.mention;
  }

  /** Whether an event target (as the page sees it) is the card's host. */
  isCardTarget(target: EventTarget | null): boolean {
    return this.mount?.isHost(target) ?? false;
  }

  /**
   * Starts fetching a mention's card content, so that it is ready when the dwell ends: the
   * round trip to the background then overlaps the wait instead of following it.
   */
  prefetch(mention: PageMention): Promise<EntityCardData | null> {
    const entity = this.entities[mention.entity]!;
    const key = `${entity.dataset}/${entity.id}`;
    let card = this.cards.get(key);
    if (card === undefined) {
      card = this.ask({ type: "getEntityCard", dataset: entity.dataset, entity: entity.id }).then((reply) => {
        if (reply.ok) return reply.value;
        console.warn(`Backstory: cannot load the card of ${entity.id}: ${reply.error}`);
        this.cards.delete(key); // try again next time
        return null;
      });
      this.cards.set(key, card);
    }
    return card;
  }

  /** Opens the card of a mention (replacing any open card). Resolves whether it opened. */
  async open(mention: PageMention, options: OpenOptions = {}): Promise<boolean> {
    const generation = ++this.generation;
    const card = await this.prefetch(mention);
    if (card === null) return false;
    if (generation !== this.generation || !mention.startNode.isConnected) return false;
    const start = performance.now();
    if (options.focus) {
      const active = this.document.activeElement;
      this.focusToRestore = active !== null && !this.isCardTarget(active) ? active : this.focusToRestore;
    }
    this.mention = mention;
    this.language = null;
    this.registry.setActive(mention);
    this.mount ??= mountShadowRoot(this.document, OVERLAY_ATTRIBUTE, cardStyles);
    this.render(card, Boolean(options.focus));
    this.place(mention, options.pointer);
    measureTask("card", start);
    return true;
  }

  /** Closes the card, returning focus where it was if the card had taken it. */
  close(options: { returnFocus?: boolean } = {}): void {
    this.generation++;
    this.stopPlacing?.();
    this.stopPlacing = null;
    this.mount?.unmount();
    this.mount = null;
    this.mention = null;
    this.registry.setActive(null);
    const restore = this.focusToRestore;
    this.focusToRestore = null;
    if (options.returnFocus && restore instanceof HTMLElement && restore.isConnected) restore.focus({ preventScroll: true });
  }

  private render(card: EntityCardData, autoFocus: boolean): void {
    const mention = this.mention!;
    const outer = mention.outer;
    const language = this.language ?? cardLanguageFor(this.languageChoice(), mention.range.toString(), this.document);
    this.mount!.render(
      h(EntityCard, {
        // A new key per mention remounts the card, so autoFocus applies to each keyboard open.
        key: `${card.entity.id}:${this.generation}`,
        card,
        language,
        autoFocus,
        onLanguageChange: (next: CardLanguage) => {
          this.language = next;
          this.render(card, false);
        },
        onClose: () => this.close({ returnFocus: true }),
        onOpenSource: (source: string, fact: string) => {
          logFailure(this.ask({ type: "openSource", dataset: card.dataset.id, source, fact, language }), "opening the source viewer");
        },
        // Focus follows into the new card: the control that moved it is gone with the old one.
        partOf: outer && { name: this.entities[outer.entity]!.name, onOpen: () => void this.open(outer, { focus: true }) },
      }),
    );
  }

  /** Places the card at the mention's line and keeps it there while the page scrolls or resizes. */
  private place(mention: PageMention, pointer?: { x: number; y: number }): void {
    this.stopPlacing?.();
    const floating = this.mount!.container.firstElementChild as HTMLElement | null;
    if (floating === null) return;
    const range = mention.range;
    // The line under the pointer, for a name wrapped over two lines; else its first line.
    const rects = [...range.getClientRects()];
    const lineIndex = Math.max(0, pointer ? rects.findIndex((r) => pointer.y >= r.top && pointer.y <= r.bottom) : 0);
    // No contextElement: Floating UI would walk every ancestor of the mention (a computed
    // style each) to find scroll containers, a long task on a deeply nested page.
    const reference: VirtualElement = {
      getBoundingClientRect: () => range.getClientRects()[lineIndex] ?? range.getBoundingClientRect(),
    };
    const rtl = floating.getAttribute("dir") === "rtl";
    const update = () =>
      computePosition(reference, floating, {
        strategy: "fixed",
        placement: rtl ? "bottom-end" : "bottom-start",
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          // Where neither side has room for the whole card, it shrinks and scrolls inside.
          size({
            padding: 8,
            apply: ({ availableHeight }) => {
              floating.style.maxHeight = `${Math.max(160, Math.floor(availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
      });
    // One captured scroll listener sees every scrolling element's scroll, whatever its depth.
    const placing = new AbortController();
    const view = this.document.defaultView!;
    const onMove = () => logFailure(update(), "placing the card");
    this.document.addEventListener("scroll", onMove, { capture: true, passive: true, signal: placing.signal });
    view.addEventListener("resize", onMove, { passive: true, signal: placing.signal });
    const stopAuto = autoUpdate(reference, floating, update, { ancestorScroll: false, ancestorResize: false, layoutShift: false });
    this.stopPlacing = () => {
      placing.abort();
      stopAuto();
    };
  }
}
