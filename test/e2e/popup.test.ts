/**
 * The reader's control surface in real Chromium: the popup's switches acting on open tabs at
 * once, per-site choices surviving a restart, the entity list, the badge, corrupted settings,
 * rejected messages, and the popup's accessibility in both interface languages.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  ARTIFACTS,
  ExtensionBrowser,
  FixtureServer,
  ROOT,
  bodyBeforeAndNow,
  captureBodyBeforeExtension,
  hasOverlayHost,
  highlightedTexts,
  hoverMention,
  waitForCard,
  waitForScan,
} from "./harness.ts";

const server = new FixtureServer();
let browser: ExtensionBrowser;

beforeAll(async () => {
  await server.start();
  browser = await ExtensionBrowser.launch();
});
afterAll(async () => {
  await browser?.close();
  await server.stop();
});

const highlightCount = (page: Page) => page.evaluate(() => CSS.highlights.get("backstory-mention")?.size ?? 0);
const expectedCount = async (name: string) =>
  (JSON.parse(await readFile(path.join(ROOT, "test/fixtures/pages", name.replace(/\.html$/, ".expected.json")), "utf8")) as unknown[]).length;

async function resetSettings(): Promise<void> {
  await browser.worker.evaluate(() => chrome.storage.sync.set({ settings: {} }));
}

describe("the switches", () => {
  test("'everywhere' clears every highlight and the host from an open tab within a second, leaving the body as it was; again brings them back", async () => {
    await resetSettings();
    const news = await browser.context.newPage();
    await captureBodyBeforeExtension(news);
    await news.goto(server.url("seed-article.ar.html"));
    await waitForScan(news);
    await hoverMention(news, "دارشيف");
    const popup = await browser.openPopup(news);
    const everywhere = popup.locator("#switch-everywhere");
    await expect.poll(() => everywhere.isChecked()).toBe(true);

    const started = Date.now();
    await everywhere.click();
    await news.waitForFunction(() => !CSS.highlights.has("backstory-mention") && !document.querySelector("[data-backstory]"), undefined, { timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);
    const body = await bodyBeforeAndNow(news);
    expect(body.now).toBe(body.before);

    await everywhere.click();
    await news.waitForFunction(() => (CSS.highlights.get("backstory-mention")?.size ?? 0) > 0, undefined, { timeout: 2000 });
    expect(await highlightCount(news)).toBe(await expectedCount("seed-article.ar.html"));
    expect(await news.evaluate(() => performance.getEntriesByType("navigation").length)).toBe(1); // no reload
    await popup.close();
    await news.close();
  });

  test("'this site' turns the overlay off on that site only, and the choice survives a restart", async () => {
    const profile = await mkdtemp(path.join(tmpdir(), "backstory-persist-"));
    try {
      let persistent = await ExtensionBrowser.launch({ profile });
      const port = new URL(server.origin).port;
      const siteA = await persistent.open(server.url("istanbul-talks.en.html")); // 127.0.0.1
      const siteB = await persistent.open(`http://localhost:${port}/istanbul-talks.en.html`);
      const popup = await persistent.openPopup(siteA);
      const thisSite = popup.locator("#switch-site");
      await expect.poll(() => thisSite.isChecked()).toBe(true);
      await thisSite.click();
      await siteA.waitForFunction(() => !CSS.highlights.has("backstory-mention"), undefined, { timeout: 1000 });
      expect(await highlightCount(siteB)).toBe(await expectedCount("istanbul-talks.en.html"));
      await persistent.close();

      persistent = await ExtensionBrowser.launch({ profile });
      const again = await persistent.open(server.url("istanbul-talks.en.html"), { expectScan: false });
      const other = await persistent.open(`http://localhost:${port}/istanbul-talks.en.html`);
      expect(await highlightCount(other)).toBe(await expectedCount("istanbul-talks.en.html"));
      await again.waitForTimeout(300);
      expect(await highlightCount(again)).toBe(0);
      const popupAgain = await persistent.openPopup(again);
      await expect.poll(() => popupAgain.locator("#switch-site").isChecked()).toBe(false);
      await persistent.close();
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });
});

describe("what the page mentions", () => {
  test("the popup lists the demo page's entities with their counts; choosing one scrolls to it and opens its card", async () => {
    await resetSettings();
    const news = await browser.open(server.url("seed-article.ar.html"));
    const popup = await browser.openPopup(news, { lang: "en" });
    const list = popup.locator("#entities");
    await list.locator("button[data-entity='killenworth']").waitFor();
    const ids = await list.locator("button[data-entity]").evaluateAll((buttons) => buttons.map((b) => b.getAttribute("data-entity")));
    expect(ids).toEqual(expect.arrayContaining(["alexander-darchiev", "killenworth", "pioneer-point", "tass", "us-state-department"]));
    const expected = JSON.parse(await readFile(path.join(ROOT, "test/fixtures/pages/seed-article.ar.expected.json"), "utf8")) as { entity: string }[];
    expect(new Set(ids)).toEqual(new Set(expected.map((m) => m.entity)));
    const popupText = await popup.locator("body").innerText();
    expect(popupText).toContain(String(expected.length)); // the number of mentions
    const darchievMentions = expected.filter((m) => m.entity === "alexander-darchiev").length;
    expect(await list.locator("button[data-entity='alexander-darchiev']").innerText()).toContain(String(darchievMentions));

    await news.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await list.locator("button[data-entity='pioneer-point']").click();
    const card = await waitForCard(news);
    expect(card.label).toContain("بايونير بوينت");
    const inView = await news.evaluate(() => {
      const [range] = [...(CSS.highlights.get("backstory-active") ?? [])] as Range[];
      const r = range!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    await popup.close();
    await news.close();
  });

  test("the badge shows the number of entities on the tab, and nothing when the overlay is off", async () => {
    await resetSettings();
    const news = await browser.open(server.url("seed-article.ar.html"));
    const expected = JSON.parse(await readFile(path.join(ROOT, "test/fixtures/pages/seed-article.ar.expected.json"), "utf8")) as { entity: string }[];
    const entities = new Set(expected.map((m) => m.entity)).size;
    await expect.poll(() => browser.badgeOf(news), { timeout: 3000 }).toBe(String(entities));
    await browser.setSettings({ enabled: false });
    await expect.poll(() => browser.badgeOf(news), { timeout: 3000 }).toBe("");
    await browser.setSettings({ enabled: true });
    await expect.poll(() => browser.badgeOf(news), { timeout: 3000 }).toBe(String(entities));
    await news.close();
  });
});

describe("bad input", () => {
  test("corrupted stored settings leave the popup and the content script working with defaults", async () => {
    await browser.worker.evaluate(() => chrome.storage.sync.set({ settings: "{not json" }));
    // The background writes the repaired value back.
    await expect
      .poll(() => browser.worker.evaluate(async () => (await chrome.storage.sync.get("settings")).settings), { timeout: 3000 })
      .toMatchObject({ enabled: true, siteMode: "all-except", sites: [] });
    await browser.worker.evaluate(() => chrome.storage.sync.set({ settings: "{not json" }));
    const news = await browser.open(server.url("istanbul-talks.en.html"));
    expect(await highlightCount(news)).toBe(await expectedCount("istanbul-talks.en.html"));
    await hoverMention(news, "Darchiev");
    const popup = await browser.openPopup(news);
    await expect.poll(() => popup.locator("#switch-everywhere").isChecked()).toBe(true);
    await expect.poll(() => popup.locator("#switch-site").isChecked()).toBe(true);
    await popup.close();
    await browser.worker.evaluate(() => chrome.storage.sync.set({ settings: { enabled: "yes", hoverDelayMs: -1, sites: 5 } }));
    const other = await browser.open(server.url("seed-article.ar.html"));
    expect(await highlightCount(other)).toBe(await expectedCount("seed-article.ar.html"));
    await other.close();
    await news.close();
    await resetSettings();
  });

  test("a message of the wrong shape is rejected, and the page cannot message the extension", async () => {
    await resetSettings();
    const news = await browser.open(server.url("istanbul-talks.en.html"));
    const before = await highlightedTexts(news);
    for (const message of [{ type: "revealEntity", entity: 42 }, { type: "revealEntity" }, { type: "wipe" }, "revealEntity"]) {
      const reply = (await browser.sendToTab(news, message)) as { ok: boolean } | undefined;
      expect(reply?.ok ?? false).toBe(false);
    }
    // From the page itself: no runtime to reach, and window messages are not listened to.
    const fromPage = await news.evaluate(async (id) => {
      const runtime = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      let reached = false;
      if (typeof runtime?.sendMessage === "function") {
        try {
          await (runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>)(id, { type: "revealEntity", entity: "killenworth" });
          reached = true;
        } catch {
          reached = false;
        }
      }
      window.postMessage({ type: "revealEntity", entity: "killenworth" }, "*");
      window.postMessage({ type: "focusNextMention" }, "*");
      await new Promise((r) => setTimeout(r, 500));
      return { reached, host: document.querySelector("[data-backstory]") !== null };
    }, browser.extensionId);
    expect(fromPage).toEqual({ reached: false, host: false });
    expect(await highlightedTexts(news)).toEqual(before);
    expect(await hasOverlayHost(news)).toBe(false);
    await news.close();
  });
});

describe("accessibility", () => {
  test.each(["en", "ar"] as const)("the %s popup: axe-core finds no violations, and the keyboard reaches every control", async (lang) => {
    await resetSettings();
    const news = await browser.open(server.url("seed-article.ar.html"));
    const popup = await browser.openPopup(news, { lang });
    await popup.locator("#entities button[data-entity]").first().waitFor();
    expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, lang === "ar" ? "rtl" : "ltr"]);
    // An extension page's CSP refuses injected script tags; evaluate the source instead.
    await popup.evaluate(await readFile(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8"));
    const violations = await popup.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);

    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.screenshot({ path: path.join(ARTIFACTS, `popup-${lang}.png`) });

    // Tab through the popup: every enabled control is reached.
    const controls = await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex='-1'])")].length,
    );
    const reached = new Set<string>();
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < controls + 2; i++) {
      await popup.keyboard.press("Tab");
      const key = await popup.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const all = [...document.querySelectorAll("*")];
        return `${el.tagName}#${all.indexOf(el)}`;
      });
      if (key) reached.add(key);
    }
    expect(reached.size).toBe(controls);
    await popup.close();
    await news.close();
  });
});
