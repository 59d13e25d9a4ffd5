/**
 * Cards on touch screens, in real Chromium and Firefox with the built extension, each tab made
 * a 360 × 640 phone with touch input through the browser's own protocol (CDP touch events in
 * Chromium, a BiDi pointer of type "touch" in Firefox): a tap opens a card, moves it and closes
 * it; a drag opens nothing and still scrolls; a tap on a linked name follows the link, and a
 * long press opens its card instead; the bottom sheet's size and controls; axe on the sheet;
 * the page's body untouched. Also writes the README's phone screenshots.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  ARTIFACTS,
  BROWSER_NAMES,
  BackstoryBrowser,
  ClosedShadow,
  useFixtureServer,
  ROOT,
  bodyBeforeAndNow,
  captureBodyBeforeExtension,
  hasOverlayHost,
  mentionCentre,
  readCard,
  sleep,
  waitForCard,
  waitForCardSettled,
  waitForNoCard,
  waitForScan,
  type PageDriver,
} from "./harness.ts";

const PHONE = { width: 360, height: 640 } as const;
/** Longer than the hover dwell (350 ms) and the long press (500 ms): anything due has happened. */
const SETTLE_MS = 900;

const server = useFixtureServer();

/** What a test reads of the open sheet: its box, and every control's box and name. */
interface SheetLayout {
  sheet: boolean;
  rect: { left: number; right: number; top: number; bottom: number; width: number; height: number };
  scrollable: boolean;
  /** The layout viewport without a classic scrollbar (`width`), and with it (`outerWidth`). */
  viewport: { width: number; height: number; outerWidth: number };
  controls: { name: string; width: number; height: number }[];
}

/** The open card's layout, read in its closed shadow root (every source line opened first). */
async function sheetLayout(page: PageDriver): Promise<SheetLayout> {
  const shadow = await ClosedShadow.find(page);
  if (shadow === null) throw new Error("no card open");
  try {
    return await shadow.evaluate<SheetLayout>(`(root) => {
      const card = root.querySelector('.card');
      root.querySelectorAll('details').forEach((d) => { d.open = true; });
      const r = card.getBoundingClientRect();
      const controls = [...root.querySelectorAll('button, a[href], summary')]
        .filter((c) => c.getClientRects().length > 0)
        .map((c) => { const b = c.getBoundingClientRect(); return { name: (c.getAttribute('aria-label') || c.textContent).trim().slice(0, 40), width: b.width, height: b.height }; });
      return { sheet: card.hasAttribute('data-sheet'),
               rect: { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height },
               scrollable: getComputedStyle(card).overflowY === 'auto',
               viewport: { width: document.documentElement.clientWidth, height: innerHeight, outerWidth: innerWidth }, controls };
    }`);
  } finally {
    await shadow.dispose();
  }
}

