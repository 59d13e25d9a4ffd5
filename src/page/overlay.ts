/**
 * The overlay on one document: mentions highlighted, cards on hover, on tap and from the keyboard.
 * Everything it sets up hangs off one AbortController, so `stop()` removes every highlight,
 * listener, observer and the host element at once, leaving the page exactly as it was.
 */
import type { EntityType } from "../core/dataset-schema.ts";
import type { Matcher } from "../core/matcher.ts";
import type { askBackground as askBackgroundType } from "../extension/messaging.ts";
import type { Settings } from "../shared/settings.ts";
import { CardOverlay } from "./card-overlay.ts";
import type { CardViewModule } from "./load-card-view.ts";
import { HoverTracker } from "./hover-tracker.ts";
import { keepHighlightsRegistered } from "./keep-highlights-registered.ts";
import { MentionRegistry, type PageMention } from "./mention-registry.ts";
import { PageScanner } from "./page-scanner.ts";
import { TapTracker } from "./tap-tracker.ts";

/** One entity found on the page, for the popup. */
export interface EntityOnPage {
  id: string;
  dataset: string;
  type: EntityType;
  name: { ar: string; en: string };
  mentions: number;
}

/** The overlay's lifetime on a document. */
export class Overlay {
  private readonly lifetime = new AbortController();
  private readonly registry: MentionRegistry;
  private readonly card: CardOverlay;
  private lastFocused: PageMention | null = null;

  constructor(
    private readonly document: Document,
    private readonly matcher: Matcher,
    private settings: Settings,
    /** Called whenever the mentions on the page change (after each scan and rescan). */
    private readonly onMentionsChanged: () => void,
    /** Sends a request to the background: the card's content, opening a source. */
    askBackground: typeof askBackgroundType,
    /** Loads the card's UI into the frame the first time a card may open. */
    loadCardView: () => Promise<CardViewModule>,
  ) {
    this.registry = new MentionRegistry(document, settings.highlightStyle);
    this.card = new CardOverlay(document, this.registry, matcher.entities, () => this.settings.cardLanguage, askBackground, loadCardView);
  }

  /** Highlights the page and starts watching it. */
  async start(): Promise<void> {
    const signal = this.lifetime.signal;
    new HoverTracker(this.document, this.registry, this.card, () => this.settings.hoverDelayMs, signal);
    new TapTracker(this.document, this.registry, this.card, signal);
    keepHighlightsRegistered(this.document, this.registry, signal);
    const scanner = new PageScanner(this.document, this.matcher, this.registry, signal, () => {
      this.registry.show();
      if (this.card.openMention !== null && !this.card.openMention.startNode.isConnected) this.card.close();
      this.onMentionsChanged();
    });
    await scanner.start();
  }

  /**
   * Stops watching the page and the reader and closes any card, but leaves the highlights drawn:
   * an overlay for other datasets is taking over, and its first scan replaces them.
   */
  retire(): void {
    this.lifetime.abort();
    this.card.cancelPrepare();
    this.card.close();
  }

  /** Removes everything the overlay added to the page (highlights only if still ours). */
  stop(): void {
    this.retire();
    this.registry.clear();
  }

  /** Applies changed settings without rescanning. */
  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.registry.setStyle(settings.highlightStyle);
  }

  /** The entities found, with their mention counts, most mentioned first. */
  entitiesOnPage(): { mentions: number; entities: EntityOnPage[] } {
    const entities = [...this.registry.countsByEntity()]
      .map(([index, mentions]) => ({ ...this.matcher.entities[index]!, mentions }))
      .sort((a, b) => b.mentions - a.mentions || a.name.en.localeCompare(b.name.en));
    return { mentions: this.registry.size, entities };
  }

  /**
   * What the badge needs after each scan, unsorted: on a page's first report, sorting by name
   * (`localeCompare`, which starts ICU's collator) took about 9 ms of the content script's start.
   */
  mentionCounts(): { mentions: number; entities: string[] } {
    const entities: string[] = [];
    for (const index of this.registry.countsByEntity().keys()) entities.push(this.matcher.entities[index]!.id);
    return { mentions: this.registry.size, entities };
  }

  /**
   * Scrolls to an entity's first mention and opens its card. `datasetId` tells apart entities of
   * the same id in two datasets (the bundled one and an import); without it the first one found is taken.
   */
  async revealEntity(entityId: string, datasetId?: string): Promise<boolean> {
    const mention = this.registry.mentionsInOrder().find((m) => {
      const entity = this.matcher.entities[m.entity]!;
      return entity.id === entityId && (datasetId === undefined || entity.dataset === datasetId);
    });
    if (mention === undefined) return false;
    scrollToMention(mention);
    return this.card.open(mention, { focus: true });
  }

  /**
   * Moves to the next mention in view after the last one reached this way (wrapping around),
   * or the first mention below the viewport when none is in view, and opens its card with
   * focus inside.
   */
  async focusNextMention(): Promise<boolean> {
    const mentions = this.registry.mentionsInOrder();
    if (mentions.length === 0) return false;
    const view = this.document.defaultView!;
    const inView = mentions.filter((m) => {
      const r = m.range.getBoundingClientRect();
      return r.bottom > 0 && r.top < view.innerHeight && r.right > 0 && r.left < view.innerWidth && r.width > 0;
    });
    const current = this.lastFocused !== null ? mentions.indexOf(this.lastFocused) : -1;
    let next: PageMention | undefined;
    if (inView.length > 0) {
      next = inView.find((m) => mentions.indexOf(m) > current) ?? inView[0];
    } else {
      next = mentions.find((m) => m.range.getBoundingClientRect().top >= view.innerHeight) ?? mentions[0];
      scrollToMention(next!);
    }
    this.lastFocused = next!;
    return this.card.open(next!, { focus: true });
  }
}

function scrollToMention(mention: PageMention): void {
  const element = mention.startNode.parentElement;
  element?.scrollIntoView({ block: "center", behavior: "instant" });
}
