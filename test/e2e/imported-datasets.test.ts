/**
 * Datasets a reader imports, in real Chromium and Firefox with the built extension: importing a
 * dataset file through the settings page (a fictional test article,
 * `test/fixtures/datasets/quillmere-test.json`, and its page `test/e2e/pages/quillmere-test.html`),
 * its names highlighted on open and new pages beside the bundled dataset's, its cards and source
 * viewer, the popup listing it, disabling and removing it; every malformed file refused with its
 * JSON paths and nothing stored; markup in a dataset shown as text; imports surviving a browser
 * restart and an update of the extension (an older build's values upgraded by
 * `runtime.onInstalled`), and corrupted stored entries skipped. One set of cases, run once per
 * browser (the browser's name leads each test's name); the file field is driven through the
 * driver's `chooseFile`, as a reader picks a file in the dialog.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { hostileDataset, malformedFiles, QUILLMERE_FILE, SCRIPT_PAYLOAD, tenMegabytesOfJunk } from "../fixtures/datasets/test-datasets.ts";
import { AUTOMATON_CACHE_KEY } from "../../src/extension/automaton-cache.ts";
import {
  BROWSER_NAMES,
  BackstoryBrowser,
  EXTENSION_BUILDS,
  useFixtureServer,
  highlightedTexts,
  hoverMention,
  isChecked,
  leaveCard,
  MENTION_HIGHLIGHT,
  sleep,
  waitForCard,
  type PageDriver,
} from "./harness.ts";

const server = useFixtureServer();
/** The cases that launch a browser twice more: a Firefox start takes up to 20 s on a loaded machine. */
const RELAUNCH_TIMEOUT = 180_000;
/** Where the files a test makes on the fly are written, to be chosen in the file field. */
let files: string;

beforeAll(async () => {
  files = await mkdtemp(path.join(tmpdir(), "backstory-import-files-"));
});
afterAll(async () => {
  await rm(files, { recursive: true, force: true });
});

const PAGE = "quillmere-test.html";
const QUILLMERE_NAME = "TEST DATA — Quillmere water hearing (fictional)";
/**
 * What the bundled dataset alone marks on the test page: "Washington" once — the other is inside
 * "Washington State", which the bundled lexicon lists as not ours (the imported dataset claims it).
 */
const BUNDLED_ONLY = ["Washington"];
/** What the bundled and the imported dataset mark on it together, in page order. */
const WITH_IMPORT = [
  "Water Board",
  "Hollin Reservoir",
  "QUILLMERE",
  "Quillmere Water Board",
  "Hollin Reservoir",
  "Ilse Varnhagen",
  "Varnhagen",
  "Washington State",
  "Quillmere",
  "Quillmere Anglers' Society",
  "Washington",
];

/** The rendered text of the first element matching `selector`; null when there is none. */
const textOf = (page: PageDriver, selector: string) => page.evaluate((s) => document.querySelector<HTMLElement>(s)?.innerText ?? null, selector);
/** The rendered texts of every element matching `selector`. */
const textsOf = (page: PageDriver, selector: string) => page.evaluate((s) => [...document.querySelectorAll<HTMLElement>(s)].map((e) => e.innerText), selector);
/** An attribute of every element matching `selector`, in document order. */
const attributesOf = (page: PageDriver, selector: string, name: string) =>
  page.evaluate(({ selector, name }) => [...document.querySelectorAll(selector)].map((e) => e.getAttribute(name)), { selector, name });
const countOf = (page: PageDriver, selector: string) => page.evaluate((s) => document.querySelectorAll(s).length, selector);

/** Everything in the extension's `storage.local`. */
/**
 * What `storage.local` holds besides the bundled dictionary's automaton, which pages keep there
 * for the next page (src/extension/automaton-cache.ts): the imported datasets' entries.
 */
