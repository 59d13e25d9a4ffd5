/**
 * The card on the page: fetches an entity's card content from the background when a dwell
 * starts (never at page load), renders it into a detached host's closed shadow root while the
 * dwell runs (`prepare`) and, shortly before a hover's dwell ends, puts that host into the
 * document hidden and placed at the line of the mention (Floating UI, flipping at the viewport's
 * edges), so that the browser styles and lays the card out before it is shown. Opening it is
 * then showing it: one cheap frame, where attaching a card of a dozen facts costs tens of
 * milliseconds on a long page. The host is in the document only while a card is open or about
 * to open (hidden and inert). The UI that draws it (`card-view.ts`) is loaded into the frame the
 * first time a dwell starts, not with the content script.
 */
import type { EntityCard as EntityCardData } from "../core/entity-card.ts";
import type { EntityRef } from "../core/matcher-table.ts";
import type { askBackground } from "../extension/messaging.ts";
import type { CardLanguage } from "../ui/card/card-strings.ts";
import { interfaceLanguageOf } from "../ui/interface-text.ts";
import type { CardView } from "./card-view.ts";
import type { CardViewModule } from "./load-card-view.ts";
import { OVERLAY_ATTRIBUTE } from "./collect-text-runs.ts";
import type { MentionRegistry, PageMention } from "./mention-registry.ts";
import { measureTask } from "./measure-task.ts";
import { logFailure } from "./log-failure.ts";
import { lazy } from "../core/lazy.ts";

/** How a card is being opened. */
export interface OpenOptions {
  /** The pointer's position, to place the card at the hovered line of a wrapped name. */
  pointer?: { x: number; y: number };
  /** Move focus into the card (opened from the keyboard); Escape returns it. */
  focus?: boolean;
}

const ARABIC = lazy(() => /\p{Script=Arabic}/u);

/** The language a card starts in: the reader's choice, else the script of the mention, else the page's. */
function cardLanguageFor(choice: "auto" | CardLanguage, mentionText: string, document: Document): CardLanguage {
  if (choice !== "auto") return choice;
  if (ARABIC().test(mentionText)) return "ar";
  if (/[A-Za-z]/.test(mentionText)) return "en";
  return interfaceLanguageOf(document.documentElement.lang);
}

