/**
 * Every card of the bundled dataset, opened in real Chromium and Firefox from a page that names
 * every entity (built from the dataset's own names, since no one article mentions them all):
 * each card shows all its entity's background statements and facts, and every statement on it
 * carries a claimant line or a source line — the promise that a reader can check the attribution
 * of everything a card says. Also writes the README's card screenshots, in Arabic and English.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Dataset } from "../../src/core/dataset-schema.ts";
import { BUNDLED_DATASET, readDatasetFile } from "../../scripts/lib/read-dataset-file.ts";
import { PageServer } from "../../scripts/lib/page-server.ts";
import { ARTIFACTS, BROWSER_NAMES, BackstoryBrowser, ClosedShadow, leaveCard, mentionCentre, sleep, waitForCardSettled, waitForScan, type PageDriver } from "./harness.ts";

let dataset: Dataset;
let folder: string;
let server: PageServer;

/** A page with one paragraph per entity (of the dataset, or `entities`), holding its name in `language`. */
function pageOf(language: "ar" | "en", entities = dataset.entities): string {
  const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const paragraphs = entities.map((e) => `<p>${escapeHtml(e.name[language])}</p>`).join("\n");
  return `<!doctype html><html lang="${language}" dir="${language === "ar" ? "rtl" : "ltr"}"><head><meta charset="utf-8"><title>Every entity</title></head><body>\n${paragraphs}\n</body></html>`;
}

beforeAll(async () => {
  const result = await readDatasetFile(BUNDLED_DATASET);
  if (!result.ok) throw new Error("the bundled dataset is invalid");
  dataset = result.dataset;
  await mkdir(ARTIFACTS, { recursive: true });
  folder = await mkdtemp(path.join(tmpdir(), "backstory-every-card-"));
  await writeFile(path.join(folder, "every-entity.ar.html"), pageOf("ar"));
  await writeFile(path.join(folder, "every-entity.en.html"), pageOf("en"));
  for (const language of ["ar", "en"] as const) {
    const us = dataset.entities.find((e) => e.id === "united-states")!;
    await writeFile(path.join(folder, `united-states.${language}.html`), pageOf(language, [us]));
  }
  server = new PageServer([folder]);
  await server.start();
});
afterAll(async () => {
  await server?.stop();
  await rm(folder, { recursive: true, force: true });
});

/** What the open card shows, counted, and each statement on it that has neither a claimant nor a source line. */
interface CardAudit {
  label: string;
  statements: number;
  facts: number;
  unsourced: string[];
}

async function auditCard(page: PageDriver): Promise<CardAudit | null> {
  const shadow = await ClosedShadow.find(page);
  if (shadow === null) return null;
  try {
    return await shadow.evaluate<CardAudit | null>(`(root) => {
      const dialog = root.querySelector('[role="dialog"]');
      if (!dialog) return null;
      const label = root.getElementById(dialog.getAttribute('aria-labelledby'))?.textContent ?? '';
      const line = (el, selector) => [...el.querySelectorAll(selector)].some((l) => l.textContent.trim() !== '');
      const unsourced = [];
      dialog.querySelectorAll('.statement').forEach((s) => { if (!line(s, '.citation')) unsourced.push('background: ' + s.textContent); });
      dialog.querySelectorAll('.fact').forEach((f) => { if (!line(f, ':scope > .claimant')) unsourced.push('fact: ' + f.textContent); });
      dialog.querySelectorAll('.editor-note').forEach((n) => { if (!line(n, '.citation')) unsourced.push('note: ' + n.textContent); });
      return { label, statements: dialog.querySelectorAll('.statement').length, facts: dialog.querySelectorAll('.fact').length, unsourced };
    }`);
  } finally {
    await shadow.dispose();
  }
}

/** Rests the pointer on the mention `name` and waits for that entity's card (not a previous one). */
async function openCardOf(page: PageDriver, name: string): Promise<CardAudit> {
  const { x, y } = await mentionCentre(page, name);
  await page.mouse.move(x - 3, y, { steps: 2 });
  await page.mouse.move(x, y, { steps: 2 });
  for (let tries = 0; tries < 100; tries++) {
    const audit = await auditCard(page);
    if (audit !== null && audit.label === name) return audit;
    await sleep(50);
  }
  throw new Error(`the card of "${name}" did not open`);
}

describe.each(BROWSER_NAMES)("%s", (browserName) => {
  let browser: BackstoryBrowser;
  beforeAll(async () => {
    browser = await BackstoryBrowser.launch(browserName);
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("every entity's card shows all its statements, each with a claimant line or a source line", { timeout: 240_000 }, async () => {
    const page = await browser.open(server.url("every-entity.ar.html"));
    await waitForScan(page);
    for (const entity of dataset.entities) {
      const audit = await openCardOf(page, entity.name.ar);
      expect(audit.unsourced, `card of ${entity.id}`).toEqual([]);
      expect(audit.statements, `background of ${entity.id}`).toBe(entity.background.length);
      expect(audit.facts, `facts of ${entity.id}`).toBe(dataset.facts.filter((f) => f.about.includes(entity.id)).length);
      await leaveCard(page);
    }
    await page.close();
  });

  test.each(["ar", "en"] as const)("screenshot: a card with a group of claimants, a via, sourced background and an editor's note (%s)", { timeout: 60_000 }, async (language) => {
    const page = await browser.newPage();
    // Tall enough for the whole card, so one picture shows every kind of line it has.
    await page.setViewport({ width: 460, height: 2400 });
    await page.goto(server.url(`united-states.${language}.html`));
    await waitForScan(page);
    const entity = dataset.entities.find((e) => e.id === "united-states")!;
    await openCardOf(page, entity.name[language]);
    await waitForCardSettled(page);
    const shadow = (await ClosedShadow.find(page))!;
    const shown = await shadow.evaluate<{ group: boolean; via: boolean; note: boolean; background: boolean; clipped: boolean }>(`(root) => {
      const card = root.querySelector('[role="dialog"]');
      // For the picture only: the card scrolls within 520 px; unrolled, one image shows all its lines.
      for (let el = card; el; el = el.parentElement) el.style.maxHeight = 'none';
      const lines = [...root.querySelectorAll('.fact > .claimant')].map((l) => l.textContent);
      return {
        group: lines.some((l) => l.includes(${JSON.stringify(language === "ar" ? "موسكو وواشنطن" : "Moscow and Washington")})),
        via: lines.some((l) => l.includes(${JSON.stringify(language === "ar" ? "نقلاً عن" : "as reported by")})),
        note: root.querySelector('.fact .editor-note .citation') !== null,
        background: root.querySelector('.statement .citation') !== null,
        clipped: card.scrollHeight > card.clientHeight,
      };
    }`);
    await shadow.dispose();
    expect(shown).toEqual({ group: true, via: true, note: true, background: true, clipped: false });
    await page.screenshot(path.join(ARTIFACTS, `card-attribution-${language}.${browserName}.png`));
    await page.close();
  });
});
