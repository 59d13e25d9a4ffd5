/**
 * The side panel in real Chromium and Firefox, with the built extension. Headless, neither
 * browser's own side panel can be driven (Chrome's is not a Playwright page, Firefox's sidebar
 * is browser chrome BiDi does not reach), so the panel page is opened as an extension page in a
 * tab (`panel.html?tab=<id>`), as the popup tests open the popup; it follows the other tabs of
 * its window as it does beside them. One set of cases per browser.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  ARTIFACTS,
  BROWSER_NAMES,
  BackstoryBrowser,
  useFixtureServer,
  expectedMentions,
  type ExpectedMention,
  ROOT,
  hoverMention,
  sleep,
  waitForCard,
  ClosedShadow,
  type PageDriver,
} from "./harness.ts";

const server = useFixtureServer();

/**
 * How long the panel may take to show what a page holds after a tab switch or a change: a round
 * trip to that page's content script, which in a tab just brought to the front may be busy
 * finishing its first scan. Vitest's default of one second fell short once in Firefox under the
 * full suite's load on two cores (the panel showed the new tab's names later).
 */
const PANEL_FOLLOWS = { timeout: 5000 };

type Expected = ExpectedMention[];

/** Mentions per entity, as the hand-labelled expected file has them. */
function countsOf(expected: Expected): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { entity } of expected) counts[entity] = (counts[entity] ?? 0) + 1;
  return counts;
}

type DatasetFile = { facts: { id: string; about: string[] }[] };
const datasetFacts = async () => (JSON.parse(await readFile(path.join(ROOT, "assets/datasets/istanbul-talks-2025.json"), "utf8")) as DatasetFile).facts;

/** What the panel lists: entity ids with their counts. */
const listedEntities = (panel: PageDriver) =>
  panel.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>("#entities button[data-entity]")].map((b) => [b.dataset.entity!, Number(b.querySelector(".count")!.textContent)]),
    ),
  );