async function storedLocally(browser: BackstoryBrowser): Promise<Record<string, unknown>> {
  const all = await browser.evaluateInExtension(() => (chrome.storage.local.get as unknown as (keys: null) => Promise<Record<string, unknown>>)(null));
  return Object.fromEntries(Object.entries(all).filter(([key]) => key !== AUTOMATON_CACHE_KEY));
}

/** Opens the settings page and waits until it lists the datasets. */
async function openOptions(browser: BackstoryBrowser, lang: "en" | "ar" = "en"): Promise<PageDriver> {
  const page = await browser.driver.openExtensionPage(`options.html?lang=${lang}`);
  await page.waitForSelector('#datasets li[data-bundled="true"]', { timeout: 10_000 });
  return page;
}

/** Writes a file to choose (its name is the one the settings page reports). */
async function fileOf(name: string, content: string): Promise<string> {
  const file = path.join(files, name);
  await writeFile(file, content);
  return file;
}

/**
 * Chooses a file in the settings page's file field and waits for the outcome. The outcome
 * region is watched from before the choice, so an outcome the same as the last one (two
 * refusals in a row) is not mistaken for this one.
 */
async function importThrough(options: PageDriver, file: string): Promise<string> {
  await options.evaluate(() => {
    const watched = window as unknown as { __outcomeChanged?: boolean };
    watched.__outcomeChanged = false;
    new MutationObserver((_, observer) => {
      watched.__outcomeChanged = true;
      observer.disconnect();
    }).observe(document.querySelector("#import-result")!, { attributes: true, childList: true, subtree: true, characterData: true });
  });
  await options.chooseFile("#import-file", file);
  await options.waitForFunction(
    () =>
      (window as unknown as { __outcomeChanged?: boolean }).__outcomeChanged === true &&
      /^(imported|refused|confirm|failed)$/.test(document.querySelector("#import-result")?.getAttribute("data-state") ?? ""),
    undefined,
    { timeout: 15_000 },
  );
  return (await options.evaluate(() => document.querySelector("#import-result")!.getAttribute("data-state"))) ?? "";
}

/** Waits until the page's highlighted texts are `expected` (the content script rebuilds on a change). */
async function expectHighlights(page: PageDriver, expected: string[], timeout = 5000): Promise<void> {
  await expect.poll(() => highlightedTexts(page), { timeout }).toEqual(expected);
}

/**
 * Starts recording, in the page, how many ranges our mention highlight holds, every 2 ms (-1
 * while none is registered), for `stopSamplingHighlights` to read: whether the names ever
 * blinked out while the datasets changed.
 */
function startSamplingHighlights(page: PageDriver): Promise<unknown> {
  return page.evaluateExpression(`(() => {
    const samples = [];
    window.__highlightSamples = samples;
    window.__highlightSampler = setInterval(() => samples.push(CSS.highlights.get(${JSON.stringify(MENTION_HIGHLIGHT)})?.size ?? -1), 2);
  })()`);
}

function stopSamplingHighlights(page: PageDriver): Promise<number[]> {
  return page.evaluateExpression<number[]>(`(() => { clearInterval(window.__highlightSampler); return window.__highlightSamples; })()`);
}

/** Opens a page at the test article and waits for our scan. */
const openArticle = (browser: BackstoryBrowser) => browser.open(server.url(PAGE));

