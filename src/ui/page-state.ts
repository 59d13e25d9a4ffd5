/** What the popup and the side panel say about a tab when it has no names to list. */
import { isOverlayOnFor, type Settings } from "../shared/settings.ts";
import type { pageProtocol, Reply, ResponseOf } from "../shared/messages.ts";

/** What a tab's content script reports about its page. */
export type EntitiesOnPage = ResponseOf<typeof pageProtocol, "getEntitiesOnPage">;

/**
 * Why there is nothing to list, as `data-state` on the placeholder: no tab yet, a page
 * Backstory cannot read, the overlay off everywhere or on this site, a scan not finished, or a
 * page with no known names.
 */
export type PageState = "loading" | "unavailable" | "off-everywhere" | "off-here" | "scanning" | "none";

/** Which placeholder the popup or panel shows, or `null` when the page has names to list. */
export function pageState(page: Reply<EntitiesOnPage> | null, settings: Settings | null): PageState | null {
  if (page === null) return "loading";
  if (!page.ok) return "unavailable";
  // The settings decide at once; the page follows them a moment later, through storage.onChanged.
  if (settings !== null && !settings.enabled) return "off-everywhere";
  if (settings !== null && !isOverlayOnFor(settings, page.value.site)) return "off-here";
  if (!page.value.active) return settings === null ? "off-here" : "scanning";
  return page.value.entities.length === 0 ? "none" : null;
}
