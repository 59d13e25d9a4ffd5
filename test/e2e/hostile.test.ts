/**
 * Hostile pages, in real Chromium and Firefox with the built extension: each attacks the overlay
 * one way. On every page: highlights where they belong and nowhere else, `document.body` as the
 * page left it, no error from the extension, and no task of ours over 50 ms. One set of cases,
 * run once per browser (the browser's name leads each test's name).
 *
 * "Ours" is what the content script records as `backstory:task` measures (each scan slice, each
 * card opened): the long-task and long-frame APIs do not attribute an extension's
 * isolated-world scripts, Firefox has neither, and the browser's own work (layout of a
 * 5,000-deep page, `:hover` updates on its ancestors, another process stealing the core on a
 * loaded machine) differs from one browser version to the next and is not ours to assert on.
 * The measures are wall-clock time, so the browser runs at the machine's highest scheduling
 * priority (`drivers/process-priority.ts`): on a shared two-core machine its thread would
 * otherwise spend most of a "task" waiting for a core.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import {
  BROWSER_NAMES,
  BackstoryBrowser,
  ClosedShadow,
  useFixtureServer,
  highlightedTexts,
  hasOverlayHost,
  readCard,
  sleep,
  waitForCard,
  waitForNoCard,
  type PageDriver,
} from "./harness.ts";

const server = useFixtureServer();
// Up to three loads of a page and three openings of a card, each with a 3 s dwell, on a loaded machine.
vi.setConfig({ testTimeout: 180_000 });

/** The longest a task of ours may take: the long-task mark. */
const LONG_TASK_MS = 50;
/**
 * How many times a measurement is repeated before a long task counts as ours. On a machine
 * shared with other test runs (load average 10–16 on two cores seen while writing this), even
 * at the highest priority a slice that takes 5–10 ms is now and then measured at 60–250 ms:
 * stopped mid-way by the kernel, a garbage collection, a first compilation. A task of ours that
 * is long because of its work is long every time; so a page's scan is judged on the best of up
 * to three loads of it, and a card on the best of up to three openings.
 */
const TRIES = 3;
/**
 * The dwell delay for the whole suite (the longest the settings allow), and how long a try
 * waits after the pointer has entered a name before its measured window: the browser's own
 * `:hover` work on 5,000 ancestors took over a second in Chromium 150 on the loaded machine.
 */
const DWELL_MS = 3000;
const SETTLE_MS = 2200;

/** A page under test, with what the extension may have done wrong on it. */
interface Watched {
  page: PageDriver;
  extensionErrors: string[];
}

/** Polls an expression (evaluated through the protocol alone) until it is true. */
async function waitForExpression(page: PageDriver, expression: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluateExpression<boolean>(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await sleep(50);
  }
}

/** Our tasks that began after `since` (a `performance.now()` time of the page), read without page JavaScript (no Array methods: one page replaces them). */
function ourTasks(page: PageDriver, since = 0): Promise<{ kind: string; start: number; duration: number }[]> {
  return page.evaluateExpression(`(() => {
    const out = [];
    const tasks = performance.getEntriesByName("backstory:task");
    for (let i = 0; i < tasks.length; i++) {
      const t = tasks[i];
      if (t.startTime >= ${since}) out[out.length] = { kind: t.detail, start: t.startTime, duration: t.duration };
    }
    return out;
  })()`);
}

/** Our scan's slices over the long-task mark (the initial scan's and every rescan's so far). */
async function longScanSlices(page: PageDriver): Promise<{ kind: string; start: number; duration: number }[]> {
  return (await ourTasks(page)).filter((t) => t.kind === "scan" && t.duration > LONG_TASK_MS);
}

/** The page's clock now. */
const now = (page: PageDriver) => page.evaluateExpression<number>("performance.now()");

/** The texts we highlight, read without page JavaScript. */
const rawHighlightedTexts = (page: PageDriver) =>
  page.evaluateExpression<string[]>(`(() => { const out = []; const h = CSS.highlights.get("backstory-mention"); if (h) for (const r of h) out[out.length] = r.toString(); return out; })()`);

