/**
 * The content script's state on one document, in one place: the settings, the imported
 * datasets, the matcher built from them and the running overlay. It brings the page in line
 * with each change, and tears everything down for good when the extension goes away.
 *
 * The extension can go away under a running content script: after an update, a reload or an
 * uninstall, Chrome leaves the old script running with a dead connection (`runtime.id` becomes
 * undefined, every message fails with "Extension context invalidated"), its highlights and
 * listeners still on the page. The controller checks on every message it sends, whenever the
 * page comes back into view, and when the services report it; then it aborts its lifetime, stops
 * the overlay (highlights and host removed) and stops listening. Every promise it starts and
 * does not await ends in one catch that logs with the `Backstory:` prefix.
 */
import type { Matcher } from "../core/matcher.ts";
import type { MatcherTable } from "../core/matcher-table.ts";
import type { IndexEntry, ParsedIndex } from "../shared/imported-datasets.ts";
import type { Handlers, pageProtocol, Reply } from "../shared/messages.ts";
import type { Runtime } from "../extension/browser-api.ts";
import { isOverlayOnFor, type ParsedSettings, type Settings } from "../shared/settings.ts";
import type { EntityOnPage } from "./overlay.ts";

/**
 * How often, at most, mention counts go to the background for the badge and the side panel.
 * The report is what tells an open panel that the page's names changed, and the panel must show
 * a change within 500 ms (issue 14): this wait is most of that budget (`npm run bench -- --only=side-panel`).
 */
export const REPORT_INTERVAL_MS = 100;

/** What the controller needs of an overlay (`Overlay` in the page; a fake in tests). */
export interface OverlayHandle {
  start(): Promise<void>;
  /** Stops listening and closes any card, but leaves the highlights on the page until `stop`. */
  retire(): void;
  stop(): void;
  updateSettings(settings: Settings): void;
  entitiesOnPage(): { mentions: number; entities: EntityOnPage[] };
  /** The mention count and the ids of the entities mentioned, in no order: what the badge needs. */
  mentionCounts(): { mentions: number; entities: string[] };
  revealEntity(entityId: string, datasetId?: string): Promise<boolean>;
  focusNextMention(): Promise<boolean>;
}

/** Everything the controller reaches outside itself, passed in so tests can give fakes. */
export interface ContentScriptServices {
  readonly document: Document;
  loadSettings(): Promise<ParsedSettings>;
  watchSettings(onChange: (parsed: ParsedSettings) => void, signal: AbortSignal): void;
  readIndex(): Promise<ParsedIndex>;
  watchIndex(onChange: (index: ParsedIndex) => void, signal: AbortSignal): void;
  /** The enabled entries' matcher tables, from storage. */
  readTables(entries: readonly IndexEntry[]): Promise<{ tables: MatcherTable[]; problems: string[] }>;
  enabledTablesKey(entries: readonly IndexEntry[]): string;
  /** The matcher for the bundled table followed by imported ones (the first keeps a contested name). */
  buildMatcher(tables: readonly MatcherTable[]): Promise<Matcher>;
  servePage(handlers: Handlers<typeof pageProtocol, Runtime.MessageSender>, signal: AbortSignal): void;
  reportCounts(mentions: number, entities: string[]): Promise<Reply<unknown>>;
  /** Whether the extension that injected this script is still there (Chrome: `runtime.id` is defined). */
  isExtensionAlive(): boolean;
  createOverlay(matcher: Matcher, settings: Settings, onMentionsChanged: () => void): OverlayHandle;
  /** The site the per-site setting applies to. */
  siteHost(): string;
  /** Where failures go (the console, with the `Backstory:` prefix). */
  log(message: string): void;
}

/** Whether an error says the extension's context is gone (Chrome's wording). */
function isContextInvalidated(error: unknown): boolean {
  return /Extension context invalidated/i.test(String((error as Error | null)?.message ?? error));
}

