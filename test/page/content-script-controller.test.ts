/**
 * The content script's controller, in a Node DOM with fake services: it starts and stops the
 * overlay as settings and datasets change, and tears everything down when the extension goes
 * away (Chrome's orphaned content script after an update), logging failures once.
 */
import { Window } from "happy-dom";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { Matcher } from "../../src/core/matcher.ts";
import type { MatcherTable } from "../../src/core/matcher-table.ts";
import type { IndexEntry, ParsedIndex } from "../../src/shared/imported-datasets.ts";
import { DEFAULT_SETTINGS, type ParsedSettings, type Settings } from "../../src/shared/settings.ts";
import {
  ContentScriptController,
  REPORT_INTERVAL_MS,
  type ContentScriptServices,
  type OverlayHandle,
} from "../../src/page/content-script-controller.ts";

/** An overlay that records what was done to it. */
class FakeOverlay implements OverlayHandle {
  started = false;
  retired = false;
  stopped = false;
  settings: Settings;
  constructor(
    readonly matcher: Matcher,
    settings: Settings,
    readonly onMentionsChanged: () => void,
    private readonly startResult: Promise<void> = Promise.resolve(),
  ) {
    this.settings = settings;
  }
  start(): Promise<void> {
    this.started = true;
    return this.startResult;
  }
  retire(): void {
    this.retired = true;
  }
  stop(): void {
    this.stopped = true;
  }
  updateSettings(settings: Settings): void {
    this.settings = settings;
  }
  entitiesOnPage() {
    return { mentions: 2, entities: [{ id: "darchiev", dataset: "d", type: "person" as const, name: { ar: "دارشيف", en: "Darchiev" }, mentions: 2 }] };
  }
  mentionCounts() {
    return { mentions: 2, entities: ["darchiev"] };
  }
  async revealEntity(): Promise<boolean> {
    return true;
  }
  async focusNextMention(): Promise<boolean> {
    return true;
  }
}

const entry = (id: string, enabled: boolean): IndexEntry => ({ id, enabled, datasetKey: `dataset/${id}/r1`, tableKey: `table/${id}/r1` });

/** Fake services with handles for the test to drive them. */
function setUp(options: { settings?: Partial<Settings>; entries?: IndexEntry[]; overlayStart?: () => Promise<void> } = {}) {
  const document = new Window().document as unknown as Document;
  const overlays: FakeOverlay[] = [];
  const logged: string[] = [];
  const reports: { mentions: number; entities: string[] }[] = [];
  const signals: Record<string, AbortSignal> = {};
  let onSettings: ((parsed: ParsedSettings) => void) | null = null;
  let onIndex: ((index: ParsedIndex) => void) | null = null;
  const state = { alive: true, reportError: null as string | null };
  const services: ContentScriptServices = {
    document,
    loadSettings: async () => ({ settings: { ...DEFAULT_SETTINGS, ...options.settings }, problems: [] }),
    watchSettings: (listener, signal) => {
      onSettings = listener;
      signals.settings = signal;
    },
    readIndex: async () => ({ entries: options.entries ?? [], problems: [] }),
    watchIndex: (listener, signal) => {
      onIndex = listener;
      signals.index = signal;
    },
    readTables: async (entries) => ({ tables: entries.map((e) => ({ id: e.id }) as unknown as MatcherTable), problems: [] }),
    enabledTablesKey: (entries) => entries.filter((e) => e.enabled).map((e) => e.tableKey).join("\n"),
    buildMatcher: async (tables) => ({ tables: tables.map((t) => (t as unknown as { id: string }).id) }) as unknown as Matcher,
    servePage: (_handlers, signal) => {
      signals.page = signal;
    },
    reportCounts: async (mentions, entities) => {
      reports.push({ mentions, entities });
      return state.reportError === null ? { ok: true, value: {} } : { ok: false, error: state.reportError };
    },
    isExtensionAlive: () => state.alive,
    createOverlay: (matcher, settings, onMentionsChanged) => {
      const overlay = new FakeOverlay(matcher, settings, onMentionsChanged, options.overlayStart?.());
      overlays.push(overlay);
      return overlay;
    },
    siteHost: () => "news.example",
    log: (message) => logged.push(message),
  };
  const controller = new ContentScriptController(services);
  return {
    controller,
    document,
    overlays,
    logged,
    reports,
    signals,
    state,
    changeSettings: (settings: Partial<Settings>) => onSettings!({ settings: { ...DEFAULT_SETTINGS, ...settings }, problems: [] }),
    changeIndex: (entries: IndexEntry[]) => onIndex!({ entries, problems: [] }),
  };
}