const count = (page: PageDriver) => page.evaluateExpression<number>(`CSS.highlights.get("backstory-mention")?.size ?? 0`);

let browser: BackstoryBrowser;

/**
 * Opens a page watching the console, waits for our scan, and checks that no slice of it ran
 * over the long-task mark (on the best of `TRIES` loads).
 */
async function openWatched(name: string, html: string): Promise<Watched> {
  const page = await browser.newPage();
  // The tab's renderer for this origin exists once it shows a page of it (the page under test
  // then loads in the same one); only then can its priority be raised.
  await page.goto(server.add("blank.html", "<!doctype html><title>blank</title>"));
  browser.driver.raisePriority();
  const extensionErrors: string[] = [];
  page.onConsole(({ level, text, url }) => {
    const fromExtension = /^(chrome|moz)-extension:/.test(url) || text.includes("Backstory");
    if (fromExtension && (level === "error" || level === "warning")) extensionErrors.push(text);
  });
  const url = server.add(name, html);
  const long: unknown[] = [];
  for (let load = 0; load < TRIES; load++) {
    await page.goto(url);
    await waitForExpression(page, `performance.getEntriesByName("backstory:scan").length > 0`, 30_000);
    expect((await ourTasks(page)).filter((t) => t.kind === "scan").length).toBeGreaterThan(0);
    const slices = await longScanSlices(page);
    if (slices.length === 0) return { page, extensionErrors };
    long.push(slices);
  }
  expect(long, `scan slices over ${LONG_TASK_MS} ms, on each of ${TRIES} loads`).toEqual([]);
  return { page, extensionErrors };
}

/** The checks every hostile page must pass (our tasks are checked where the test measures them). */
async function expectPageSurvived({ page, extensionErrors }: Watched): Promise<void> {
  expect(await page.evaluateExpression(`document.querySelectorAll("body [data-backstory], body mark").length`)).toBe(0);
  expect(extensionErrors).toEqual([]);
}

/** The viewport centre of a highlighted mention, read without page JavaScript (scrolled into view). */
function rawCentre(page: PageDriver, text: string): Promise<{ x: number; y: number }> {
  return page.evaluateExpression(`(() => {
    for (const r of CSS.highlights.get("backstory-mention")) if (r.toString() === ${JSON.stringify(text)}) {
      r.startContainer.parentElement.scrollIntoView({ block: "center", behavior: "instant" });
      const b = r.getClientRects()[0]; return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
  })()`);
}

/**
 * Opens a mention's card, checking that no task of ours in it runs long. Two things are kept
 * out of the measured window because they are not what a hostile page changes: the first card
 * of a page (compiling and styling the card costs ~45 ms on this loaded machine whatever the
 * page; `npm run bench` measures it), so `warmUp` opens another mention's card first; and the
 * browser's own work for the pointer entering the text (on a 5,000-deep page Chromium spends
 * ~200 ms updating `:hover` on every ancestor, with no extension loaded), so a long dwell delay
 * (`DWELL_MS`, set for the whole suite) lets that finish before the dwell timer fires and the card
 * opens. The card's opening is judged on the best of `TRIES` openings, less `browserShare`: what
 * the browser itself spends in it, measured without our code (`browserHighlightCost`).
 */
