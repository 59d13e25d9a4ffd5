/**
 * Browser-test harness: Backstory's test steps (open a page and wait for the scan, read the
 * highlights, hover a mention, read the card in its closed shadow root, set the settings, talk
 * to the page from the extension, open the popup) over a browser driver (`drivers/`), so the
 * same cases run in Chromium and in Firefox with the built extension installed as users install
 * it, plus a loopback server for the fixture pages.
 *
 * `BackstoryBrowser` drives either browser; every page helper below takes a driver's page.
 */
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { CHROME_BUILD, ROOT } from "../../scripts/lib/chromium-with-extension.ts";
import { PageServer } from "../../scripts/lib/page-server.ts";
import { BROWSER_NAMES, type BrowserDriver, type BrowserFunction, type BrowserName, type PageDriver, type ShadowRootHandle } from "./drivers/browser-driver.ts";
import { ChromiumDriver } from "./drivers/chromium-driver.ts";
import { FIREFOX_BUILD, FirefoxDriver } from "./drivers/firefox-driver.ts";

export { BROWSER_NAMES, ROOT, type BrowserName, type PageDriver };
export const ARTIFACTS = path.join(ROOT, "test-results/screenshots");

/** The highlight names the content script registers. */
export const MENTION_HIGHLIGHT = "backstory-mention";
/** The highlight of names inside longer names (Istanbul in the talks' name). */
export const NESTED_HIGHLIGHT = "backstory-mention-nested";
/**
 * The host of the open card (on `<html>`). During a hover's dwell the next card's host is in the
 * document already, hidden and inert, being laid out: it is not open until it is shown.
 */
const OPEN_CARD_HOST = "[data-backstory]:not([inert])";

/** The loopback server for `test/fixtures/pages` and `test/e2e/pages`. */
export class FixtureServer extends PageServer {
  constructor() {
    super([path.join(ROOT, "test/fixtures/pages"), path.join(ROOT, "test/e2e/pages")]);
  }
}

/** The fixture pages served for a whole test file: started before its tests (with the screenshots' folder made), stopped after. */
export function useFixtureServer(): FixtureServer {
  const server = new FixtureServer();
  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
  });
  return server;
}

/** A mention as a fixture page's hand-labelled `*.expected.json` lists it. */
export interface ExpectedMention {
  text: string;
  entity: string;
  /** The longer name of ours it is nested in, if any. */
  outer?: string;
}

/** The hand-labelled mentions of a fixture page (`seed-article.ar.html` → `seed-article.ar.expected.json`). */
export async function expectedMentions(page: string): Promise<ExpectedMention[]> {
  return JSON.parse(await readFile(path.join(ROOT, "test/fixtures/pages", page.replace(/\.html$/, ".expected.json")), "utf8")) as ExpectedMention[];
}

/** The built extension each browser loads (`npm run build` writes both). */
export const EXTENSION_BUILDS: Readonly<Record<BrowserName, string>> = { chromium: CHROME_BUILD, firefox: FIREFOX_BUILD };

/** Backstory installed in Chromium or Firefox, with the product's test steps. */
export class BackstoryBrowser {
  private constructor(
    readonly driver: BrowserDriver,
    private readonly ownedProfile: string | null,
  ) {}

  /**
   * Launches a browser with the built extension (`EXTENSION_BUILDS`), or the build in
   * `extension`. Pass `profile` (an empty or earlier-used folder) to keep the profile across a
   * restart.
   */
  static async launch(name: BrowserName, options: { profile?: string; extension?: string } = {}): Promise<BackstoryBrowser> {
    const extension = options.extension ?? EXTENSION_BUILDS[name];
    if (name === "firefox") return new BackstoryBrowser(await FirefoxDriver.launch({ ...options, extension }), null);
    const owned = options.profile === undefined ? await mkdtemp(path.join(tmpdir(), "backstory-profile-")) : null;
    try {
      return new BackstoryBrowser(await ChromiumDriver.launch({ profile: options.profile ?? owned!, extension }), owned);
    } catch (error) {
      if (owned !== null) await rm(owned, { recursive: true, force: true });
      throw error;
    }
  }