/** Opens, places and closes the card. */
export class CardOverlay {
  /** The open card's host (in the document). */
  private view: CardView | null = null;
  /**
   * A card rendered during a dwell, not yet shown: attached hidden and placed when `stopPlacing`
   * is set (opening it is showing it), else detached (opening it is attaching and placing).
   */
  private prepared: { mention: PageMention; view: CardView; key: string; stopPlacing: (() => void) | null } | null = null;
  /** The mention whose dwell last began (a slower `prepare` of an earlier one gives way). */
  private preparing: PageMention | null = null;
  private prepareCount = 0;
  /** The mention whose dwell is about to end: its prepared card is to be laid out hidden. */
  private layOutFor: { mention: PageMention; pointer: { x: number; y: number } | undefined } | null = null;
  /** The key the open card was rendered with: re-rendering with it keeps the card's state. */
  private viewKey = "";
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
    /** Loads the card's UI (`cardViewLoader` in the page; the module itself in tests). */
    private readonly loadView: () => Promise<CardViewModule>,
  ) {}

  /** The mention whose card is open. */
  get openMention(): PageMention | null {
    return this.mention;
  }

  /** Whether an event target (as the page sees it) is the card's host. */
  isCardTarget(target: EventTarget | null): boolean {
    return this.view?.isHost(target) ?? false;
  }

  /**
   * Called when a dwell starts: fetches the mention's card content and the card's UI, and renders
   * the card into a detached host. A later `prepare`, `open` of another mention or
   * `cancelPrepare` discards it.
   */
  async prepare(mention: PageMention): Promise<void> {
    this.preparing = mention;
    const [card, module] = await Promise.all([this.prefetch(mention), this.loadView()]);
    // Another mention's dwell began meanwhile or this one's was cancelled, or its card opened or is prepared already.
    if (card === null || this.preparing !== mention || this.prepared?.mention === mention || this.mention === mention) return;
    if (!mention.range.startContainer.isConnected) return;
    this.discardPrepared();
    const view = module.createCardView(this.document, OVERLAY_ATTRIBUTE);
    const key = `${card.entity.id}:prepared:${++this.prepareCount}`;
    this.prepared = { mention, view, key, stopPlacing: null };
    this.renderInto(view, mention, card, { autoFocus: false, language: null, key });
    this.layOutPrepared();
  }

  /**
   * Called shortly before a hover's (or a keyboard focus's) dwell ends: the card prepared for it
   * goes into the document hidden and placed, so the browser styles and lays it out before it
   * is shown (now, or as soon as `prepare` has rendered it). Not at the dwell's start: an element
   * added to a long page costs the browser a long frame, which a pointer sweeping across names
   * would pay once per name. Not for a touch, whose tap may turn into a scroll.
   */
  layOutAhead(mention: PageMention, pointer: { x: number; y: number } | undefined): void {
    this.layOutFor = { mention, pointer };
    this.layOutPrepared();
  }

  private layOutPrepared(): void {
    const prepared = this.prepared;
    const wanted = this.layOutFor;
    // One host in the document at a time: while a card is open, the next one waits detached.
    if (prepared === null || wanted?.mention !== prepared.mention || prepared.stopPlacing !== null || this.view !== null) return;
    prepared.stopPlacing = prepared.view.layOutHidden(prepared.mention.range, wanted.pointer, (update) => logFailure(update, "placing the card"));
  }

  /** The dwell ended without opening (the pointer moved on): the card prepared for it goes. */
  cancelPrepare(): void {
    this.preparing = null;
    this.layOutFor = null;
    this.discardPrepared();
  }

  /**
   * Starts fetching a mention's card content, so that it is ready when the dwell ends: the
   * round trip to the background then overlaps the wait instead of following it.
   */
  private prefetch(mention: PageMention): Promise<EntityCardData | null> {
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
    this.layOutFor = null;
    const [card, module] = await Promise.all([this.prefetch(mention), this.loadView()]);
    if (card === null) return false;
    if (generation !== this.generation || !mention.startNode.isConnected) return false;
    const start = performance.now();
    if (options.focus) {
      const active = this.document.activeElement;
      this.focusToRestore = active !== null && !this.isCardTarget(active) ? active : this.focusToRestore;
    }
    // A card prepared during this mention's dwell is used as it is, unless focus must go into
    // it: autoFocus applies when a card mounts.
    const prepared = this.prepared?.mention === mention && !options.focus ? this.prepared : null;
    if (prepared !== null) this.prepared = null;
    else this.discardPrepared();
    this.stopPlacing?.();
    this.stopPlacing = null;
    if (prepared !== null) {
      this.view?.unmount();
      this.view = null;
    }
    this.mention = mention;
    this.language = null;
    this.registry.setActive(mention);
    if (prepared !== null) {
      this.view = prepared.view;
      this.viewKey = prepared.key;
      this.stopPlacing = prepared.stopPlacing;
    } else {
      this.view ??= module.createCardView(this.document, OVERLAY_ATTRIBUTE);
      // A new key per open remounts the card, so autoFocus applies to each keyboard open.
      this.viewKey = `${card.entity.id}:${this.generation}`;
      this.render(card, Boolean(options.focus));
    }
    if (this.stopPlacing !== null) this.view.reveal();
    else {
      this.view.attach();
      this.stopPlacing = this.view.place(mention.range, options.pointer, (update) => logFailure(update, "placing the card"));
    }
    measureTask("card", start);
    return true;
  }

  /** Closes the card, returning focus where it was if the card had taken it. */
  close(options: { returnFocus?: boolean } = {}): void {
    this.generation++;
    this.stopPlacing?.();
    this.stopPlacing = null;
    this.view?.unmount();
    this.view = null;
    // A card prepared for the next name stays (detached): moving from one name to another closes the first card before the second opens.
    this.mention = null;
    this.registry.setActive(null);
    const restore = this.focusToRestore;
    this.focusToRestore = null;
    if (options.returnFocus && restore instanceof HTMLElement && restore.isConnected) restore.focus({ preventScroll: true });
  }

  private discardPrepared(): void {
    this.prepared?.stopPlacing?.();
    this.prepared?.view.unmount();
    this.prepared = null;
  }

  /** Renders the open card again (a language change, or an open that found nothing prepared). */
  private render(card: EntityCardData, autoFocus: boolean): void {
    this.renderInto(this.view!, this.mention!, card, { autoFocus, language: this.language, key: this.viewKey });
  }

  private renderInto(view: CardView, mention: PageMention, card: EntityCardData, options: { autoFocus: boolean; language: CardLanguage | null; key: string }): void {
    const outer = mention.outer;
    const language = options.language ?? cardLanguageFor(this.languageChoice(), mention.range.toString(), this.document);
    view.render({
      key: options.key,
      card,
      language,
      autoFocus: options.autoFocus,
      onLanguageChange: (next: CardLanguage) => {
        this.language = next;
        this.render(card, false);
      },
      onClose: () => this.close({ returnFocus: true }),
      onOpenSource: (source: string, fact: string) => {
        logFailure(this.ask({ type: "openSource", dataset: card.dataset.id, source, fact, language }), "opening the source viewer");
      },
      // Sent at once from the click: Chrome opens the side panel only while the click is current.
      onOpenDispute: async (dispute: string) => {
        const reply = await this.ask({ type: "openPanelAt", dataset: card.dataset.id, dispute });
        return reply.ok && reply.value.opened;
      },
      // Focus follows into the new card: the control that moved it is gone with the old one.
      partOf: outer && { name: this.entities[outer.entity]!.name, onOpen: () => void this.open(outer, { focus: true }) },
    });
  }
}