describe.each(BROWSER_NAMES)("%s", (browserName) => {
  let browser: BackstoryBrowser;

  beforeAll(async () => {
    browser = await BackstoryBrowser.launch(browserName);
    await browser.setSettings({ hoverDelayMs: 350 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A new phone-sized tab at `name`, scanned; its body recorded before the extension ran. */
  async function openOnPhone(name: string): Promise<PageDriver> {
    const page = await browser.newPage();
    await page.emulatePhone(PHONE);
    await captureBodyBeforeExtension(page);
    await page.goto(server.url(name));
    await waitForScan(page);
    return page;
  }

  test("a tap opens a name's card at once, a tap on another name moves it, a tap outside closes it; the body is unchanged", async () => {
    const page = await openOnPhone("touch-article.html");
    const darchiev = await mentionCentre(page, "Alexander Darchiev");
    await page.touch.tap(darchiev.x, darchiev.y);
    expect((await waitForCard(page)).label).toBe("Alexander Darchiev");

    const bruce = await mentionCentre(page, "Tammy Bruce");
    await page.touch.tap(bruce.x, bruce.y);
    await waitForLabel(page, "Tammy Bruce");

    // The page's heading: no name there.
    const heading = await page.evaluate(() => {
      const r = document.querySelector("h1")!.getBoundingClientRect();
      return { x: r.left + 20, y: r.top + r.height / 2 };
    });
    await page.touch.tap(heading.x, heading.y);
    await waitForNoCard(page);
    // Escape closes a card a tap opened, as it closes one the pointer opened.
    await page.touch.tap(darchiev.x, darchiev.y);
    await waitForCard(page);
    await page.keyboard.press("Escape");
    await waitForNoCard(page);
    const { before, now } = await bodyBeforeAndNow(page);
    expect(now).toBe(before);
    await page.close();
  });

  test("a finger that moves 10 px opens nothing, and no touch or pointer event is held back from scrolling", async () => {
    const page = await openOnPhone("touch-article.html");
    // The page's own last word on every touch and pointer event: was its default prevented?
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __prevented: string[] }).__prevented = seen;
      for (const type of ["pointerdown", "pointermove", "pointerup", "touchstart", "touchmove", "touchend"]) {
        window.addEventListener(type, (event) => {
          if (event.defaultPrevented) seen.push(type);
        });
      }
    });
    const { x, y } = await mentionCentre(page, "Alexander Darchiev");
    // Sideways, where the page cannot scroll: the pointer events reach the page all the way.
    await page.touch.drag({ x, y }, { x: x + 10, y }, { steps: 4 });
    await sleep(SETTLE_MS);
    expect(await hasOverlayHost(page)).toBe(false);
    // A swipe up the page: a scroll where the browser scrolls for touch (Chromium's compositor
    // does for protocol touches; desktop Firefox does not pan for them).
    const scrolledBefore = await page.evaluate(() => scrollY);
    await page.touch.drag({ x, y: 500 }, { x, y: 380 }, { steps: 8 });
    if (browserName === "chromium") await page.waitForFunction((start) => scrollY > start, scrolledBefore, { timeout: 3000 });
    await sleep(SETTLE_MS);
    expect(await hasOverlayHost(page)).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { __prevented: string[] }).__prevented)).toEqual([]);
    await page.close();
  });

  test("a tap on a name inside a link follows the link, and opens no card", async (context) => {
    const page = await openOnPhone("touch-article.html");
    // Whether this browser's protocol touch makes the click a finger's tap makes: Firefox ESR
    // 140's BiDi touch actions give pointer and touch events but no click (153's do), so a
    // protocol tap cannot follow a link there, with or without the extension.
    const heading = await page.evaluate(() => {
      const h1 = document.querySelector("h1")!;
      h1.addEventListener("click", () => h1.setAttribute("data-clicked", ""), { once: true });
      const r = h1.getBoundingClientRect();
      return { x: r.left + 20, y: r.top + r.height / 2 };
    });
    await page.touch.tap(heading.x, heading.y);
    await sleep(300);
    const clicks = await page.evaluate(() => document.querySelector("h1")!.hasAttribute("data-clicked"));
    if (!clicks) {
      await page.close();
      context.skip(`${browser.driver.version}: a protocol tap makes no click here`);
    }
    const { x, y } = await mentionCentre(page, "Killenworth estate");
    await page.touch.tap(x, y);
    await page.waitForFunction(() => location.search === "?followed=killenworth", undefined, { timeout: 10_000 });
    await waitForScan(page);
    await sleep(SETTLE_MS);
    expect(await hasOverlayHost(page)).toBe(false);
    await page.close();
  });

  test("a long press on a name inside a link opens its card, and the page stays where it is", async () => {
    const page = await openOnPhone("touch-article.html");
    const url = await page.url();
    const { x, y } = await mentionCentre(page, "Killenworth estate");
    await page.touch.press(x, y, 800);
    expect((await waitForCard(page)).label).toBe("Killenworth");
    await sleep(SETTLE_MS);
    expect(await page.url()).toBe(url);
    expect(await readCard(page)).not.toBeNull();
    await page.close();
  });

  test("the mouse still hovers in a touch-enabled tab (a laptop with a touch screen)", async () => {
    const page = await openOnPhone("touch-article.html");
    const { x, y } = await mentionCentre(page, "Tammy Bruce");
    await page.mouse.move(x - 3, y, { steps: 2 });
    await page.mouse.move(x, y, { steps: 2 });
    expect((await waitForCard(page)).label).toBe("Tammy Bruce");
    await page.close();
  });

  test("at 360 × 640 the popup and the source viewer fit the screen, and axe finds no violations", async () => {
    const page = await openOnPhone("seed-article.ar.html");
    const popup = await browser.openPopup(page);
    await popup.emulatePhone(PHONE);
    await popup.waitForSelector("#entities button[data-entity]");
    expect(await overflowAcross(popup)).toEqual([]);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot(path.join(ARTIFACTS, `popup-phone.${browserName}.png`));
    await popup.close();

    // The source viewer, reached as a reader on a phone reaches it: a tap on a fact's source button.
    await page.bringToFront();
    const { x, y } = await mentionCentre(page, "كيلينورث");
    await page.touch.tap(x, y);
    await waitForCard(page);
    const shadow = (await ClosedShadow.find(page))!;
    const button = await shadow.evaluate<{ x: number; y: number }>(`(root) => {
      const details = root.querySelector('details');
      details.open = true;
      const b = details.querySelector('button');
      b.scrollIntoView({ block: 'center' });
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }`);
    await shadow.dispose();
    const viewer = await browser.waitForNewPage(() => page.touch.tap(button.x, button.y));
    await viewer.emulatePhone(PHONE);
    await viewer.waitForSelector("mark#quote");
    expect(await overflowAcross(viewer)).toEqual([]);
    expect(await axeViolations(viewer)).toEqual([]);
    await viewer.screenshot(path.join(ARTIFACTS, `source-viewer-phone.${browserName}.png`));
    await viewer.close();
    await page.close();
  });

  describe.each([
    ["ar", "seed-article.ar.html", "دارشيف"],
    ["en", "istanbul-talks.en.html", "Killenworth"],
  ])("at 360 × 640 (%s)", (language, name, mention) => {
    test("the card is a bottom sheet that fits: full width, at most 60 % high, on the bottom edge, controls at least 44 × 44 px", async () => {
      const page = await openOnPhone(name);
      const { x, y } = await mentionCentre(page, mention);
      await page.touch.tap(x, y);
      await waitForCard(page);
      await waitForCardSettled(page);
      await page.screenshot(path.join(ARTIFACTS, `card-phone-${language}.${browserName}.png`));
      const layout = await sheetLayout(page);
      expect(layout.sheet).toBe(true);
      expect(layout.viewport.outerWidth).toBe(PHONE.width);
      expect(layout.rect.left).toBe(0);
      expect(layout.rect.width).toBe(layout.viewport.width);
      expect(Math.abs(layout.rect.bottom - layout.viewport.height)).toBeLessThanOrEqual(1);
      expect(layout.rect.height).toBeLessThanOrEqual(layout.viewport.height * 0.6 + 1);
      expect(layout.scrollable).toBe(true);
      // The page scrolled the tapped name (centred on the screen, where the sheet rises) into sight above the sheet.
      const nameBottom = await page.evaluate((text) => {
        const range = [...(CSS.highlights.get("backstory-mention") ?? [])].find((r) => r.toString() === text) as Range;
        return range.getBoundingClientRect().bottom;
      }, mention);
      expect(nameBottom).toBeLessThanOrEqual(layout.rect.top);
      expect(layout.controls.length).toBeGreaterThan(3);
      const small = layout.controls.filter((c) => c.width < 44 || c.height < 44);
      expect(small).toEqual([]);
      await page.close();
    });

    test("axe-core finds no violations in the sheet", async () => {
      const page = await openOnPhone(name);
      const { x, y } = await mentionCentre(page, mention);
      await page.touch.tap(x, y);
      await waitForCard(page);
      const shadow = (await ClosedShadow.find(page))!;
      await shadow.evaluate(`(root) => root.querySelectorAll('details').forEach((d) => { d.open = true; })`);
      const markup = await shadow.evaluate<string>(`(root) => root.innerHTML`);
      await shadow.dispose();
      // As in overlay.test.ts: axe cannot see into the closed root, so it checks a copy of the
      // sheet with its styles, in a phone-sized page of its own (about:blank: no extension).
      const copy = await browser.newPage();
      await copy.emulatePhone(PHONE);
      await copy.evaluate(async (html) => {
        document.documentElement.lang = "en";
        document.head.innerHTML = '<title>card</title><meta name="viewport" content="width=device-width">';
        document.body.innerHTML = "<main><h1>News</h1></main>";
        const host = document.createElement("div");
        document.querySelector("main")!.append(host);
        const root = host.attachShadow({ mode: "open" });
        root.innerHTML = html;
        await Promise.all(root.getAnimations().map((a) => a.finished));
      }, markup);
      await copy.runScript(await readFile(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8"));
      const violations = await copy.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
        const result = await axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
          rules: { region: { enabled: false } },
        });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations).toEqual([]);
      await copy.close();
      await page.close();
    });
  });
});

/** Runs axe-core on a page (an extension page's CSP refuses script tags: the driver runs the source). */
async function axeViolations(page: PageDriver): Promise<string[]> {
  await page.runScript(await readFile(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8"));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/** What does not fit a phone's width: the page scrolls sideways, or a control sticks out of the screen. */
function overflowAcross(page: PageDriver): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems = document.documentElement.scrollWidth > width ? [`the page is ${document.documentElement.scrollWidth} px wide`] : [];
    for (const control of document.querySelectorAll("button, a[href], input, select, summary")) {
      const r = control.getBoundingClientRect();
      if (r.width > 0 && (r.left < 0 || r.right > width + 0.5)) problems.push(`${control.tagName} "${control.textContent?.trim().slice(0, 30)}" at ${r.left}–${r.right}`);
    }
    return problems;
  });
}

/** Waits until the open card is the one named `label`. */
async function waitForLabel(page: PageDriver, label: string): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    if ((await readCard(page))?.label === label) return;
    if (Date.now() > deadline) throw new Error(`the card of ${label} did not open`);
    await sleep(50);
  }
}