  get name(): BrowserName {
    return this.driver.name;
  }

  /** A new tab at about:blank. */
  newPage(): Promise<PageDriver> {
    return this.driver.newPage();
  }

  /** Opens a page and waits until the content script has finished its initial scan. */
  async open(url: string, options: { expectScan?: boolean } = {}): Promise<PageDriver> {
    const page = await this.driver.newPage();
    await page.goto(url);
    if (options.expectScan ?? true) await waitForScan(page);
    return page;
  }

  /** The absolute URL of a file of the extension. */
  extensionUrl(file: string): string {
    return this.driver.extensionUrl(file);
  }

  /** Runs a function with the extension API (`chrome.*`), in the extension's own context. */
  evaluateInExtension<R, A = undefined>(fn: BrowserFunction<A, R>, arg?: A): Promise<R> {
    return this.driver.evaluateInExtension(fn, arg);
  }

  /** Writes the extension's settings directly to storage, as the popup would. */
  async setSettings(settings: Record<string, unknown>): Promise<void> {
    await this.driver.evaluateInExtension(async (value) => {
      const current = (await chrome.storage.sync.get("settings")).settings ?? {};
      await chrome.storage.sync.set({ settings: { ...current, ...value } });
    }, settings);
  }

  /**
   * Sends a page-protocol message from the extension to the page's tab, found as the keyboard
   * command finds it: the active tab (the extension has no `tabs` permission to match URLs).
   */
  async sendToTab(page: PageDriver, message: unknown): Promise<unknown> {
    const tabId = await this.tabIdOf(page);
    return this.driver.evaluateInExtension(({ tabId, message }) => chrome.tabs.sendMessage(tabId, message, { frameId: 0 }), { tabId, message });
  }

  /** The browser's id of the tab showing `page` (which this brings to the front). */
  async tabIdOf(page: PageDriver): Promise<number> {
    await page.bringToFront();
    return this.driver.evaluateInExtension(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab!.id!;
    });
  }

  /** The toolbar badge's text for the tab showing `page`. */
  async badgeOf(page: PageDriver): Promise<string> {
    const tabId = await this.tabIdOf(page);
    return this.driver.evaluateInExtension((tabId) => chrome.action.getBadgeText({ tabId }), tabId);
  }

  /** Opens the popup as a page, controlling the tab that shows `page`. */
  async openPopup(page: PageDriver, options: { lang?: "ar" | "en" } = {}): Promise<PageDriver> {
    const tabId = await this.tabIdOf(page);
    const query = new URLSearchParams({ tab: String(tabId), ...(options.lang && { lang: options.lang }) });
    return this.driver.openExtensionPage(`popup.html?${query}`);
  }

  /** Runs `action` and returns the tab it opened. */
  waitForNewPage(action: () => Promise<void>): Promise<PageDriver> {
    return this.driver.waitForNewPage(action);
  }

  async close(): Promise<void> {
    await this.driver.close();
    if (this.ownedProfile !== null) await rm(this.ownedProfile, { recursive: true, force: true });
  }
}

/** Waits for the User Timing measure the content script records after its initial scan. */
export async function waitForScan(page: PageDriver): Promise<void> {
  // The measure is on the document's own timeline, so the page's main world sees it (Firefox too).
  await page.waitForFunction(() => performance.getEntriesByName("backstory:scan").length > 0, undefined, { timeout: 15_000 });
}

/** The texts of the ranges we highlight, in the order they were added (read from the main world). */
export function highlightedTexts(page: PageDriver, name = MENTION_HIGHLIGHT): Promise<string[]> {
  return page.evaluate((name) => [...(CSS.highlights.get(name) ?? [])].map((r) => r.toString()), name);
}

