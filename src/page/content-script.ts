/**
 * The content script, on every page the reader opens. Start-up is light: it reads the settings
 * and, only if the overlay is on for this site, builds the matcher from the compiled table and
 * scans. It reacts to settings changes at once: off tears the overlay down, on scans again.
 */
import table from "virtual:matcher-table";
import { Matcher } from "../core/matcher.ts";
import { askBackground, servePage } from "../extension/messaging.ts";
import { isOverlayOnFor, type Settings } from "../extension/settings.ts";
import { loadSettings, watchSettings } from "../extension/settings-store.ts";
import { Overlay } from "./overlay.ts";

/** How often, at most, mention counts go to the background for the badge. */
const REPORT_INTERVAL_MS = 300;

/** The site the per-site setting applies to: the tab's, also inside a same-origin frame. */
function siteHost(): string {
  try {
    return window.top?.location.hostname || location.hostname;
  } catch {
    return location.hostname; // a cross-origin frame cannot read the top's location
  }
}

let matcher: Matcher | null = null;
let overlay: Overlay | null = null;
let reportTimer: ReturnType<typeof setTimeout> | undefined;

function reportCounts(): void {
  if (reportTimer !== undefined) return;
  reportTimer = setTimeout(() => {
    reportTimer = undefined;
    const found = overlay?.entitiesOnPage() ?? { mentions: 0, entities: [] };
    void askBackground({ type: "mentionsCounted", mentions: found.mentions, entities: found.entities.map((e) => e.id) });
  }, REPORT_INTERVAL_MS);
}

function apply(settings: Settings): void {
  const on = isOverlayOnFor(settings, siteHost());
  if (on && overlay === null) {
    matcher ??= new Matcher(table);
    overlay = new Overlay(document, matcher, settings, reportCounts);
    void overlay.start();
  } else if (!on && overlay !== null) {
    overlay.stop();
    overlay = null;
    reportCounts();
  } else {
    overlay?.updateSettings(settings);
  }
}

async function main(): Promise<void> {
  const lifetime = new AbortController();
  servePage(
    {
      getEntitiesOnPage: () => ({
        site: siteHost(),
        active: overlay !== null,
        ...(overlay?.entitiesOnPage() ?? { mentions: 0, entities: [] }),
      }),
      revealEntity: async ({ entity }) => ({ revealed: (await overlay?.revealEntity(entity)) ?? false }),
      focusNextMention: async () => ({ focused: (await overlay?.focusNextMention()) ?? false }),
    },
    lifetime.signal,
  );
  const { settings, problems } = await loadSettings();
  if (problems.length > 0) console.warn(`Backstory: settings repaired: ${problems.join("; ")}`);
  apply(settings);
  watchSettings(({ settings: next }) => apply(next), lifetime.signal);
}

void main();
