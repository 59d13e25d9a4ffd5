/**
 * The few `chrome.*` calls that browser tests evaluate inside the extension (its service worker
 * in Chromium, an extension page in Firefox, where `chrome.*` is promise-based in MV3 too),
 * typed just enough for those functions to type-check.
 */
interface ChromeForTests {
  storage: {
    sync: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
    local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  };
  tabs: {
    query(query: Record<string, unknown>): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  permissions: { getAll(): Promise<{ origins?: string[]; permissions?: string[] }> };
  runtime: { id: string; sendMessage(extensionId: string, message: unknown): Promise<unknown> };
}
declare const chrome: ChromeForTests;
