/** Which tab the popup controls. */

/** The fields of a `tabs.Tab` this reads. */
export type TabLike = { id?: number };

/**
 * The id of the tab the popup controls: the `tab` parameter when present (the popup opened as a
 * page, in tests, where the active tab would be the popup itself), else the current window's
 * active tab; `null` when neither names one.
 */
export async function chooseTab(params: URLSearchParams, activeTabs: () => Promise<TabLike[]>): Promise<number | null> {
  const given = params.get("tab");
  if (given !== null) return /^\d{1,15}$/.test(given) ? Number(given) : null;
  const [tab] = await activeTabs();
  return tab?.id ?? null;
}
