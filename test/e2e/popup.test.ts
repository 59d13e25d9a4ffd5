/**
 * The reader's control surface in real Chromium and Firefox: the popup's switches acting on
 * open tabs at once, per-site choices surviving a restart, the entity list, the badge,
 * corrupted settings, rejected messages, and the popup's accessibility in both interface
 * languages. One set of cases, run once per browser (the browser's name leads each test's name).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  ARTIFACTS,
  BROWSER_NAMES,
  BackstoryBrowser,
  useFixtureServer,
  expectedMentions,
  ROOT,
  bodyBeforeAndNow,
  captureBodyBeforeExtension,
  hasOverlayHost,
  highlightedTexts,
  hoverMention,
  isChecked,
  sleep,
  waitForCard,
  waitForScan,
  type PageDriver,
} from "./harness.ts";

const server = useFixtureServer();

/** Every range we highlight: top-level mentions and the names nested inside them. */
const highlightCount = (page: PageDriver) =>
  page.evaluate(() => (CSS.highlights.get("backstory-mention")?.size ?? 0) + (CSS.highlights.get("backstory-mention-nested")?.size ?? 0));
const expectedCount = async (name: string) => (await expectedMentions(name)).length;

describe.each(BROWSER_NAMES)("%s", (browserName) => {
  let browser: BackstoryBrowser;

  beforeAll(async () => {
    browser = await BackstoryBrowser.launch(browserName);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function resetSettings(): Promise<void> {
    await browser.evaluateInExtension(() => chrome.storage.sync.set({ settings: {} }));
  }

  describe("the switches", () => {
    test("'everywhere' clears every highlight and the host from an open tab within a second, leaving the body as it was; again brings them back", async () => {
      await resetSettings();
      const news = await browser.newPage();
      await captureBodyBeforeExtension(news);
      await news.goto(server.url("seed-article.ar.html"));
      await waitForScan(news);
      await hoverMention(news, "دارشيف");
      const popup = await browser.openPopup(news);
      await expect.poll(() => isChecked(popup, "#switch-everywhere")).toBe(true);

      const started = Date.now();
      await popup.click("#switch-everywhere");
      await news.waitForFunction(() => !CSS.highlights.has("backstory-mention") && !document.querySelector("[data-backstory]"), undefined, { timeout: 1000 });
      expect(Date.now() - started).toBeLessThan(1000);
      const body = await bodyBeforeAndNow(news);
      expect(body.now).toBe(body.before);

      await popup.click("#switch-everywhere");
      await news.waitForFunction(() => (CSS.highlights.get("backstory-mention")?.size ?? 0) > 0, undefined, { timeout: 2000 });
      expect(await highlightCount(news)).toBe(await expectedCount("seed-article.ar.html"));
      expect(await news.evaluate(() => performance.getEntriesByType("navigation").length)).toBe(1); // no reload
      await popup.close();
      await news.close();
    });

    // Firefox: the kept profile is reopened and the add-on installed again, as Firefox
    // reinstalls a temporary add-on; its storage is kept over the restart as an installed
    // add-on's is (see FirefoxDriver.launch).
    test("'this site' turns the overlay off on that site only, and the choice survives a restart", async () => {
      const profile = await mkdtemp(path.join(tmpdir(), "backstory-persist-"));
      try {
        let persistent = await BackstoryBrowser.launch(browserName, { profile });
        const port = new URL(server.origin).port;
        const siteA = await persistent.open(server.url("istanbul-talks.en.html")); // 127.0.0.1
        const siteB = await persistent.open(`http://localhost:${port}/istanbul-talks.en.html`);
        const popup = await persistent.openPopup(siteA);
        await expect.poll(() => isChecked(popup, "#switch-site")).toBe(true);
        await popup.click("#switch-site");
        await siteA.waitForFunction(() => !CSS.highlights.has("backstory-mention"), undefined, { timeout: 1000 });
        expect(await highlightCount(siteB)).toBe(await expectedCount("istanbul-talks.en.html"));
        await persistent.close();

        persistent = await BackstoryBrowser.launch(browserName, { profile });
        const again = await persistent.open(server.url("istanbul-talks.en.html"), { expectScan: false });
        const other = await persistent.open(`http://localhost:${port}/istanbul-talks.en.html`);
        expect(await highlightCount(other)).toBe(await expectedCount("istanbul-talks.en.html"));
        await sleep(300);
        expect(await highlightCount(again)).toBe(0);
        const popupAgain = await persistent.openPopup(again);
        await expect.poll(() => isChecked(popupAgain, "#switch-site")).toBe(false);
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
      await popup.waitForSelector("#entities button[data-entity='killenworth']");
      const ids = await popup.evaluate(() => [...document.querySelectorAll("#entities button[data-entity]")].map((b) => b.getAttribute("data-entity")));
      expect(ids).toEqual(expect.arrayContaining(["alexander-darchiev", "killenworth", "pioneer-point", "tass", "us-state-department"]));
      const expected = await expectedMentions("seed-article.ar.html");
      expect(new Set(ids)).toEqual(new Set(expected.map((m) => m.entity)));
      const popupText = await popup.evaluate(() => document.body.innerText);
      expect(popupText).toContain(String(expected.length)); // the number of mentions
      const darchievMentions = expected.filter((m) => m.entity === "alexander-darchiev").length;
      const darchievButton = await popup.evaluate(() => document.querySelector<HTMLElement>("#entities button[data-entity='alexander-darchiev']")!.innerText);
      expect(darchievButton).toContain(String(darchievMentions));

      await news.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await popup.click("#entities button[data-entity='pioneer-point']");
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
      const expected = await expectedMentions("seed-article.ar.html");
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
      await browser.evaluateInExtension(() => chrome.storage.sync.set({ settings: "{not json" }));
      // The background writes the repaired value back.
      await expect
        .poll(() => browser.evaluateInExtension(async () => (await chrome.storage.sync.get("settings")).settings), { timeout: 3000 })
        .toMatchObject({ enabled: true, siteMode: "all-except", sites: [] });
      await browser.evaluateInExtension(() => chrome.storage.sync.set({ settings: "{not json" }));
      const news = await browser.open(server.url("istanbul-talks.en.html"));
      expect(await highlightCount(news)).toBe(await expectedCount("istanbul-talks.en.html"));
      await hoverMention(news, "Darchiev");
      const popup = await browser.openPopup(news);
      await expect.poll(() => isChecked(popup, "#switch-everywhere")).toBe(true);
      await expect.poll(() => isChecked(popup, "#switch-site")).toBe(true);
      await popup.close();
      await browser.evaluateInExtension(() => chrome.storage.sync.set({ settings: { enabled: "yes", hoverDelayMs: -1, sites: 5 } }));
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
      }, new URL(browser.extensionUrl("")).host);
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
      await popup.waitForSelector("#entities button[data-entity]");
      expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, lang === "ar" ? "rtl" : "ltr"]);
      // An extension page's CSP refuses injected script tags; the driver runs the source instead.
      await popup.runScript(await readFile(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8"));
      const violations = await popup.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations).toEqual([]);

      await popup.setViewport({ width: 360, height: 600 });
      await popup.screenshot(path.join(ARTIFACTS, `popup-${lang}.${browserName}.png`));

      // Tab through the popup: every enabled control is reached. Elements are named by tag and
      // position in the document.
      const controls = await popup.evaluate(() => {
        const all = [...document.querySelectorAll("*")];
        return [...document.querySelectorAll("a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex='-1'])")].map(
          (el) => `${el.tagName}#${all.indexOf(el)}`,
        );
      });
      const reached = new Set<string>();
      await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      // Two more stops than controls: the way out of the page and back, and a scrolled list.
      for (let i = 0; i < controls.length + 2; i++) {
        await popup.keyboard.press("Tab");
        const key = await popup.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const all = [...document.querySelectorAll("*")];
          return `${el.tagName}#${all.indexOf(el)}`;
        });
        if (key) reached.add(key);
      }
      expect(controls.filter((c) => !reached.has(c))).toEqual([]);
      // Firefox also stops at a scrolled container (the entity list in this small popup), so a
      // keyboard can scroll it; nothing else that is not a control takes focus.
      const others = [...reached].filter((key) => !controls.includes(key));
      const othersScroll = await popup.evaluate(
        (keys) => keys.map((key) => {
          const el = document.querySelectorAll("*")[Number(key.split("#")[1])]!;
          return ["auto", "scroll"].includes(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight;
        }),
        others,
      );
      expect(othersScroll.every(Boolean)).toBe(true);
      await popup.close();
      await news.close();
    });
  });
});