describe.each(BROWSER_NAMES)("%s", (browserName) => {
  let browser: BackstoryBrowser;

  beforeAll(async () => {
    browser = await BackstoryBrowser.launch(browserName);
    await browser.evaluateInExtension(() => chrome.storage.sync.set({ settings: {} }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openPanel(page: PageDriver, lang: "ar" | "en" = "en"): Promise<PageDriver> {
    const tabId = await browser.tabIdOf(page);
    return browser.driver.openExtensionPage(`panel.html?${new URLSearchParams({ tab: String(tabId), lang })}`);
  }

  test.each(["seed-article.ar.html", "istanbul-talks.en.html", "hard-cases.ar.html"])(
    "on %s the panel lists exactly the page's entities with their mention counts, and every fact about them",
    async (file) => {
      const news = await browser.open(server.url(file));
      const panel = await openPanel(news);
      await panel.waitForSelector("#entities button[data-entity]");
      const expected = await expectedMentions(file);
      await expect.poll(() => listedEntities(panel), PANEL_FOLLOWS).toEqual(countsOf(expected));
      const ids = new Set(expected.map((m) => m.entity));
      const facts = (await datasetFacts()).filter((f) => f.about.some((id) => ids.has(id))).map((f) => f.id);
      await panel.waitForSelector(".claimant-group");
      const listed = await panel.evaluate(() => [...document.querySelectorAll(".claimant-group .claim")].map((c) => c.getAttribute("data-fact")));
      expect([...listed].sort()).toEqual([...facts].sort());
      await panel.close();
      await news.close();
    },
  );

  test.each(["en", "ar"] as const)("in %s, claims are grouped by claimant and the two disputes sit side by side", async (lang) => {
    const news = await browser.open(server.url("seed-article.ar.html"));
    const panel = await openPanel(news, lang);
    await panel.waitForSelector(".dispute .side");
    const groups = await panel.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll<HTMLElement>(".claimant-group")].map((g) => [g.dataset.group!, [...g.querySelectorAll(".claim")].map((c) => c.getAttribute("data-fact"))])),
    );
    // Written from the dataset: Tammy Bruce's two quotes are one group; the joint statements of
    // Moscow and Washington another; the article's own lines a group of their own.
    expect(groups['claimants:["tammy-bruce"]']).toEqual(["bruce-talks-only-about-embassies", "bruce-normalisation-requires-peace"]);
    expect(groups['claimants:["Moscow and Washington"]']).toEqual([
      "moscow-washington-accreditation-difficulties",
      "talks-focus-restoring-missions",
      "years-of-disputes-complicated-relations",
    ]);
    expect(groups["outlet:istanbul-talks-2025-04-10"]).toContain("killenworth-on-long-island");
    const headings = await panel.evaluate(() => [...document.querySelectorAll(".claimant-group h3")].map((h) => h.textContent));
    expect(headings).toContain(lang === "en" ? "Tammy Bruce (2)" : "تامي بروس (2)");

    const disputes = await panel.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>(".dispute")].map((d) => ({
        id: d.dataset.dispute,
        label: d.querySelector("h3")!.textContent,
        sides: [...d.querySelectorAll<HTMLElement>(".side")].map((s) => {
          const r = s.getBoundingClientRect();
          return { fact: s.querySelector(".claim")!.getAttribute("data-fact"), top: Math.round(r.top), left: Math.round(r.left), attribution: s.querySelector(".attribution")!.textContent };
        }),
      })),
    );
    expect(disputes.map((d) => [d.id, d.sides.map((s) => s.fact)]), JSON.stringify(disputes)).toEqual([
      ["how-far-normalisation-goes", ["darchiev-progress-normalising-missions", "bruce-talks-only-about-embassies"]],
      ["whose-diplomats-are-restricted", ["russia-western-restrictions-diplomat-salaries", "us-diplomats-movement-restricted-in-russia"]],
    ]);
    for (const { sides } of disputes) {
      // Side by side: one row, the first side at the start of the line (the right in Arabic).
      expect(sides[0]!.top).toBe(sides[1]!.top);
      expect(lang === "en" ? sides[0]!.left < sides[1]!.left : sides[0]!.left > sides[1]!.left).toBe(true);
    }
    expect(disputes[0]!.label).toBe(lang === "en" ? "How far the talks go towards normalisation" : "إلى أي حد تمضي المحادثات نحو التطبيع");
    expect(disputes[0]!.sides.map((s) => s.attribution)).toEqual(
      lang === "en" ? ["According to Alexander Darchiev, as reported by TASS", "In the words of Tammy Bruce"] : ["منسوب إلى: ألكسندر دارشيف، نقلاً عن تاس", "اقتباس مباشر من: تامي بروس"],
    );

    // axe-core: no violations; then a screenshot for the README.
    expect(await panel.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, lang === "ar" ? "rtl" : "ltr"]);
    await panel.runScript(await readFile(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8"));
    const violations = await panel.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    await panel.setViewport({ width: 400, height: 900 });
    await panel.evaluate(() => document.querySelector(".disputes")!.scrollIntoView({ block: "start" }));
    await panel.screenshot(path.join(ARTIFACTS, `side-panel-${lang}.${browserName}.png`));
    await panel.close();
    await news.close();
  });

  test("the keyboard reaches every control of the panel", async () => {
    const news = await browser.open(server.url("istanbul-talks.en.html"));
    const panel = await openPanel(news);
    await panel.waitForSelector(".claimant-group");
    const controls = await panel.evaluate(() => document.querySelectorAll("button:not([disabled]), a[href]").length);
    const reached = new Set<string>();
    await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < controls + 2; i++) {
      await panel.keyboard.press("Tab");
      const key = await panel.evaluate(() => {
        const el = document.activeElement;
        return el && el !== document.body ? `${el.tagName}#${[...document.querySelectorAll("*")].indexOf(el)}` : null;
      });
      if (key) reached.add(key);
    }
    expect(reached.size).toBeGreaterThanOrEqual(controls);
    await panel.close();
    await news.close();
  });

  test("choosing an entity opens its card on the page; choosing a claim opens the source viewer at its quote", async () => {
    const news = await browser.open(server.url("seed-article.ar.html"));
    const panel = await openPanel(news);
    await panel.waitForSelector("#entities button[data-entity='pioneer-point']");
    await panel.click("#entities button[data-entity='pioneer-point']");
    const card = await waitForCard(news);
    expect(card.label).toContain("بايونير بوينت");

    const viewer = await browser.waitForNewPage(() => panel.click(".claim[data-fact='pioneer-point-in-maryland'] .open-quote"));
    await viewer.waitForSelector("mark");
    expect(await viewer.url()).toContain("fact=pioneer-point-in-maryland");
    expect(await viewer.evaluate(() => document.querySelector("mark")!.textContent)).toBe("ومنزل بايونير بوينت في ماريلاند");
    await viewer.close();
    await panel.close();
    await news.close();
  });

  test("copy citation puts the exact citation on the clipboard", async () => {
    const news = await browser.open(server.url("seed-article.ar.html"));
    const panel = await openPanel(news);
    await panel.waitForSelector(".claimant-group .claim[data-fact='bruce-talks-only-about-embassies']");
    // Headless, the clipboard can be neither read back nor always written (Chromium leaves the
    // write waiting on a permission no one can grant): the text is taken at the Clipboard API.
    await panel.evaluate(() => {
      (window as unknown as { copied: string[] }).copied = [];
      navigator.clipboard.writeText = async (text: string) => {
        (window as unknown as { copied: string[] }).copied.push(text);
      };
    });
    await panel.bringToFront();
    await panel.click(".claimant-group .claim[data-fact='bruce-talks-only-about-embassies'] .copy-citation");
    await panel.waitForFunction(() => (window as unknown as { copied: string[] }).copied.length > 0);
    expect(await panel.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([
      "In the words of Tammy Bruce: “هذه المحادثات تتعلق فقط بعمل سفاراتنا، وليست تطبيعًا عامًا للعلاقات الثنائية”\n" +
        "Agencies, “محادثات “بناءة” بين روسيا وأمريكا فى إسطنبول لتطبيع عمل البعثات” [““Constructive” talks between Russia and America in Istanbul to normalise the work of the missions”], 10 April 2025.",
    ]);
    await expect
      .poll(() => panel.evaluate(() => document.querySelector(".claimant-group .claim[data-fact='bruce-talks-only-about-embassies'] .copy-status")!.textContent))
      .toBe("Citation copied");
    await panel.close();
    await news.close();
  });

  test("the panel follows a tab switch, a single-page navigation, and says when the overlay is off for the site", async () => {
    const first = await browser.open(server.url("seed-article.ar.html"));
    const second = await browser.open(server.url("istanbul-talks.en.html"));
    const panel = await openPanel(first);
    await expect.poll(() => listedEntities(panel), PANEL_FOLLOWS).toEqual(countsOf(await expectedMentions("seed-article.ar.html")));

    await second.bringToFront();
    const secondId = await browser.tabIdOf(second);
    await expect.poll(() => panel.evaluate(() => document.querySelector("main")!.dataset.tab), PANEL_FOLLOWS).toBe(String(secondId));
    await expect.poll(() => listedEntities(panel), PANEL_FOLLOWS).toEqual(countsOf(await expectedMentions("istanbul-talks.en.html")));

    // A single-page navigation: a new URL and a new article, in the same document.
    await second.evaluate(() => {
      history.pushState({}, "", "/story-two");
      document.body.innerHTML = "<main><p>Sergei Lavrov met Marco Rubio. Lavrov spoke first.</p></main>";
    });
    await expect.poll(() => listedEntities(panel), PANEL_FOLLOWS).toEqual({ "sergei-lavrov": 2, "marco-rubio": 1 });
    await second.evaluate(() => {
      document.querySelector("main")!.insertAdjacentHTML("beforeend", "<p>Tammy Bruce answered.</p>");
    });
    await expect.poll(() => listedEntities(panel), PANEL_FOLLOWS).toEqual({ "sergei-lavrov": 2, "marco-rubio": 1, "tammy-bruce": 1 });

    // The page loses its names.
    await second.evaluate(() => {
      document.querySelector("main")!.innerHTML = "<p>Nothing of ours here.</p>";
    });
    await expect.poll(() => panel.evaluate(() => document.querySelector("#names-status")?.getAttribute("data-state")), PANEL_FOLLOWS).toBe("none");

    // Off for this site: the panel says so.
    await browser.setSettings({ siteMode: "all-except", sites: [new URL(server.origin).hostname] });
    await expect.poll(() => panel.evaluate(() => document.querySelector("#names-status")?.getAttribute("data-state")), PANEL_FOLLOWS).toBe("off-here");
    expect(await panel.evaluate(() => document.querySelector("#names-status")!.textContent)).toBe("Highlighting is off on this site.");
    await browser.evaluateInExtension(() => chrome.storage.sync.set({ settings: {} }));
    await panel.close();
    await second.close();
    await first.close();
  });

  test("'see the other side' on a card shows the dispute in the open panel", async () => {
    const news = await browser.open(server.url("seed-article.ar.html"));
    const panel = await openPanel(news);
    await panel.waitForSelector(".dispute");
    await news.bringToFront();
    await hoverMention(news, "تامي بروس");
    const shadow = (await ClosedShadow.find(news))!;
    try {
      const label = await shadow.evaluate<string>(`(root) => {
        const button = root.querySelector('.see-other-side[data-dispute="how-far-normalisation-goes"]');
        button.click();
        return button.closest('.disputed').textContent;
      }`);
      expect(label).toContain("إلى أي حد تمضي المحادثات نحو التطبيع");
    } finally {
      await shadow.dispose();
    }
    await expect
      .poll(() => panel.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.dispute ?? null), { timeout: 3000 })
      .toBe("how-far-normalisation-goes");
    await sleep(100);
    await panel.close();
    await news.close();
  });
});
