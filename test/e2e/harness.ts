/**
 * Browser-test harness: Debian's Chromium driven by Playwright with the built extension
 * (`dist/chrome`, exactly as users load it) and a loopback server for the fixture pages.
 * The card lives in a closed shadow root; tests read it through the DevTools protocol, which
 * can pierce closed roots, instead of opening it up in a test build.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext, CDPSession, Page, Worker } from "playwright-core";
import { launchChromiumWithExtension, ROOT } from "../../scripts/lib/chromium-with-extension.ts";
import { PageServer } from "../../scripts/lib/page-server.ts";

export { ROOT };
export const ARTIFACTS = path.join(ROOT, "test-results/screenshots");

/** The highlight names the content script registers. */
export const MENTION_HIGHLIGHT = "backstory-mention";

/** The loopback server for `test/fixtures/pages` and `test/e2e/pages`. */
export class FixtureServer extends PageServer {
  constructor() {
    super([path.join(ROOT, "test/fixtures/pages"), path.join(ROOT, "test/e2e/pages")]);
  }
}

/** A Chromium profile with the extension loaded. */
export class ExtensionBrowser {
  private constructor(
    readonly context: BrowserContext,
    readonly worker: Worker,
    readonly extensionId: string,
    private readonly profile: string,
    private readonly ownsProfile: boolean,
  ) {}

  /** Launches Chromium with `dist/chrome` loaded; pass `profile` to reuse one across restarts. */
  static async launch(options: { profile?: string } = {}): Promise<ExtensionBrowser> {
    const profile = options.profile ?? (await mkdtemp(path.join(tmpdir(), "backstory-profile-")));
    const { context, worker, extensionId } = await launchChromiumWithExtension({ profile, headless: true });
    return new ExtensionBrowser(context, worker, extensionId, profile, options.profile === undefined);
  }

  /** Opens a page and waits until the content script has finished its initial scan. */
  async open(url: string, options: { expectScan?: boolean } = {}): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(url);
    if (options.expectScan ?? true) await waitForScan(page);
    return page;
  }

  /** Writes the extension's settings directly to storage, as the popup would. */
  async setSettings(settings: Record<string, unknown>): Promise<void> {
    await this.worker.evaluate(async (value) => {
      const current = (await chrome.storage.sync.get("settings")).settings ?? {};
      await chrome.storage.sync.set({ settings: { ...current, ...value } });
    }, settings);
  }

  /**
   * Sends a page-protocol message from the background to the page's tab, found as the keyboard
   * command finds it: the active tab (the extension has no `tabs` permission to match URLs).
   */
  async sendToTab(page: Page, message: unknown): Promise<unknown> {
    await page.bringToFront();
    return this.worker.evaluate(async (message) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.tabs.sendMessage(tab!.id!, message, { frameId: 0 });
    }, message);
  }

  /** The browser's id of the tab showing `page`. */
  async tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    return this.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab!.id!;
    });
  }

  /** The toolbar badge's text for the tab showing `page`. */
  async badgeOf(page: Page): Promise<string> {
    const tabId = await this.tabIdOf(page);
    return this.worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tabId);
  }

  /** Opens the popup as a page, controlling the tab that shows `page`. */
  async openPopup(page: Page, options: { lang?: "ar" | "en" } = {}): Promise<Page> {
    const tabId = await this.tabIdOf(page);
    const popup = await this.context.newPage();
    const query = new URLSearchParams({ tab: String(tabId), ...(options.lang && { lang: options.lang }) });
    await popup.goto(`chrome-extension://${this.extensionId}/popup.html?${query}`);
    return popup;
  }

  async close(): Promise<void> {
    await this.context.close();
    if (this.ownsProfile) await rm(this.profile, { recursive: true, force: true });
  }
}

/** Waits for the User Timing measure the content script records after its initial scan. */
export async function waitForScan(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName("backstory:scan").length > 0, undefined, { timeout: 15_000 });
}

/** The texts of the ranges we highlight, in the order they were added (read from the main world). */
export function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate((name) => [...(CSS.highlights.get(name) ?? [])].map((r) => r.toString()), MENTION_HIGHLIGHT);
}