async function hoverWithoutLongTasks(page: PageDriver, text: string, warmUp: string, browserShare = 0): Promise<void> {
  const limit = LONG_TASK_MS + browserShare;
  const { x: wx, y: wy } = await rawCentre(page, warmUp);
  await page.mouse.move(wx - 3, wy);
  await page.mouse.move(wx, wy, { steps: 2 });
  await expect.poll(async () => (await readCard(page))?.label ?? null, { timeout: DWELL_MS + 5000 }).toContain(warmUp);
  await page.keyboard.press("Escape");
  await waitForExpression(page, `document.querySelector("[data-backstory]") === null`, 3000);
  {
    const durations: number[] = [];
    // The card is left open after the try that ends the loop.
    for (let attempt = 0; attempt < TRIES && !durations.some((d) => d <= LONG_TASK_MS); attempt++) {
      if (attempt > 0) {
        await page.keyboard.press("Escape");
        await waitForExpression(page, `document.querySelector("[data-backstory]") === null`, 3000);
      }
      // Off every name first: resting again on the name hovered last starts no new dwell.
      await page.mouse.move(1, 1);
      const { x, y } = await rawCentre(page, text);
      browser.driver.raisePriority(); // Chromium may have set the renderer's priority again since
      await sleep(200);
      const moved = await now(page);
      await page.mouse.move(x - 3, y);
      await page.mouse.move(x, y, { steps: 2 });
      await sleep(SETTLE_MS);
      const settled = await now(page);
      await expect.poll(async () => (await readCard(page))?.label ?? null, { timeout: DWELL_MS + 3000 }).toContain(text);
      // Opening the card is one task of ours, recorded like the scan's.
      const opened = (await ourTasks(page, moved)).filter((t) => t.kind === "card");
      expect(opened).toHaveLength(1);
      // A browser slowed down enough may deliver the pointer frame late, and the dwell counts
      // from the movement: a card opened already was opened in the window kept for the
      // browser's own work, so that try measures nothing.
      if (opened[0]!.start < settled) continue;
      durations.push(opened[0]!.duration);
    }
    expect(durations.length, "tries in which the card opened after the browser had settled").toBeGreaterThan(0);
    expect(Math.min(...durations), `the card's opening task, in ms, each try: ${durations.join(", ")} (the browser's share: ${browserShare} ms)`).toBeLessThanOrEqual(limit);
  }
}

/**
 * The browser's own share of opening a card on `text`, measured with no code of ours: the page
 * itself adds a copy of the mention's range to a highlight of its own and reads the layout, as
 * the card's opening does when it marks the mention active and places the card. Firefox 153
 * lays the text out again through every ancestor when a highlight changes over text that
 * another highlight underlines (~100 ms under load on the 5,000-level page, ~1 ms for text with
 * no underline; Firefox 140 and Chromium: ~0), whoever changes it: so the underline style, not
 * the default marker. The best of `TRIES`.
 */
async function browserHighlightCost(page: PageDriver, text: string): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < TRIES; i++) {
    const cost = await page.evaluateExpression<number>(`(() => {
      let range = null;
      for (const r of CSS.highlights.get("backstory-mention")) if (r.toString() === ${JSON.stringify(text)}) range = r.cloneRange();
      const own = new Highlight();
      CSS.highlights.set("page-own", own);
      document.documentElement.getBoundingClientRect();
      const start = performance.now();
      own.add(range);
      document.documentElement.getBoundingClientRect();
      const cost = performance.now() - start;
      CSS.highlights.delete("page-own");
      document.documentElement.getBoundingClientRect();
      return cost;
    })()`);
    best = Math.min(best, cost);
    await sleep(100);
  }
  return Math.round(best);
}

