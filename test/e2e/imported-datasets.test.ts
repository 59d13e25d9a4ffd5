/**
 * Datasets a reader imports, in real Chromium with the built extension: importing a dataset file
 * through the settings page (a fictional test article, `test/fixtures/datasets/quillmere-test.json`,
 * and its page `test/e2e/pages/quillmere-test.html`), its names highlighted on open and new pages
 * beside the bundled dataset's, its cards and source viewer, the popup listing it, disabling and
 * removing it; every malformed file refused with its JSON paths and nothing stored; markup in a
 * dataset shown as text; imports surviving a browser restart and an update of the extension
 * (an older build's values upgraded by `runtime.onInstalled`), and corrupted stored entries skipped.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page, type Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { hostileDataset, malformedFiles, QUILLMERE_FILE, SCRIPT_PAYLOAD, tenMegabytesOfJunk } from "../fixtures/datasets/test-datasets.ts";
import { ExtensionBrowser, FixtureServer, highlightedTexts, hoverMention, readCard, ROOT, waitForCard, waitForScan } from "./harness.ts";

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

/** Everything in the extension's `storage.local`. */
function localStorage(worker: Worker = browser.worker): Promise<Record<string, unknown>> {
  return worker.evaluate(() => (chrome.storage.local.get as unknown as (keys: null) => Promise<Record<string, unknown>>)(null));
}

async function clearImports(): Promise<void> {
  await browser.worker.evaluate(async () => {
    const all = await (chrome.storage.local.get as unknown as (keys: null) => Promise<Record<string, unknown>>)(null);
    await (chrome.storage.local as unknown as { remove(keys: string[]): Promise<void> }).remove(Object.keys(all));
    await chrome.storage.sync.set({ settings: {} });
  });
}