/** Lets pending promise callbacks run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("ContentScriptController", () => {
  test("starts one overlay when the overlay is on for the site, from the bundled table alone", async () => {
    const t = setUp();
    await t.controller.start();
    expect(t.overlays).toHaveLength(1);
    expect(t.overlays[0]!.started).toBe(true);
    expect((t.overlays[0]!.matcher as unknown as { tables: string[] }).tables).toEqual([]);
  });

  test("starts none on a site the reader turned it off for", async () => {
    const t = setUp({ settings: { sites: ["news.example"] } });
    await t.controller.start();
    expect(t.overlays).toEqual([]);
    expect(t.controller.active).toBe(false);
  });

  test("turning it off stops the overlay; on again starts a fresh one; a style change only updates it", async () => {
    const t = setUp();
    await t.controller.start();
    t.changeSettings({ highlightStyle: "underline" });
    await settle();
    expect(t.overlays).toHaveLength(1);
    expect(t.overlays[0]!.settings.highlightStyle).toBe("underline");
    t.changeSettings({ enabled: false });
    await settle();
    expect(t.overlays[0]!.stopped).toBe(true);
    expect(t.controller.active).toBe(false);
    t.changeSettings({ enabled: true });
    await settle();
    expect(t.overlays).toHaveLength(2);
    expect(t.overlays[1]!.started).toBe(true);
  });

  test("enabling an imported dataset restarts the overlay with a matcher built from its table; an index change that enables nothing new does not", async () => {
    const t = setUp({ entries: [entry("quillmere", false)] });
    await t.controller.start();
    t.changeIndex([entry("quillmere", false), entry("other", false)]);
    await settle();
    expect(t.overlays).toHaveLength(1);
    t.changeIndex([entry("quillmere", true)]);
    await settle();
    expect(t.overlays).toHaveLength(2);
    expect((t.overlays[1]!.matcher as unknown as { tables: string[] }).tables).toEqual(["quillmere"]);
    // The old overlay stops listening at once but keeps its highlights until the new one has drawn.
    expect(t.overlays[0]!.retired).toBe(true);
    expect(t.overlays[0]!.stopped).toBe(false);
    t.overlays[1]!.onMentionsChanged();
    expect(t.overlays[0]!.stopped).toBe(true);
    expect(t.overlays[1]!.stopped).toBe(false);
  });

  test("an overlay waiting for its successor's first scan goes when another change comes, the overlay is turned off, or the controller stops", async () => {
    const t = setUp({ entries: [entry("quillmere", false)] });
    await t.controller.start();
    t.changeIndex([entry("quillmere", true)]);
    await settle();
    t.changeIndex([entry("quillmere", true), entry("other", true)]);
    await settle();
    expect(t.overlays).toHaveLength(3);
    // The first never saw its successor draw: gone now; the second waits for the third.
    expect(t.overlays.map((o) => [o.retired, o.stopped])).toEqual([[true, true], [true, false], [false, false]]);
    // A late report from the retired overlay's scan does not end the wait.
    t.overlays[1]!.onMentionsChanged();
    expect(t.overlays[1]!.stopped).toBe(false);
    t.changeSettings({ enabled: false });
    await settle();
    expect(t.overlays.map((o) => o.stopped)).toEqual([true, true, true]);

    const u = setUp({ entries: [entry("quillmere", false)] });
    await u.controller.start();
    u.changeIndex([entry("quillmere", true)]);
    await settle();
    u.controller.stop();
    expect(u.overlays.map((o) => o.stopped)).toEqual([true, true]);
  });

  test("mention counts go to the background at most once per interval", async () => {
    const t = setUp();
    await t.controller.start();
    t.overlays[0]!.onMentionsChanged();
    t.overlays[0]!.onMentionsChanged();
    await vi.advanceTimersByTimeAsync(REPORT_INTERVAL_MS);
    expect(t.reports).toEqual([{ mentions: 2, entities: ["darchiev"] }]);
  });

  test("the extension gone (runtime.id undefined), noticed when the tab comes back into view: everything is torn down", async () => {
    const t = setUp();
    await t.controller.start();
    t.state.alive = false;
    t.document.dispatchEvent(new (t.document.defaultView as unknown as typeof globalThis).Event("visibilitychange"));
    expect(t.controller.stopped).toBe(true);
    expect(t.overlays[0]!.stopped).toBe(true);
    expect([t.signals.page!.aborted, t.signals.settings!.aborted, t.signals.index!.aborted]).toEqual([true, true, true]);
    // Nothing comes back to life afterwards.
    t.changeSettings({ enabled: true, highlightStyle: "underline" });
    await settle();
    expect(t.overlays).toHaveLength(1);
  });

  test("a report failing with 'Extension context invalidated' tears everything down, with nothing logged", async () => {
    const t = setUp();
    await t.controller.start();
    t.state.reportError = "Extension context invalidated.";
    t.overlays[0]!.onMentionsChanged();
    await vi.advanceTimersByTimeAsync(REPORT_INTERVAL_MS);
    expect(t.controller.stopped).toBe(true);
    expect(t.overlays[0]!.stopped).toBe(true);
    expect(t.logged).toEqual([]);
  });

  test("the extension gone before a report is due: the report is not sent and everything is torn down", async () => {
    const t = setUp();
    await t.controller.start();
    t.overlays[0]!.onMentionsChanged();
    t.state.alive = false;
    await vi.advanceTimersByTimeAsync(REPORT_INTERVAL_MS);
    expect(t.reports).toEqual([]);
    expect(t.controller.stopped).toBe(true);
  });

  test("an overlay that fails to start is logged once, and the controller keeps running", async () => {
    const t = setUp({ overlayStart: () => Promise.reject(new Error("scan failed")) });
    await t.controller.start();
    await settle();
    expect(t.logged).toEqual(["scan failed"]);
    expect(t.controller.stopped).toBe(false);
  });

  test("a fire-and-forget promise failing with 'Extension context invalidated' tears down instead of logging", async () => {
    const t = setUp();
    await t.controller.start();
    t.controller.run(Promise.reject(new Error("Extension context invalidated.")));
    await settle();
    expect(t.controller.stopped).toBe(true);
    expect(t.logged).toEqual([]);
  });
});