/** The viewport centre of the first range whose text is `text` in a highlight of ours (top-level mentions by default). */
export async function mentionCentre(page: PageDriver, text: string, occurrence = 0, name = MENTION_HIGHLIGHT): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ({ name, text, occurrence }) => {
      const ranges = [...(CSS.highlights.get(name) ?? [])].filter((r) => r.toString() === text);
      const range = ranges[occurrence] as Range | undefined;
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: "center", behavior: "instant" });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    { name, text, occurrence },
  );
  if (point === null) throw new Error(`no highlighted mention "${text}"`);
  return point;
}

/** Moves the pointer onto a mention (top-level by default) and waits for its card. */
export async function hoverMention(page: PageDriver, text: string, occurrence = 0, name = MENTION_HIGHLIGHT): Promise<void> {
  const { x, y } = await mentionCentre(page, text, occurrence, name);
  await page.mouse.move(x - 3, y, { steps: 2 });
  await page.mouse.move(x, y, { steps: 2 });
  await waitForCard(page);
}

/** The overlay host's closed shadow root, reached through the driver's protocol (CDP or BiDi). */
export class ClosedShadow {
  private constructor(private readonly root: ShadowRootHandle) {}

  /** Finds the overlay host and its (closed) shadow root, or null when there is none. */
  static async find(page: PageDriver): Promise<ClosedShadow | null> {
    const root = await page.closedShadowRoot(OPEN_CARD_HOST);
    return root === null ? null : new ClosedShadow(root);
  }

  /** Runs a function with the shadow root as its argument, in the page's main world. */
  evaluate<T>(fn: string): Promise<T> {
    return this.root.evaluate<T>(fn);
  }

  dispose(): Promise<void> {
    return this.root.dispose();
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
export async function waitForCard(page: PageDriver, timeout = 5000): Promise<CardContent> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const card = await readCard(page);
    if (card !== null) return card;
    if (Date.now() > deadline) throw new Error("no card opened");
    await sleep(50);
  }
}

/**
 * Waits until the open card has finished its entrance animation, so a screenshot shows it as a
 * reader sees it (Firefox is driven fast enough to catch it fading in).
 */
export async function waitForCardSettled(page: PageDriver): Promise<void> {
  const shadow = await ClosedShadow.find(page);
  if (shadow === null) throw new Error("no card open");
  try {
    await shadow.evaluate(`(root) => Promise.all(root.getAnimations().map((a) => a.finished)).then(() => true)`);
  } finally {
    await shadow.dispose();
  }
}

/** The open card's content, or null when none is open. */
export async function readCard(page: PageDriver): Promise<CardContent | null> {
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

/** Whether the overlay host is in the document (as the page sees it), shown or not. */
export function hasOverlayHost(page: PageDriver): Promise<boolean> {
  return page.evaluate(() => document.querySelector("[data-backstory]") !== null);
}

/** Waits until no card is open (its host has been removed, or is hidden for the next dwell). */
export async function waitForNoCard(page: PageDriver, timeout = 3000): Promise<void> {
  await page.waitForFunction((selector) => document.querySelector(selector) === null, OPEN_CARD_HOST, { timeout });
}

/** Moves the pointer off every name (to the page's corner) and waits until the open card has closed. */
export async function leaveCard(page: PageDriver): Promise<void> {
  await page.mouse.move(2, 2, { steps: 2 });
  await waitForNoCard(page, 5000);
}

/** Whether the first checkbox matching `selector` is checked; null when there is none. */
export function isChecked(page: PageDriver, selector: string): Promise<boolean | null> {
  return page.evaluate((s) => document.querySelector<HTMLInputElement>(s)?.checked ?? null, selector);
}

/** Records `document.body.innerHTML` as the page built it, before the content script ran. */
export async function captureBodyBeforeExtension(page: PageDriver): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      (window as unknown as { __bodyBefore: string }).__bodyBefore = document.body.innerHTML;
    });
  });
}

/** The body recorded by `captureBodyBeforeExtension`, and the body now. */
export function bodyBeforeAndNow(page: PageDriver): Promise<{ before: string; now: string }> {
  return page.evaluate(() => ({ before: (window as unknown as { __bodyBefore: string }).__bodyBefore, now: document.body.innerHTML }));
}

/** Waits `ms` milliseconds (for checks that something does *not* happen). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
