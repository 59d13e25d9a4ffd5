/**
 * The content script, on every page the reader opens: wires the browser and the page into one
 * `ContentScriptController`, which reads the settings and the small index of imported datasets
 * (two reads, at once) and, only if the overlay is on for this site, builds the matcher — from
 * the bundled table alone, or merged with the stored tables of the enabled imported datasets —
 * and scans; it follows every change, and tears down when the extension goes away.
 */
import bundledAutomatonKey from "virtual:bundled-automaton-key";
import bundledTable from "virtual:matcher-table";
import { Matcher } from "../core/matcher.ts";
import type { MatcherTable } from "../core/matcher-table.ts";
import { mergeMatcherTables } from "../core/merge-matcher-tables.ts";
import { keepAutomaton, readKeptAutomaton } from "../extension/automaton-cache.ts";
import { extension } from "../extension/browser-api.ts";
import { enabledTablesKey, readIndex, readTables, watchIndex } from "../shared/imported-datasets.ts";
import { askBackground, servePage } from "../extension/messaging.ts";
import { settingsStore } from "../extension/settings-store.ts";
import { ContentScriptController } from "./content-script-controller.ts";
import { cardViewLoader } from "./load-card-view.ts";
import { logFailure } from "./log-failure.ts";
import { measureTask } from "./measure-task.ts";
import { Overlay } from "./overlay.ts";
import { FramePacer } from "./yield-to-page.ts";

const { loadSettings, watchSettings } = settingsStore(extension.storage);

/** The site the per-site setting applies to: the tab's, also inside a same-origin frame. */
function siteHost(): string {
  try {
    return window.top?.location.hostname || location.hostname;
  } catch {
    return location.hostname; // a cross-origin frame cannot read the top's location
  }
}

const log = (message: string) => console.warn(`Backstory: ${message}`);
const loadCardView = cardViewLoader(askBackground);

const controller = new ContentScriptController({
  document,
  loadSettings,
  watchSettings,
  readIndex: () => readIndex(extension.storage.local),
  watchIndex: (onChange, signal) => watchIndex(extension.storage.onChanged, onChange, signal),
  readTables: (entries) => readTables(extension.storage.local, entries),
  enabledTablesKey,
  buildMatcher: async (tables) => {
    // The bundled dictionary's automaton (the dictionary alone, as most readers use it) is kept
    // from one page to the next and read while the first frame renders. Otherwise the build is
    // 20–50 ms on a cold start, right after load, while the page still renders its first
    // frames: it starts after a frame and goes in steps, paced so that no frame waits behind
    // more than ~25 ms of it. (With imported datasets it is built on each page: nothing of
    // theirs is kept beyond their own entries, which removing a dataset deletes.)
    const table: MatcherTable = tables.length === 0 ? bundledTable : mergeMatcherTables([bundledTable, ...tables]);
    const key = tables.length === 0 ? bundledAutomatonKey : null;
    const pacer = new FramePacer(document);
    const [kept] = await Promise.all([key === null ? null : readKeptAutomaton(extension.storage.local, key), pacer.frame()]);
    const steps = Matcher.buildInSteps(table, kept ?? undefined);
    for (;;) {
      const start = performance.now();
      const step = steps.next();
      measureTask("matcher", start);
      if (step.done) {
        // None kept, or one found unsound: this page's goes in its place.
        if (key !== null && step.value.automaton !== kept) logFailure(keepAutomaton(extension.storage.local, key, step.value.automaton), "keeping the matcher for the next page");
        return step.value;
      }
      await pacer.pause();
    }
  },
  servePage,
  reportCounts: (mentions, entities) => askBackground({ type: "mentionsCounted", mentions, entities }),
  // Chrome leaves an orphaned content script running after an update or uninstall, with `runtime.id` undefined.
  isExtensionAlive: () => {
    try {
      return extension.runtime.id !== undefined;
    } catch {
      return false; // Firefox: the add-on's objects are gone ("dead object")
    }
  },
  createOverlay: (matcher, settings, onMentionsChanged) => new Overlay(document, matcher, settings, onMentionsChanged, askBackground, loadCardView),
  siteHost,
  log,
});
controller.run(controller.start());