async function openOptions(lang: "en" | "ar" = "en"): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html?lang=${lang}`);
  await page.locator('#datasets li[data-bundled="true"]').waitFor();
  return page;
}

/** Imports a file through the settings page's file field and waits for the outcome. */
async function importThrough(options: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<string> {
  await options.locator("#import-file").setInputFiles(file);
  const result = options.locator("#import-result");
  await expect.poll(() => result.getAttribute("data-state"), { timeout: 10_000 }).toMatch(/^(imported|refused|confirm|failed)$/);
  return (await result.getAttribute("data-state")) ?? "";
}

/** Waits until the page's highlighted texts are `expected` (the content script rebuilds on a change). */
async function expectHighlights(page: Page, expected: string[], timeout = 5000): Promise<void> {
  await expect.poll(() => highlightedTexts(page), { timeout }).toEqual(expected);
}

/** Moves the pointer off any mention and waits for an open card to close. */
async function closeCard(page: Page): Promise<void> {
  await page.mouse.move(5, 5);
  await expect.poll(() => readCard(page), { timeout: 3000 }).toBeNull();
}

describe("importing a dataset through the settings page", () => {
  test("the bundled dataset is listed without a remove control, and says why", async () => {
    await clearImports();
    const options = await openOptions();
    const bundled = options.locator('#datasets li[data-bundled="true"]');
    expect(await bundled.getAttribute("data-dataset")).toBe("istanbul-talks-2025");
    expect(await bundled.locator("button, input").count()).toBe(0);
    expect(await bundled.locator(".dataset-bundled").innerText()).toBe("Comes with Backstory; it cannot be removed.");
    await options.close();
  });

  test("a valid dataset is stored and its names are highlighted on an open page and a new one; its card opens with its facts; the popup lists it", async () => {
    await clearImports();
    const before = await browser.open(server.url(PAGE));
    expect(await highlightedTexts(before)).toEqual(BUNDLED_ONLY);

    const options = await openOptions();
    expect(await importThrough(options, QUILLMERE_FILE)).toBe("imported");
    expect(await options.locator("#import-done p").first().innerText()).toBe(
      `Imported “${QUILLMERE_NAME}”, version 1.0.0: 6 names and 4 facts. Its names are now highlighted.`,
    );
    // "Washington" is also the bundled dataset's, which keeps it.
    expect(await options.locator("#import-contested li").allInnerTexts()).toEqual(["“Washington” stays with “Washington, D.C.” $.entities[5].aliases[0]"]);
    const listed = options.locator('#datasets li[data-dataset="quillmere-test"]');
    expect(await listed.locator(".dataset-name").innerText()).toBe(`${QUILLMERE_NAME}, version 1.0.0`);
    expect(Object.keys(await localStorage()).sort()).toEqual([
      expect.stringMatching(/^dataset\/quillmere-test\/[a-z0-9]+$/),
      "importedDatasets",
      expect.stringMatching(/^table\/quillmere-test\/[a-z0-9]+$/),
    ]);

    // The page that was already open picks the dataset up without a reload.
    await expectHighlights(before, WITH_IMPORT);
    expect(await before.evaluate(() => performance.getEntriesByType("navigation").length)).toBe(1);
    const fresh = await browser.open(server.url(PAGE));
    expect(await highlightedTexts(fresh)).toEqual(WITH_IMPORT);

    await hoverMention(fresh, "Varnhagen");
    const card = await waitForCard(fresh);
    expect(card.label).toBe("Ilse Varnhagen");
    expect(card.fullText).toContain("Ilse Varnhagen called the delay a pause, not a change of course.");
    expect(card.fullText).toContain("According to Ilse Varnhagen");
    expect(card.fullText).toContain("said the delay was “a pause, not a change of course”");
    expect(card.fullText).toContain(`From the dataset “${QUILLMERE_NAME}”, version 1.0.0`);
    await closeCard(fresh);
    // The contested name still opens the bundled dataset's card.
    await hoverMention(fresh, "Washington");
    expect((await waitForCard(fresh)).label).toBe("Washington, D.C.");
    await closeCard(fresh);

    const popup = await browser.openPopup(fresh, { lang: "en" });
    await popup.locator('.dataset-entry[data-dataset="quillmere-test"]').waitFor();
    expect(await popup.locator(".dataset-entry").evaluateAll((entries) => entries.map((e) => e.getAttribute("data-dataset")))).toEqual([
      "istanbul-talks-2025",
      "quillmere-test",
    ]);
    await popup.locator("button[data-entity='ilse-varnhagen']").waitFor();
    const sourceLink = await popup.locator('.dataset-entry[data-dataset="quillmere-test"] a.open-source').getAttribute("href");
    // Choosing an imported name in the popup reveals it and opens its card.
    await popup.locator("button[data-entity='hollin-reservoir'][data-dataset='quillmere-test']").click();
    expect((await waitForCard(fresh)).label).toBe("Hollin Reservoir");
    await popup.close();

    // The source viewer reads the imported dataset from storage.
    const viewer = await browser.context.newPage();
    await viewer.goto(`${sourceLink}&fact=varnhagen-pause`);
    await viewer.locator("mark#quote").waitFor();
    expect(await viewer.locator("mark#quote").innerText()).toBe("said the delay was “a pause, not a change of course”");
    expect(await viewer.locator("h1").innerText()).toBe("TEST ARTICLE (fictional): Water Board delays Hollin Reservoir sale");
    await viewer.close();

    await Promise.all([options.close(), before.close(), fresh.close()]);
  });

  test("disabling takes its highlights off open pages; enabling brings them back; removing deletes it", async () => {
    const page = await browser.open(server.url(PAGE));
    expect(await highlightedTexts(page)).toEqual(WITH_IMPORT);
    const options = await openOptions();
    const toggle = options.locator("#dataset-enabled-quillmere-test");
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await expectHighlights(page, BUNDLED_ONLY);
    await expect.poll(() => toggle.isChecked()).toBe(false);
    const popup = await browser.openPopup(page, { lang: "en" });
    await popup.locator('.dataset-entry[data-dataset="istanbul-talks-2025"]').waitFor();
    expect(await popup.locator('.dataset-entry[data-dataset="quillmere-test"]').count()).toBe(0);
    await popup.close();

    await toggle.click();
    await expectHighlights(page, WITH_IMPORT);

    const item = options.locator('#datasets li[data-dataset="quillmere-test"]');
    await item.locator("button.remove-dataset").click();
    await item.locator("button.confirm-remove").click();
    await expect.poll(() => item.count()).toBe(0);
    await expectHighlights(page, BUNDLED_ONLY);
    expect(Object.keys(await localStorage())).toEqual(["importedDatasets"]);
    await Promise.all([options.close(), page.close()]);
  });
});

describe("malformed files", () => {
  test("each is refused with its problems and their JSON paths, and nothing is stored", async () => {
    await clearImports();
    const options = await openOptions();
    const files = [...malformedFiles("istanbul-talks-2025"), tenMegabytesOfJunk()];
    for (const malformed of files) {
      const state = await importThrough(options, { name: malformed.file, mimeType: "application/json", buffer: Buffer.from(malformed.content) });
      expect(state, malformed.name).toBe("refused");
      const problems = await options.locator("#import-problems li.problem").evaluateAll((items) =>
        items.map((li) => ({ code: li.getAttribute("data-code"), path: li.querySelector(".problem-path")?.textContent, text: li.querySelector(".problem-text")?.textContent })),
      );
      for (const expected of malformed.problems) {
        expect(problems, malformed.name).toContainEqual(expect.objectContaining({ code: expected.code, path: expected.path }));
      }
      expect(await options.locator(".problems-summary").innerText()).toContain(`“${malformed.file}” was not imported, and nothing was saved.`);
      expect(await localStorage(), malformed.name).toEqual({});
    }
    expect(await options.locator('#datasets li[data-dataset]').count()).toBe(1);
    await options.close();
  });

  test("in Arabic, the problems are listed in Arabic with the JSON paths as they are", async () => {
    const options = await openOptions("ar");
    const malformed = malformedFiles("istanbul-talks-2025").find((f) => f.file === "quote-not-in-source.json")!;
    await importThrough(options, { name: malformed.file, mimeType: "application/json", buffer: Buffer.from(malformed.content) });
    const problem = options.locator("#import-problems li.problem").first();
    expect(await problem.locator(".problem-path").innerText()).toBe("$.facts[1].quote");
    expect(await problem.locator(".problem-text").innerText()).toBe("الاقتباس غير موجود حرفياً في نص مصدره.");
    expect(await localStorage()).toEqual({});
    await options.close();
  });
});

describe("markup in a dataset", () => {
  test("a <script> in a fact's text and an <img onerror> in a name show as text in the card, the popup and the settings page, and run nothing", async () => {
    await clearImports();
    const options = await openOptions();
    const hostile = hostileDataset();
    const state = await importThrough(options, { name: "hostile.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(hostile)) });
    expect(state).toBe("imported");
    const listedName = options.locator('#datasets li[data-dataset="quillmere-hostile-test"] .dataset-name');
    expect(await listedName.innerText()).toBe(`${hostile.name.en}, version 1.0.0`);
    expect(await options.locator("#datasets img, #datasets script").count()).toBe(0);

    const page = await browser.open(server.url(PAGE));
    await hoverMention(page, "Varnhagen");
    const card = await waitForCard(page);
    expect(card.label).toBe(`Ilse Varnhagen ${SCRIPT_PAYLOAD}`);
    expect(card.fullText).toContain(`Fact ${SCRIPT_PAYLOAD}`);
    expect(card.fullText).toContain(hostile.facts!.find((f) => f.id === "varnhagen-pause")!.quote);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as { __backstoryPwned?: unknown }).__backstoryPwned ?? null)).toBeNull();

    const popup = await browser.openPopup(page, { lang: "en" });
    const entry = popup.locator('.dataset-entry[data-dataset="quillmere-hostile-test"] .dataset-name');
    await entry.waitFor();
    expect(await entry.innerText()).toBe(`${hostile.name.en}, version 1.0.0`);
    expect(await popup.locator("button[data-entity='ilse-varnhagen'] .entity-name").innerText()).toBe(`Ilse Varnhagen ${SCRIPT_PAYLOAD}`);
    expect(await popup.locator("main script, main img:not([src^='icons/'])").count()).toBe(0);
    expect(await popup.evaluate(() => (window as { __backstoryPwned?: unknown }).__backstoryPwned ?? null)).toBeNull();
    await Promise.all([popup.close(), page.close(), options.close()]);
  });
});

describe("storage", () => {
  test("imported datasets and their switches survive a browser restart", async () => {
    const profile = await mkdtemp(path.join(tmpdir(), "backstory-imports-"));
    try {
      let persistent = await ExtensionBrowser.launch({ profile });
      let options = await persistent.context.newPage();
      await options.goto(`chrome-extension://${persistent.extensionId}/options.html?lang=en`);
      await options.locator('#datasets li[data-bundled="true"]').waitFor();
      expect(await importThrough(options, QUILLMERE_FILE)).toBe("imported");
      const second = hostileDataset();
      second.id = "second-import-test";
      expect(await importThrough(options, { name: "second.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(second)) })).toBe("imported");
      await options.locator("#dataset-enabled-second-import-test").click();
      await expect.poll(() => options.locator("#dataset-enabled-second-import-test").isChecked()).toBe(false);
      await persistent.close();

      persistent = await ExtensionBrowser.launch({ profile });
      const page = await persistent.open(server.url(PAGE));
      expect(await highlightedTexts(page)).toEqual(WITH_IMPORT);
      options = await persistent.context.newPage();
      await options.goto(`chrome-extension://${persistent.extensionId}/options.html?lang=en`);
      await options.locator('#datasets li[data-dataset="second-import-test"]').waitFor();
      expect(await options.locator("#datasets li[data-dataset]").evaluateAll((items) => items.map((li) => li.getAttribute("data-dataset")))).toEqual([
        "istanbul-talks-2025",
        "quillmere-test",
        "second-import-test",
      ]);
      expect(await options.locator("#dataset-enabled-quillmere-test").isChecked()).toBe(true);
      expect(await options.locator("#dataset-enabled-second-import-test").isChecked()).toBe(false);
      await persistent.close();
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });

  test("a corrupted stored table or dataset is skipped: pages keep the bundled names, and the settings page shows it as unreadable", async () => {
    await clearImports();
    const options = await openOptions();
    expect(await importThrough(options, QUILLMERE_FILE)).toBe("imported");
    const keys = await browser.worker.evaluate(async () => {
      const { importedDatasets } = (await chrome.storage.local.get("importedDatasets")) as { importedDatasets: { datasets: { tableKey: string; datasetKey: string }[] } };
      return importedDatasets.datasets[0]!;
    });
    await browser.worker.evaluate((key) => chrome.storage.local.set({ [key]: { format: 1, builtBy: "0.1.0", table: { format: 1, entities: [], patterns: [["varnhagen", 7, 0]] } } }), keys.tableKey);
    const page = await browser.open(server.url(PAGE));
    expect(await highlightedTexts(page)).toEqual(BUNDLED_ONLY);

    // A corrupted dataset entry (under a revision the background has not read yet: a revision, once read, is trusted not to change).
    await browser.worker.evaluate(async () => {
      const { importedDatasets } = (await chrome.storage.local.get("importedDatasets")) as { importedDatasets: { datasets: Record<string, unknown>[] } };
      await chrome.storage.local.set({ "dataset/quillmere-test/corrupted": "{corrupted" });
      const datasets = importedDatasets.datasets.map((entry) => ({ ...entry, datasetKey: "dataset/quillmere-test/corrupted" }));
      await chrome.storage.local.set({ importedDatasets: { format: 1, datasets } });
    });
    await options.reload();
    const broken = options.locator('#datasets li[data-dataset="quillmere-test"]');
    await broken.locator(".dataset-unreadable").waitFor();
    expect(await broken.locator(".dataset-unreadable").innerText()).toContain("An imported dataset (“quillmere-test”) cannot be read, so it is not used.");
    await broken.locator("button.remove-dataset").click();
    await broken.locator("button.confirm-remove").click();
    await expect.poll(() => broken.count()).toBe(0);
    // (The revision the test unhooked behind the store's back stays until an update sweeps it.)
    expect(Object.keys(await localStorage()).filter((key) => key !== keys.datasetKey)).toEqual(["importedDatasets"]);
    // The page is still working with the bundled dataset.
    await hoverMention(page, "Washington");
    expect((await waitForCard(page)).label).toBe("Washington, D.C.");
    await Promise.all([options.close(), page.close()]);
  });

  test("settings and imported datasets come through an update of the extension; what the older version stored is upgraded", async () => {
    // An "older version": the same build with a lower version number, in a folder of its own;
    // relaunching on the same profile with the current manifest updates it. (An extension loaded
    // from the command line cannot be reloaded in place, so the update happens across a relaunch,
    // and Chromium reports it to runtime.onInstalled as reason "install", not "update": the
    // upgrade runs on every onInstalled, see on-installed.ts.)
    const folder = await mkdtemp(path.join(tmpdir(), "backstory-update-"));
    const extension = path.join(folder, "extension");
    const profile = path.join(folder, "profile");
    const manifestFile = path.join(extension, "manifest.json");
    await cp(path.join(ROOT, "dist/chrome"), extension, { recursive: true });
    const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as { version: string };
    await writeFile(manifestFile, JSON.stringify({ ...manifest, version: "0.0.1" }));
    const launch = async (): Promise<{ context: BrowserContext; worker: Worker; id: string }> => {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        headless: true,
        args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, "--disable-gpu", "--lang=en-US"],
        locale: "en-US",
      });
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 20_000 }));
      return { context, worker, id: new URL(worker.url()).host };
    };
    let older: Awaited<ReturnType<typeof launch>> | null = null;
    let current: Awaited<ReturnType<typeof launch>> | null = null;
    try {
      older = await launch();
      const options = await older.context.newPage();
      await options.goto(`chrome-extension://${older.id}/options.html?lang=en`);
      await options.locator('#datasets li[data-bundled="true"]').waitFor();
      expect(await importThrough(options, QUILLMERE_FILE)).toBe("imported");
      // What the older version leaves behind: a table its compiler built (made stale here, so
      // the difference shows on the page) and settings without the version marker, with a field
      // the current schema does not know.
      await older.worker.evaluate(async () => {
        const { importedDatasets } = (await chrome.storage.local.get("importedDatasets")) as { importedDatasets: { datasets: { tableKey: string }[] } };
        const key = importedDatasets.datasets[0]!.tableKey;
        const stored = (await chrome.storage.local.get(key))[key] as { builtBy: string; table: object };
        await chrome.storage.local.set({ [key]: { ...stored, table: { ...stored.table, patterns: [] } } });
        await chrome.storage.sync.set({ settings: { hoverDelayMs: 900, cardLanguage: "en", legacyField: true } });
      });
      expect(Object.values(await localStorage(older.worker)).some((v) => (v as { builtBy?: string }).builtBy === "0.0.1")).toBe(true);
      const stale = await older.context.newPage();
      await stale.goto(server.url(PAGE));
      await waitForScan(stale);
      expect(await highlightedTexts(stale)).toEqual(BUNDLED_ONLY);
      await older.context.close();
      older = null;

      await writeFile(manifestFile, JSON.stringify(manifest));
      current = await launch();
      const worker = current.worker;
      const tableBuilders = async () => {
        const stored = await localStorage(worker);
        return Object.entries(stored)
          .filter(([key]) => key.startsWith("table/"))
          .map(([, value]) => (value as { builtBy?: string }).builtBy);
      };
      await expect.poll(tableBuilders, { timeout: 10_000 }).toEqual([manifest.version]);
      expect(await worker.evaluate(async () => (await chrome.storage.sync.get("settings")).settings)).toEqual(
        expect.objectContaining({ enabled: true, hoverDelayMs: 900, cardLanguage: "en", version: 1 }),
      );
      expect(await worker.evaluate(async () => (await chrome.storage.sync.get("settings")).settings)).not.toHaveProperty("legacyField");
      const page = await current.context.newPage();
      await page.goto(server.url(PAGE));
      await waitForScan(page);
      expect(await highlightedTexts(page)).toEqual(WITH_IMPORT);
    } finally {
      await older?.context.close();
      await current?.context.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