/** The viewport centre of the first highlighted range whose text is `text`. */
export async function mentionCentre(page: Page, text: string, occurrence = 0): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ({ name, text, occurrence }) => {
      const ranges = [...(CSS.highlights.get(name) ?? [])].filter((r) => r.toString() === text);
      const range = ranges[occurrence] as Range | undefined;
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: "center", behavior: "instant" });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    { name: MENTION_HIGHLIGHT, text, occurrence },
  );
  if (point === null) throw new Error(`no highlighted mention "${text}"`);
  return point;
}

/** Moves the pointer onto a mention and waits for its card. */
export async function hoverMention(page: Page, text: string, occurrence = 0): Promise<void> {
  const { x, y } = await mentionCentre(page, text, occurrence);
  await page.mouse.move(x - 3, y, { steps: 2 });
  await page.mouse.move(x, y, { steps: 2 });
  await waitForCard(page);
}

/** The overlay host and its closed shadow root, reached through the DevTools protocol. */
export class ClosedShadow {
  private constructor(
    private readonly session: CDPSession,
    private readonly rootObjectId: string,
  ) {}

  /** Finds the overlay host and resolves its (closed) shadow root, or null when there is none. */
  static async find(page: Page): Promise<ClosedShadow | null> {
    const session = await page.context().newCDPSession(page);
    const { root } = await session.send("DOM.getDocument", { depth: -1, pierce: true });
    const html = root.children?.find((n) => n.nodeName === "HTML");
    const host = html?.children?.find((n) => n.attributes?.includes("data-backstory"));
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) {
      await session.detach();
      return null;
    }
    const { object } = await session.send("DOM.resolveNode", { backendNodeId: shadow.backendNodeId });
    return new ClosedShadow(session, object.objectId!);
  }

  /** Runs a function with the shadow root as its argument, in the page's main world. */
  async evaluate<T>(fn: string): Promise<T> {
    const { result, exceptionDetails } = await this.session.send("Runtime.callFunctionOn", {
      objectId: this.rootObjectId,
      functionDeclaration: fn,
      arguments: [{ objectId: this.rootObjectId }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  }

  async dispose(): Promise<void> {
    await this.session.detach().catch(() => {});
  }
}

/** What a test reads from the open card. */
export interface CardContent {
  role: string | null;
  label: string;
  lang: string | null;
  dir: string | null;
  text: string;
  fullText: string;
}

/** Waits until a card is open, and returns what it shows. */
export async function waitForCard(page: Page, timeout = 5000): Promise<CardContent> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const card = await readCard(page);
    if (card !== null) return card;
    if (Date.now() > deadline) throw new Error("no card opened");
    await page.waitForTimeout(50);
  }
}

/** The open card's content, or null when none is open. */
export async function readCard(page: Page): Promise<CardContent | null> {
  const shadow = await ClosedShadow.find(page);
  if (shadow === null) return null;
  try {
    return await shadow.evaluate<CardContent | null>(`(root) => {
      const dialog = root.querySelector('[role="dialog"]');
      if (!dialog) return null;
      const labelId = dialog.getAttribute('aria-labelledby');
      const label = labelId ? root.getElementById(labelId)?.textContent ?? '' : dialog.getAttribute('aria-label') ?? '';
      return { role: dialog.getAttribute('role'), label, lang: dialog.getAttribute('lang'), dir: dialog.getAttribute('dir'),
               text: dialog.innerText, fullText: dialog.textContent };
    }`);
  } finally {
    await shadow.dispose();
  }
}

/** Whether the overlay host is in the document (as the page sees it). */
export function hasOverlayHost(page: Page): Promise<boolean> {
  return page.evaluate(() => document.querySelector("[data-backstory]") !== null);
}

/** Waits until no card is open (the host has been removed). */
export async function waitForNoCard(page: Page, timeout = 3000): Promise<void> {
  await page.waitForFunction(() => document.querySelector("[data-backstory]") === null, undefined, { timeout });
}

/** Records `document.body.innerHTML` as the page built it, before the content script ran. */
export async function captureBodyBeforeExtension(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      (window as unknown as { __bodyBefore: string }).__bodyBefore = document.body.innerHTML;
    });
  });
}

/** The body recorded by `captureBodyBeforeExtension`, and the body now. */
export function bodyBeforeAndNow(page: Page): Promise<{ before: string; now: string }> {
  return page.evaluate(() => ({ before: (window as unknown as { __bodyBefore: string }).__bodyBefore, now: document.body.innerHTML }));
}