function article(paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><main>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</main></body></html>`;
}

describe.each(BROWSER_NAMES)("%s", (browserName) => {
  let keepRaised: ReturnType<typeof setInterval> | undefined;

  beforeAll(async () => {
    browser = await BackstoryBrowser.launch(browserName);
    // A long dwell delay throughout: see `hoverWithoutLongTasks`.
    await browser.setSettings({ hoverDelayMs: DWELL_MS });
    if (!browser.driver.raisePriority()) console.warn(`${browserName}: could not raise the browser's priority; its timings include waiting for a core`);
    // Chromium sets its renderers' priorities itself as pages load and come and go; set ours
    // again several times a second for as long as the suite runs (a /proc walk: ~1 ms).
    keepRaised = setInterval(() => browser.driver.raisePriority(), 100);
  });
  afterAll(async () => {
    clearInterval(keepRaised);
    await browser?.close();
  });

  test("a mutation storm: rescans are batched, nothing leaks, highlights keep up", async () => {
    const html = article(["Alexander Darchiev met Marco Rubio.", '<span id="ticker">Moscow</span>', '<span id="feed"></span>']).replace(
      "</body>",
      `<script>
        const names = ["Moscow", "Istanbul", "Rubio", "no name here", "Sergei Lavrov"];
        let ticks = 0, appended = 0;
        const ticker = document.getElementById("ticker"), feed = document.getElementById("feed").parentElement.parentElement;
        const tick = setInterval(() => { ticker.textContent = names[ticks++ % names.length]; }, 4);
        const add = setInterval(() => {
          const p = document.createElement("p");
          p.textContent = "Update " + appended++ + ": Sonata Coulter and Tammy Bruce spoke.";
          feed.append(p);
        }, 40);
        setTimeout(() => {
          clearInterval(tick); clearInterval(add);
          ticker.textContent = "Istanbul";
          window.__storm = { ticks, appended, body: document.body.innerHTML };
        }, 3000);
      </script></body>`,
    );
    const watched = await openWatched("storm.html", html);
    const { page } = watched;
    await waitForExpression(page, "window.__storm !== undefined", 10_000);
    const storm = await page.evaluate(() => (window as unknown as { __storm: { ticks: number; appended: number; body: string } }).__storm);
    // Two names in the first paragraph, the ticker's last name, two per appended paragraph.
    const expected = 2 + 1 + 2 * storm.appended;
    // The count alone can match while the ticker's last change still waits for its rescan (the
    // ticker's old highlight counted in place of its new one): wait for the ticker's last name.
    await expect.poll(async () => ({ count: await count(page), istanbul: (await highlightedTexts(page)).includes("Istanbul") }), { timeout: 2000 }).toEqual({ count: expected, istanbul: true });
    const texts = await highlightedTexts(page);
    expect(texts.filter((t) => t === "Sonata Coulter")).toHaveLength(storm.appended);
    // The ticker's earlier names left no highlight behind.
    expect(texts.filter((t) => ["Moscow", "Rubio", "Sergei Lavrov"].includes(t))).toEqual([]);
    expect(texts).toContain("Istanbul");
    const rescans = await page.evaluate(() => performance.getEntriesByName("backstory:rescan").length);
    // Firefox runs a 4 ms interval less often than Chromium; either way hundreds of mutations.
    expect(storm.ticks + storm.appended).toBeGreaterThan(300);
    expect(rescans).toBeLessThan((storm.ticks + storm.appended) / 4);
    // Hundreds of small rescans, each a task of ours: a loaded machine may stretch a few of
    // them (see `TRIES`), but not more than one in twenty.
    const slices = (await ourTasks(page)).filter((t) => t.kind === "scan");
    const long = slices.filter((t) => t.duration > LONG_TASK_MS);
    expect(long.length, `rescan slices over ${LONG_TASK_MS} ms, of ${slices.length}: ${JSON.stringify(long)}`).toBeLessThanOrEqual(Math.floor(slices.length / 20));
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(storm.body);
    await expectPageSurvived(watched);
    await page.close();
  });

  test("one text node of 3 MB", async () => {
    // Built by script: an HTML parser may split long text into several nodes (Chromium 150
    // makes 65,536-character nodes), and then the page would not be what this case is about.
    const html = article(['<span id="huge"></span>']).replace(
      "</body>",
      `<script>
        const filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(170); // ~9.7 kB
        let text = "";
        for (let i = 0; i < 300; i++) text += filler + (i % 2 ? "Killenworth" : "دارشيف") + " ";
        document.getElementById("huge").parentElement.replaceChildren(text);
      </script></body>`,
    );
    const watched = await openWatched("huge-node.html", html);
    const { page } = watched;
    expect(await page.evaluate(() => {
      const p = document.querySelector("main p")!;
      return { nodes: p.childNodes.length, length: p.firstChild!.textContent!.length };
    })).toEqual({ nodes: 1, length: 300 * (57 * 170 + 1) + 150 * ("Killenworth".length + "دارشيف".length) });
    expect(await count(page)).toBe(300);
    await expectPageSurvived(watched);
    await page.close();
  });

  test("5,000 levels of nesting", async () => {
    // Chromium's renderer itself crashes on 5,000 nested blocks (with or without extensions;
    // 2,000 render), so the page nests 1,500 blocks and then 3,500 inline elements inside them.
    const html = article(['<span id="deep"></span>']).replace(
      "</body>",
      `<script>
        let node = document.getElementById("deep");
        for (let i = 0; i < 5000; i++) {
          const child = document.createElement(i < 1500 ? "div" : i % 2 ? "span" : "b");
          if (i === 1000) child.append("Among the blocks: Long Island. ");
          if (i === 2500) child.append("Halfway down: Pioneer Point. ");
          node.append(child);
          node = child;
        }
        node.append("At the bottom: Alexander Darchiev.");
      </script></body>`,
    );
    const watched = await openWatched("deep.html", html);
    const { page } = watched;
    expect(await page.evaluate(() => {
      let depth = 0;
      for (let n: Node | null = document.getElementById("deep"); n?.lastChild instanceof Element; n = n.lastChild) depth++;
      return depth;
    })).toBe(5000);
    expect((await highlightedTexts(page)).sort()).toEqual(["Alexander Darchiev", "Long Island", "Pioneer Point"]);
    // Firefox lays out no content nested deeper than its frame-tree limit: the two deeper names
    // have no box (a reader sees nothing there either), so only the shallowest can be hovered.
    const boxed = await page.evaluate(() =>
      [...(CSS.highlights.get("backstory-mention") ?? [])].filter((r) => (r as Range).getBoundingClientRect().width > 0).map(String).sort(),
    );
    // Our part of the card's opening is held to the long-task mark, the browser's layout for
    // the active mention's highlight set aside (see `browserHighlightCost`).
    if (browserName === "firefox") {
      expect(boxed).toEqual(["Long Island"]);
      await hoverWithoutLongTasks(page, "Long Island", "Long Island", await browserHighlightCost(page, "Long Island"));
    } else {
      expect(boxed).toEqual(["Alexander Darchiev", "Long Island", "Pioneer Point"]);
      await hoverWithoutLongTasks(page, "Alexander Darchiev", "Long Island", await browserHighlightCost(page, "Alexander Darchiev"));
    }
    await page.keyboard.press("Escape");
    await waitForNoCard(page);
    await expectPageSurvived(watched);
    await page.close();
  });

  test("100,000 small text nodes", async () => {
    const html = article(['<span id="many"></span>']).replace(
      "</body>",
      `<script>
        const root = document.getElementById("many").parentElement;
        const words = ["the", "delegation", "met", "in", "Istanbul", "and", "then", "Pioneer", "Point", "again"];
        const plain = ["the", "delegation", "met", "in", "the", "city", "and", "then", "left", "again"];
        for (let p = 0; p < 100; p++) {
          const para = document.createElement("p");
          for (let i = 0; i < 1000; i++) {
            const span = document.createElement("span");
            // Names in one group of ten words out of ten groups: a dense but real-looking page.
            span.textContent = (i % 100 < 10 ? words : plain)[i % 10] + " ";
            para.append(span);
          }
          root.append(para);
        }
      </script></body>`,
    );
    const watched = await openWatched("many-nodes.html", html);
    const { page } = watched;
    expect(await page.evaluate(() => document.querySelectorAll("main span").length)).toBeGreaterThanOrEqual(100_000);
    // Every 100 words: one "Istanbul" and one "Pioneer Point" split across two spans. With
    // more than 1,000 mentions only those near the viewport are drawn; the content script
    // still knows them all.
    const onPage = (await browser.sendToTab(page, { type: "getEntitiesOnPage" })) as { ok: true; value: { mentions: number } };
    expect(onPage.value.mentions).toBe(100 * 10 * 2);
    const drawnAtTop = await count(page);
    expect(drawnAtTop).toBeGreaterThan(0);
    expect(drawnAtTop).toBeLessThan(200);
    // Which of the page's 100 paragraphs have drawn mentions.
    const drawnParagraphs = () =>
      page.evaluate(() => {
        const paragraphs = [...document.querySelectorAll("main p p")];
        const drawn = new Set<number>();
        for (const r of CSS.highlights.get("backstory-mention") ?? []) drawn.add(paragraphs.indexOf((r as Range).startContainer.parentElement!.parentElement!));
        return [...drawn].sort((a, b) => a - b);
      });
    expect(await drawnParagraphs()).toContain(0);
    // Scrolled to the end, the mentions there are drawn and those at the top are not.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(drawnParagraphs, { timeout: 3000 }).toContain(99);
    expect(await drawnParagraphs()).not.toContain(0);
    await hoverWithoutLongTasks(page, "Istanbul", "Pioneer Point");
    await expectPageSurvived(watched);
    await page.close();
  });

  test("a page that unsets every style and clears the highlight registry: the card still renders, our highlights come back", async () => {
    const html = article(["Alexander Darchiev spoke about Killenworth.", "More text about Moscow."]).replace(
      "</head>",
      `<style>* { all: unset !important; } div, p { display: block !important; }</style>
       <script>
         // Clear the registry repeatedly through load and our scan, then stop, so the test
         // can check deterministically that our highlights come back.
         window.__clears = 0;
         const clearing = setInterval(() => { CSS.highlights.clear(); if (++window.__clears === 12) clearInterval(clearing); }, 150);
       </script></head>`,
    );
    const watched = await openWatched("unset.html", html);
    const { page } = watched;
    await waitForExpression(page, "window.__clears === 12", 5000);
    expect(await page.evaluateExpression(`CSS.highlights.has("backstory-mention")`)).toBe(false);
    await page.mouse.move(5, 5);
    await page.mouse.move(8, 8);
    await page.waitForFunction(() => CSS.highlights.has("backstory-mention"), undefined, { timeout: 2000 });
    await hoverWithoutLongTasks(page, "Killenworth", "Alexander Darchiev");
    const shadow = (await ClosedShadow.find(page))!;
    const style = await shadow.evaluate<{ display: string; position: string; width: number; height: number; background: string; font: string }>(`(root) => {
      const dialog = root.querySelector('[role="dialog"]');
      const s = getComputedStyle(dialog); const r = dialog.getBoundingClientRect();
      return { display: s.display, position: s.position, width: r.width, height: r.height, background: s.backgroundColor, font: s.fontSize };
    }`);
    await shadow.dispose();
    expect(style.display).toBe("block");
    expect(style.position).toBe("fixed");
    expect(style.width).toBeGreaterThan(200);
    expect(style.height).toBeGreaterThan(80);
    expect(style.background).not.toBe("rgba(0, 0, 0, 0)");
    expect(parseFloat(style.font)).toBeGreaterThanOrEqual(12);
    expect((await waitForCard(page)).label).toContain("Killenworth");
    await expectPageSurvived(watched);
    await page.close();
  });

  test("a page with the strictest Content-Security-Policy and Trusted Types: names highlighted, the card opens with its styles", async () => {
    // Nothing of the page's own may load or run, no inline style applies, and every DOM sink
    // that parses markup throws. A content script and the card it injects are the extension's,
    // not the page's: they must work the same.
    const csp = `default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'; font-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'`;
    const html = article(["Alexander Darchiev spoke about Killenworth.", "More text about Moscow."]).replace(
      "<head>",
      `<head><meta http-equiv="Content-Security-Policy" content="${csp}"><script>window.__pageRan = true;</script>`,
    );
    const watched = await openWatched("csp.html", html);
    const { page } = watched;
    // The policy is in force: the page's own inline script did not run.
    expect(await page.evaluateExpression(`window.__pageRan === undefined`)).toBe(true);
    // And, where the browser has Trusted Types, markup from a string throws.
    const markupSink = await page.evaluateExpression<string>(
      `(() => { if (typeof trustedTypes === "undefined") return "no Trusted Types"; try { document.body.insertAdjacentHTML("beforeend", ""); return "allowed"; } catch (e) { return e.name; } })()`,
    );
    expect(["TypeError", "no Trusted Types"]).toContain(markupSink);
    expect(await rawHighlightedTexts(page)).toEqual(["Alexander Darchiev", "Killenworth", "Moscow"]);
    await hoverWithoutLongTasks(page, "Killenworth", "Alexander Darchiev");
    const shadow = (await ClosedShadow.find(page))!;
    const style = await shadow.evaluate<{ position: string; width: number; background: string; font: string }>(`(root) => {
      const dialog = root.querySelector('[role="dialog"]');
      const s = getComputedStyle(dialog);
      return { position: s.position, width: dialog.getBoundingClientRect().width, background: s.backgroundColor, font: s.fontSize };
    }`);
    await shadow.dispose();
    expect(style.position).toBe("fixed");
    expect(style.width).toBeGreaterThan(200);
    expect(style.background).not.toBe("rgba(0, 0, 0, 0)");
    expect(parseFloat(style.font)).toBeGreaterThanOrEqual(12);
    const card = await waitForCard(page);
    expect(card.label).toContain("Killenworth");
    // The card's content came from the background (facts with their sources), not just its frame.
    expect(card.text).toMatch(/Russia|Russian|Maryland/);
    await expectPageSurvived(watched);
    await page.close();
  });

  test("names in form fields, editable regions, code and pre are never highlighted; in an open shadow root and a same-origin frame they are", async () => {
    server.add("framed.html", article(["Inside the frame: Sonata Coulter."]));
    const html = article([
      "Outside: Tammy Bruce.",
      '<textarea>Darchiev</textarea><input value="Darchiev"><select><option>Darchiev</option></select>',
      '<span contenteditable="true">Darchiev</span>',
      "<code>Darchiev</code>",
    ])
      .replace("</main>", `</main><pre>Darchiev in pre</pre><news-box id="host"></news-box><iframe src="/framed.html" width="400" height="100"></iframe>`)
      .replace("</body>", `<script>document.getElementById("host").attachShadow({ mode: "open" }).innerHTML = "<p>Shadowed: Killenworth</p>";</script></body>`);
    const watched = await openWatched("regions-all.html", html);
    const { page } = watched;
    expect((await highlightedTexts(page)).sort()).toEqual(["Killenworth", "Tammy Bruce"]);
    // The frame is same-origin, so the top page reads its registry directly.
    const framed = `document.querySelector("iframe").contentWindow.CSS.highlights.get("backstory-mention")`;
    await waitForExpression(page, `(${framed}?.size ?? 0) > 0`, 5000);
    expect(await page.evaluateExpression(`[...${framed}].map(String)`)).toEqual(["Sonata Coulter"]);
    await expectPageSurvived(watched);
    await page.close();
  });

  test("a page that overrides DOM prototypes and globals in its own world does not affect the content script", async () => {
    const html = article(["Alexander Darchiev met Marco Rubio in Istanbul."]).replace(
      "</head>",
      `<script>
        const boom = () => { throw new Error("hostile page"); };
        Node.prototype.appendChild = boom; Node.prototype.insertBefore = boom; Element.prototype.append = boom;
        Element.prototype.attachShadow = boom; Document.prototype.createRange = boom; Document.prototype.createTreeWalker = boom;
        Array.prototype.map = boom; Array.prototype.push = boom; JSON.parse = boom; JSON.stringify = boom;
        Object.defineProperty = boom; Promise.prototype.then = boom; window.setTimeout = boom; window.requestAnimationFrame = boom;
        HighlightRegistry.prototype.set = boom; Highlight.prototype.add = boom; Range.prototype.setStart = boom;
        MutationObserver.prototype.observe = boom; window.getComputedStyle = boom;
      </script></head>`,
    );
    const watched = await openWatched("prototypes.html", html);
    const { page } = watched;
    // The page broke the builtins a driver's helpers use, so read it through the protocol.
    expect((await rawHighlightedTexts(page)).sort()).toEqual(["Alexander Darchiev", "Istanbul", "Marco Rubio"]);
    await hoverWithoutLongTasks(page, "Marco Rubio", "Istanbul");
    await expectPageSurvived(watched);
    await page.close();
  });

  test("pointer, touch and key events a page dispatches itself open no card and close none; the reader's own do", async () => {
    const html = article(["Alexander Darchiev met Marco Rubio in Istanbul."]).replace(
      "</body>",
      `<script>
        // Plays the reader at (x, y) for a while: a mouse resting there (a move every 50 ms), a
        // tap and a long press; then says it is done.
        window.__impersonate = (x, y, ms) => {
          const at = { clientX: x, clientY: y, bubbles: true, composed: true, isPrimary: true, pointerId: 7 };
          const target = document.elementFromPoint(x, y);
          const moving = setInterval(() => target.dispatchEvent(new PointerEvent("pointermove", { ...at, pointerType: "mouse" })), 50);
          target.dispatchEvent(new PointerEvent("pointerdown", { ...at, pointerType: "touch" }));
          target.dispatchEvent(new PointerEvent("pointerup", { ...at, pointerType: "touch" }));
          target.dispatchEvent(new PointerEvent("pointerdown", { ...at, pointerType: "touch" }));
          setTimeout(() => { clearInterval(moving); window.__impersonated = true; }, ms);
        };
        // What a page would do to close a card the reader opened.
        window.__dismiss = () => {
          document.body.dispatchEvent(new PointerEvent("pointermove", { clientX: 2, clientY: 2, bubbles: true, pointerType: "mouse" }));
          document.dispatchEvent(new PointerEvent("pointerout", { relatedTarget: null, bubbles: true, pointerType: "mouse" }));
          document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
          window.__dismissed = true;
        };
      </script></body>`,
    );
    const watched = await openWatched("impersonation.html", html);
    const { page } = watched;
    await page.mouse.move(2, 2);
    const { x, y } = await rawCentre(page, "Alexander Darchiev");
    await page.evaluateExpression(`window.__impersonate(${x}, ${y}, ${DWELL_MS + 1500})`);
    await waitForExpression(page, "window.__impersonated === true", DWELL_MS + 10_000);
    expect(await hasOverlayHost(page)).toBe(false);
    // The reader's own rest on the name opens it; the page's pretended departure leaves it open.
    await page.mouse.move(x - 3, y);
    await page.mouse.move(x, y, { steps: 2 });
    expect((await waitForCard(page, DWELL_MS + 5000)).label).toContain("Alexander Darchiev");
    await page.evaluateExpression("window.__dismiss()");
    await waitForExpression(page, "window.__dismissed === true");
    await sleep(1000);
    expect((await readCard(page))?.label).toContain("Alexander Darchiev");
    await page.keyboard.press("Escape");
    await waitForNoCard(page);
    await expectPageSurvived(watched);
    await page.close();
  });

  test("single-page navigation: the new article is scanned, the old highlights are gone", async () => {
    const html = article(["First story: Alexander Darchiev in Istanbul."]).replace(
      "</body>",
      `<script>
        setTimeout(() => {
          history.pushState({}, "", "/second-story");
          document.querySelector("main").replaceChildren(Object.assign(document.createElement("p"), { textContent: "Second story: Killenworth, on Long Island." }));
          window.__navigated = document.body.innerHTML;
        }, 1200);
      </script></body>`,
    );
    const watched = await openWatched("spa.html", html);
    const { page } = watched;
    expect((await highlightedTexts(page)).sort()).toEqual(["Alexander Darchiev", "Istanbul"]);
    await waitForExpression(page, `location.pathname === "/second-story"`, 5000);
    await expect.poll(async () => (await highlightedTexts(page)).sort(), { timeout: 2000 }).toEqual(["Killenworth", "Long Island"]);
    expect(await page.evaluate(() => document.body.innerHTML === (window as unknown as { __navigated: string }).__navigated)).toBe(true);
    await expectPageSurvived(watched);
    await page.close();
  });
});