describe.each(BROWSER_NAMES)("%s", (browserName) => {
  let browser: BackstoryBrowser;

  beforeAll(async () => {
    browser = await BackstoryBrowser.launch(browserName);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function clearImports(): Promise<void> {
    await browser.evaluateInExtension(async () => {
      const all = await (chrome.storage.local.get as unknown as (keys: null) => Promise<Record<string, unknown>>)(null);
      await (chrome.storage.local as unknown as { remove(keys: string[]): Promise<void> }).remove(Object.keys(all));
      await chrome.storage.sync.set({ settings: {} });
    });
  }

  describe("importing a dataset through the settings page", () => {
    test("the bundled dataset is listed without a remove control, and says why", async () => {
      await clearImports();
      const options = await openOptions(browser);
      expect(await attributesOf(options, '#datasets li[data-bundled="true"]', "data-dataset")).toEqual(["istanbul-talks-2025"]);
      expect(await countOf(options, '#datasets li[data-bundled="true"] :is(button, input)')).toBe(0);
      expect(await textOf(options, '#datasets li[data-bundled="true"] .dataset-bundled')).toBe("Comes with Backstory; it cannot be removed.");
      await options.close();
    });

    test("a valid dataset is stored and its names are highlighted on an open page and a new one; its card opens with its facts; the popup lists it", async () => {
      await clearImports();
      const before = await openArticle(browser);
      expect(await highlightedTexts(before)).toEqual(BUNDLED_ONLY);

      const options = await openOptions(browser);
      expect(await importThrough(options, QUILLMERE_FILE)).toBe("imported");
      expect(await textOf(options, "#import-done p")).toBe(`Imported “${QUILLMERE_NAME}”, version 1.0.0: 6 names and 4 facts. Its names are now highlighted.`);
      // "Washington" is also the bundled dataset's, which keeps it.
      expect(await textsOf(options, "#import-contested li")).toEqual(["“Washington” stays with “Washington, D.C.” $.entities[5].aliases[0]"]);
      // The list is read again once the import is saved: wait for it to show the import.
      await options.waitForSelector('#datasets li[data-dataset="quillmere-test"] .dataset-name');
      expect(await textOf(options, '#datasets li[data-dataset="quillmere-test"] .dataset-name')).toBe(`${QUILLMERE_NAME}, version 1.0.0`);
      expect(Object.keys(await storedLocally(browser)).sort()).toEqual([
        expect.stringMatching(/^dataset\/quillmere-test\/[a-z0-9]+$/),
        "importedDatasets",
        expect.stringMatching(/^table\/quillmere-test\/[a-z0-9]+$/),
      ]);

      // The page that was already open picks the dataset up without a reload.
      await expectHighlights(before, WITH_IMPORT);
      expect(await before.evaluate(() => performance.getEntriesByType("navigation").length)).toBe(1);
      const fresh = await openArticle(browser);
      expect(await highlightedTexts(fresh)).toEqual(WITH_IMPORT);

      await hoverMention(fresh, "Varnhagen");
      const card = await waitForCard(fresh);
      expect(card.label).toBe("Ilse Varnhagen");
      expect(card.fullText).toContain("Ilse Varnhagen called the delay a pause, not a change of course.");
      expect(card.fullText).toContain("According to Ilse Varnhagen");
      expect(card.fullText).toContain("said the delay was “a pause, not a change of course”");
      expect(card.fullText).toContain(`From the dataset “${QUILLMERE_NAME}”, version 1.0.0`);
      await leaveCard(fresh);
      // The contested name still opens the bundled dataset's card.
      await hoverMention(fresh, "Washington");
      expect((await waitForCard(fresh)).label).toBe("Washington, D.C.");
      await leaveCard(fresh);

      const popup = await browser.openPopup(fresh, { lang: "en" });
      await popup.waitForSelector('.dataset-entry[data-dataset="quillmere-test"]');
      expect(await attributesOf(popup, ".dataset-entry", "data-dataset")).toEqual(["istanbul-talks-2025", "quillmere-test"]);
      await popup.waitForSelector("button[data-entity='ilse-varnhagen']");
      const sourceLink = await popup.evaluate(() => document.querySelector<HTMLAnchorElement>('.dataset-entry[data-dataset="quillmere-test"] a.open-source')!.href);
      // Choosing an imported name in the popup reveals it and opens its card.
      await popup.click("button[data-entity='hollin-reservoir'][data-dataset='quillmere-test']");
      expect((await waitForCard(fresh)).label).toBe("Hollin Reservoir");
      await popup.close();

      // The source viewer reads the imported dataset from storage.
      const viewer = await browser.newPage();
      await viewer.goto(`${sourceLink}&fact=varnhagen-pause`);
      await viewer.waitForSelector("mark#quote");
      expect(await textOf(viewer, "mark#quote")).toBe("said the delay was “a pause, not a change of course”");
      expect(await textOf(viewer, "h1")).toBe("TEST ARTICLE (fictional): Water Board delays Hollin Reservoir sale");
      await viewer.close();

      await Promise.all([options.close(), before.close(), fresh.close()]);
    });

    test("disabling takes its highlights off open pages; enabling brings them back; removing deletes it", async () => {
      const page = await openArticle(browser);
      expect(await highlightedTexts(page)).toEqual(WITH_IMPORT);
      const options = await openOptions(browser);
      const toggle = "#dataset-enabled-quillmere-test";
      expect(await isChecked(options, toggle)).toBe(true);
      await options.click(toggle);
      await expectHighlights(page, BUNDLED_ONLY);
      await expect.poll(() => isChecked(options, toggle)).toBe(false);
      const popup = await browser.openPopup(page, { lang: "en" });
      await popup.waitForSelector('.dataset-entry[data-dataset="istanbul-talks-2025"]');
      expect(await countOf(popup, '.dataset-entry[data-dataset="quillmere-test"]')).toBe(0);
      await popup.close();

      // Enabling it again: the bundled names stay drawn while the new matcher is built and the
      // page scanned again, until the new highlights replace them. The article is in front (a
      // background tab's timers are held back, and they sample), the switch clicked by script.
      await page.bringToFront();
      await startSamplingHighlights(page);
      await options.evaluate((s) => document.querySelector<HTMLInputElement>(s)!.click(), toggle);
      await expectHighlights(page, WITH_IMPORT);
      const samples = await stopSamplingHighlights(page);
      // The sampler saw the change itself: the bundled names' count first, the new count last.
      const seen = `ranges in our highlight, sampled every 2 ms (${samples.length} samples): ${[...new Set(samples)].join(", ")}`;
      expect(samples[0], seen).toBe(BUNDLED_ONLY.length);
      expect(samples.at(-1), seen).toBe(WITH_IMPORT.length);
      expect(Math.min(...samples), seen).toBeGreaterThan(0);
      await options.bringToFront();

      const item = '#datasets li[data-dataset="quillmere-test"]';
      await options.click(`${item} button.remove-dataset`);
      await options.click(`${item} button.confirm-remove`);
      await expect.poll(() => countOf(options, item)).toBe(0);
      await expectHighlights(page, BUNDLED_ONLY);
      expect(Object.keys(await storedLocally(browser))).toEqual(["importedDatasets"]);
      await Promise.all([options.close(), page.close()]);
    });
  });

  describe("malformed files", () => {
    test("each is refused with its problems and their JSON paths, and nothing is stored", async () => {
      await clearImports();
      const options = await openOptions(browser);
      for (const malformed of [...malformedFiles("istanbul-talks-2025"), tenMegabytesOfJunk()]) {
        const state = await importThrough(options, await fileOf(malformed.file, malformed.content));
        expect(state, malformed.name).toBe("refused");
        const problems = await options.evaluate(() =>
          [...document.querySelectorAll("#import-problems li.problem")].map((li) => ({
            code: li.getAttribute("data-code"),
            path: li.querySelector(".problem-path")?.textContent,
            text: li.querySelector(".problem-text")?.textContent,
          })),
        );
        for (const expected of malformed.problems) {
          expect(problems, malformed.name).toContainEqual(expect.objectContaining({ code: expected.code, path: expected.path }));
        }
        expect(await textOf(options, ".problems-summary")).toContain(`“${malformed.file}” was not imported, and nothing was saved.`);
        expect(await storedLocally(browser), malformed.name).toEqual({});
      }
      expect(await countOf(options, "#datasets li[data-dataset]")).toBe(1);
      await options.close();
    });

    test("in Arabic, the problems are listed in Arabic with the JSON paths as they are", async () => {
      const options = await openOptions(browser, "ar");
      const malformed = malformedFiles("istanbul-talks-2025").find((f) => f.file === "quote-not-in-source.json")!;
      await importThrough(options, await fileOf(malformed.file, malformed.content));
      expect(await textOf(options, "#import-problems li.problem .problem-path")).toBe("$.facts[1].quote");
      expect(await textOf(options, "#import-problems li.problem .problem-text")).toBe("الاقتباس غير موجود حرفياً في نص مصدره.");
      expect(await storedLocally(browser)).toEqual({});
      await options.close();
    });
  });

  describe("markup in a dataset", () => {
    test("a <script> in a fact's text and an <img onerror> in a name show as text in the card, the popup and the settings page, and run nothing", async () => {
      await clearImports();
      const options = await openOptions(browser);
      const hostile = hostileDataset();
      expect(await importThrough(options, await fileOf("hostile.json", JSON.stringify(hostile)))).toBe("imported");
      await options.waitForSelector('#datasets li[data-dataset="quillmere-hostile-test"] .dataset-name');
      expect(await textOf(options, '#datasets li[data-dataset="quillmere-hostile-test"] .dataset-name')).toBe(`${hostile.name.en}, version 1.0.0`);
      expect(await countOf(options, "#datasets img, #datasets script")).toBe(0);

      const page = await openArticle(browser);
      await hoverMention(page, "Varnhagen");
      const card = await waitForCard(page);
      expect(card.label).toBe(`Ilse Varnhagen ${SCRIPT_PAYLOAD}`);
      expect(card.fullText).toContain(`Fact ${SCRIPT_PAYLOAD}`);
      expect(card.fullText).toContain(hostile.facts!.find((f) => f.id === "varnhagen-pause")!.quote);
      // Long enough for an injected handler (an image's onerror) to have run.
      await sleep(300);
      expect(await page.evaluate(() => (window as { __backstoryPwned?: unknown }).__backstoryPwned ?? null)).toBeNull();

      const popup = await browser.openPopup(page, { lang: "en" });
      const entry = '.dataset-entry[data-dataset="quillmere-hostile-test"] .dataset-name';
      await popup.waitForSelector(entry);
      expect(await textOf(popup, entry)).toBe(`${hostile.name.en}, version 1.0.0`);
      expect(await textOf(popup, "button[data-entity='ilse-varnhagen'] .entity-name")).toBe(`Ilse Varnhagen ${SCRIPT_PAYLOAD}`);
      expect(await countOf(popup, "main script, main img:not([src^='icons/'])")).toBe(0);
      expect(await popup.evaluate(() => (window as { __backstoryPwned?: unknown }).__backstoryPwned ?? null)).toBeNull();
      await Promise.all([popup.close(), page.close(), options.close()]);
    });
  });

  describe("storage", () => {
    test("imported datasets and their switches survive a browser restart", async () => {
      const profile = await mkdtemp(path.join(tmpdir(), "backstory-imports-"));
      let persistent: BackstoryBrowser | null = null;
      try {
        persistent = await BackstoryBrowser.launch(browserName, { profile });
        let options = await openOptions(persistent);
        expect(await importThrough(options, QUILLMERE_FILE)).toBe("imported");
        const second = hostileDataset();
        second.id = "second-import-test";
        expect(await importThrough(options, await fileOf("second.json", JSON.stringify(second)))).toBe("imported");
        await options.click("#dataset-enabled-second-import-test");
        await expect.poll(() => isChecked(options, "#dataset-enabled-second-import-test")).toBe(false);
        await persistent.close();

        persistent = await BackstoryBrowser.launch(browserName, { profile });
        const page = await openArticle(persistent);
        expect(await highlightedTexts(page)).toEqual(WITH_IMPORT);
        options = await openOptions(persistent);
        await options.waitForSelector('#datasets li[data-dataset="second-import-test"]');
        expect(await attributesOf(options, "#datasets li[data-dataset]", "data-dataset")).toEqual(["istanbul-talks-2025", "quillmere-test", "second-import-test"]);
        expect(await isChecked(options, "#dataset-enabled-quillmere-test")).toBe(true);
        expect(await isChecked(options, "#dataset-enabled-second-import-test")).toBe(false);
      } finally {
        await persistent?.close();
        await rm(profile, { recursive: true, force: true });
      }
    }, RELAUNCH_TIMEOUT);

    test("pages keep the bundled dictionary's automaton for the next page; a damaged one is built again and replaced", async () => {
      await clearImports();
      const readKept = () =>
        browser.evaluateInExtension(async (key) => (await chrome.storage.local.get(key))[key] as { key: string; automaton: string } | undefined, AUTOMATON_CACHE_KEY);
      const first = await openArticle(browser);
      await expectHighlights(first, BUNDLED_ONLY);
      await expect.poll(readKept, { timeout: 5000 }).toBeDefined();
      const kept = (await readKept())!;
      expect(kept.automaton.length).toBeGreaterThan(100_000);
      await first.close();

      await browser.evaluateInExtension((entry) => chrome.storage.local.set({ matcherAutomaton: entry }), { key: kept.key, automaton: kept.automaton.slice(0, -40) });
      const second = await openArticle(browser);
      await expectHighlights(second, BUNDLED_ONLY);
      await expect.poll(readKept, { timeout: 5000 }).toEqual(kept);
      await second.close();
    });

    test("a corrupted stored table or dataset is skipped: pages keep the bundled names, and the settings page shows it as unreadable", async () => {
      await clearImports();
      let options = await openOptions(browser);
      expect(await importThrough(options, QUILLMERE_FILE)).toBe("imported");
      await options.close();
      const keys = await browser.evaluateInExtension(async () => {
        const { importedDatasets } = (await chrome.storage.local.get("importedDatasets")) as { importedDatasets: { datasets: { tableKey: string; datasetKey: string }[] } };
        return importedDatasets.datasets[0]!;
      });
      await browser.evaluateInExtension(
        (key) => chrome.storage.local.set({ [key]: { format: 1, builtBy: "0.1.0", table: { format: 1, entities: [], patterns: [["varnhagen", 7, 0]] } } }),
        keys.tableKey,
      );
      const page = await openArticle(browser);
      expect(await highlightedTexts(page)).toEqual(BUNDLED_ONLY);

      // A corrupted dataset entry (under a revision the background has not read yet: a revision, once read, is trusted not to change).
      await browser.evaluateInExtension(async () => {
        const { importedDatasets } = (await chrome.storage.local.get("importedDatasets")) as { importedDatasets: { datasets: Record<string, unknown>[] } };
        await chrome.storage.local.set({ "dataset/quillmere-test/corrupted": "{corrupted" });
        const datasets = importedDatasets.datasets.map((entry) => ({ ...entry, datasetKey: "dataset/quillmere-test/corrupted" }));
        await chrome.storage.local.set({ importedDatasets: { format: 1, datasets } });
      });
      options = await openOptions(browser);
      const broken = '#datasets li[data-dataset="quillmere-test"]';
      await options.waitForSelector(`${broken} .dataset-unreadable`);
      expect(await textOf(options, `${broken} .dataset-unreadable`)).toContain("An imported dataset (“quillmere-test”) cannot be read, so it is not used.");
      await options.click(`${broken} button.remove-dataset`);
      await options.click(`${broken} button.confirm-remove`);
      await expect.poll(() => countOf(options, broken)).toBe(0);
      // (The revision the test unhooked behind the store's back stays until an update sweeps it.)
      expect(Object.keys(await storedLocally(browser)).filter((key) => key !== keys.datasetKey)).toEqual(["importedDatasets"]);
      // The page is still working with the bundled dataset: the enabled datasets changed, so it
      // builds its matcher again and scans afresh (a second `backstory:scan`); then its
      // highlights are the bundled names.
      const scans = () => page.evaluate(() => performance.getEntriesByName("backstory:scan").length);
      await expect.poll(scans, { timeout: 10_000 }).toBe(2);
      expect(await highlightedTexts(page)).toEqual(BUNDLED_ONLY);
      await hoverMention(page, "Washington");
      expect((await waitForCard(page)).label).toBe("Washington, D.C.");
      await Promise.all([options.close(), page.close()]);
    });

    test("settings and imported datasets come through an update of the extension; what the older version stored is upgraded", async () => {
      // An "older version": the same build with a lower version number, in a folder of its own;
      // relaunching on the same profile with the current manifest updates it. (An extension
      // loaded from the command line, or a temporary add-on, is not updated in place, so the
      // update happens across a relaunch, and the browser reports it to runtime.onInstalled as
      // reason "install", not "update": the upgrade runs on every onInstalled, see on-installed.ts.)
      const folder = await mkdtemp(path.join(tmpdir(), "backstory-update-"));
      const extension = path.join(folder, "extension");
      const profile = path.join(folder, "profile");
      const manifestFile = path.join(extension, "manifest.json");
      await cp(EXTENSION_BUILDS[browserName], extension, { recursive: true });
      const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as { version: string };
      await writeFile(manifestFile, JSON.stringify({ ...manifest, version: "0.0.1" }));
      let running: BackstoryBrowser | null = null;
      try {
        running = await BackstoryBrowser.launch(browserName, { profile, extension });
        const older = running;
        const options = await openOptions(older);
        expect(await importThrough(options, QUILLMERE_FILE)).toBe("imported");
        // What the older version leaves behind: a table its compiler built (made stale here, so
        // the difference shows on the page) and settings without the version marker, with a
        // field the current schema does not know.
        await older.evaluateInExtension(async () => {
          const { importedDatasets } = (await chrome.storage.local.get("importedDatasets")) as { importedDatasets: { datasets: { tableKey: string }[] } };
          const key = importedDatasets.datasets[0]!.tableKey;
          const stored = (await chrome.storage.local.get(key))[key] as { builtBy: string; table: object };
          await chrome.storage.local.set({ [key]: { ...stored, table: { ...stored.table, patterns: [] } } });
          await chrome.storage.sync.set({ settings: { hoverDelayMs: 900, cardLanguage: "en", legacyField: true } });
        });
        expect(Object.values(await storedLocally(older)).some((v) => (v as { builtBy?: string }).builtBy === "0.0.1")).toBe(true);
        expect(await highlightedTexts(await openArticle(older))).toEqual(BUNDLED_ONLY);
        await older.close();
        running = null;

        await writeFile(manifestFile, JSON.stringify(manifest));
        running = await BackstoryBrowser.launch(browserName, { profile, extension });
        const current = running;
        const tableBuilders = async () =>
          Object.entries(await storedLocally(current))
            .filter(([key]) => key.startsWith("table/"))
            .map(([, value]) => (value as { builtBy?: string }).builtBy);
        await expect.poll(tableBuilders, { timeout: 10_000 }).toEqual([manifest.version]);
        const settings = await current.evaluateInExtension(async () => (await chrome.storage.sync.get("settings")).settings);
        expect(settings).toEqual(expect.objectContaining({ enabled: true, hoverDelayMs: 900, cardLanguage: "en", version: 1 }));
        expect(settings).not.toHaveProperty("legacyField");
        expect(await highlightedTexts(await openArticle(current))).toEqual(WITH_IMPORT);
      } finally {
        await running?.close();
        await rm(folder, { recursive: true, force: true });
      }
    }, RELAUNCH_TIMEOUT);
  });
});