/** The content script's lifetime on one document. */
export class ContentScriptController {
  private readonly lifetime = new AbortController();
  private settings: Settings | null = null;
  private imported: IndexEntry[] = [];
  private overlay: OverlayHandle | null = null;
  /** Which enabled tables the running overlay's matcher was built from. */
  private overlayTables = "";
  /** The last matcher built, by the enabled tables it was built from. */
  private built: { key: string; matcher: Promise<Matcher> } | null = null;
  /** Bumped by each `apply`, so an older one still waiting for tables gives way to a newer one. */
  private applying = 0;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly services: ContentScriptServices) {}

  /** Whether the controller has been torn down (the extension went away, or `stop` was called). */
  get stopped(): boolean {
    return this.lifetime.signal.aborted;
  }

  /** Whether an overlay is running on the page. */
  get active(): boolean {
    return this.overlay !== null;
  }

  /** Reads the settings and datasets, starts the overlay if it is on for this site, and follows changes. */
  async start(): Promise<void> {
    const { services } = this;
    const signal = this.lifetime.signal;
    services.servePage(
      {
        getEntitiesOnPage: () => ({
          site: services.siteHost(),
          active: this.overlay !== null,
          ...(this.overlay?.entitiesOnPage() ?? { mentions: 0, entities: [] }),
        }),
        revealEntity: async ({ entity, dataset }) => ({ revealed: (await this.overlay?.revealEntity(entity, dataset)) ?? false }),
        focusNextMention: async () => ({ focused: (await this.overlay?.focusNextMention()) ?? false }),
      },
      signal,
    );
    // A tab coming back into view is when a reader meets a stale page after an update.
    services.document.addEventListener("visibilitychange", () => this.checkAlive(), { signal });
    const [stored, index] = await Promise.all([services.loadSettings(), services.readIndex()]);
    if (this.stopped) return;
    const problems = [...stored.problems.map((p) => `settings repaired: ${p}`), ...index.problems];
    if (problems.length > 0) services.log(problems.join("; "));
    this.settings = stored.settings;
    this.imported = index.entries;
    await this.apply();
    if (this.stopped) return;
    services.watchSettings(({ settings }) => {
      this.settings = settings;
      this.run(this.apply());
    }, signal);
    services.watchIndex((next) => {
      if (next.problems.length > 0) services.log(next.problems.join("; "));
      this.imported = next.entries;
      this.run(this.apply());
    }, signal);
  }

  /** Tears everything down: the overlay (highlights, host, listeners), the watchers, the timers. */
  stop(): void {
    if (this.stopped) return;
    this.lifetime.abort();
    clearTimeout(this.reportTimer);
    this.reportTimer = undefined;
    this.stopOverlay();
  }

  /** Tears down if the extension has gone away; true when it is still there. */
  checkAlive(): boolean {
    if (this.stopped) return false;
    if (this.services.isExtensionAlive()) return true;
    this.stop();
    return false;
  }

  /** Runs a promise nobody awaits: its failure is logged once, and a dead extension tears down. */
  run(promise: Promise<unknown>): void {
    promise.catch((error: unknown) => {
      if (isContextInvalidated(error) || !this.checkAlive()) {
        this.stop();
        return;
      }
      this.services.log(String((error as Error | null)?.message ?? error));
    });
  }

  /** Brings the page in line with the current settings and datasets. */
  private async apply(): Promise<void> {
    const turn = ++this.applying;
    if (!this.checkAlive() || this.settings === null) return;
    if (!isOverlayOnFor(this.settings, this.services.siteHost())) {
      this.stopOverlay();
      return;
    }
    const { key, matcher } = this.matcherFor(this.imported);
    if (this.overlay !== null && this.overlayTables === key) {
      this.overlay.updateSettings(this.settings);
      return;
    }
    const ready = await matcher;
    if (turn !== this.applying || this.stopped) return;
    // Other datasets: start again on a fresh overlay. The old one stops listening now but its
    // highlights stay on the page until the new one's first scan has put up its own (the same
    // highlight names, so the registry swaps them in one step): the names do not blink out.
    this.retireOverlay();
    const overlay = this.services.createOverlay(ready, this.settings, () => {
      if (overlay === this.overlay) this.finishRetiring();
      this.scheduleReport();
    });
    this.overlay = overlay;
    this.overlayTables = key;
    this.run(overlay.start());
  }

  /** The matcher for the enabled datasets: the bundled table first, so it keeps every name it claims. */
  private matcherFor(entries: readonly IndexEntry[]): { key: string; matcher: Promise<Matcher> } {
    const key = this.services.enabledTablesKey(entries);
    if (this.built?.key === key) return this.built;
    const enabled = entries.filter((e) => e.enabled);
    const matcher =
      enabled.length === 0
        ? this.services.buildMatcher([])
        : this.services.readTables(enabled).then(({ tables, problems }) => {
            if (problems.length > 0) this.services.log(problems.join("; "));
            return this.services.buildMatcher(tables);
          });
    this.built = { key, matcher };
    return this.built;
  }

  /** The overlay replaced by one for other datasets, until that one's first scan has drawn. */
  private retiring: OverlayHandle | null = null;

  private retireOverlay(): void {
    // One still waiting from an earlier change goes now: its successor never drew.
    this.retiring?.stop();
    this.retiring = this.overlay;
    this.retiring?.retire();
    this.overlay = null;
  }

  private finishRetiring(): void {
    this.retiring?.stop();
    this.retiring = null;
  }

  private stopOverlay(): void {
    this.finishRetiring();
    if (this.overlay === null) return;
    this.overlay.stop();
    this.overlay = null;
    this.scheduleReport();
  }

  /** Sends the mention counts to the background (for the badge), at most every `REPORT_INTERVAL_MS`. */
  private scheduleReport(): void {
    if (this.reportTimer !== undefined || this.stopped) return;
    this.reportTimer = setTimeout(() => {
      this.reportTimer = undefined;
      if (!this.checkAlive()) return;
      const found = this.overlay?.mentionCounts() ?? { mentions: 0, entities: [] };
      this.run(
        this.services.reportCounts(found.mentions, found.entities).then((reply) => {
          // askBackground turns a failed send into an error value: a dead context shows there.
          if (!reply.ok && isContextInvalidated(reply.error)) this.stop();
        }),
      );
    }, REPORT_INTERVAL_MS);
  }
}
