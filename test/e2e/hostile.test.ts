/**
 * Hostile pages, in real Chromium with the built extension: each attacks the overlay one way.
 * On every page: highlights where they belong and nowhere else, `document.body` as the page
 * left it, no error from the extension, and no main-thread task over 50 ms once our scan has
 * begun.
 */
import type { ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  ClosedShadow,
  ExtensionBrowser,
  FixtureServer,
  highlightedTexts,
  mentionCentre,
  readCard,
  waitForCard,
  waitForNoCard,
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

/** A page under test, with what the extension may have done wrong on it. */
interface Watched {
  page: Page;
  extensionErrors: string[];
}

/**
 * Evaluates an expression in the page's main world through the DevTools protocol, with no help
 * from page JavaScript: for pages that break the builtins a test driver's own helpers use.
 */
async function rawEvaluate<T>(page: Page, expression: string): Promise<T> {
  const session = await page.context().newCDPSession(page);
  try {
    const { result, exceptionDetails } = await session.send("Runtime.evaluate", { expression, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  } finally {
    await session.detach();
  }
}

/** Polls `rawEvaluate` until the expression is true. */
async function rawWaitFor(page: Page, expression: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await rawEvaluate<boolean>(page, expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The open card's accessible name, found without walking the whole document (the harness's
 * full DOM.getDocument overflows the protocol's stack on a 5,000-deep page): the host by
 * selector, then that one node described with its closed shadow root.
 */
async function shallowCardLabel(page: Page): Promise<string | null> {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = await session.send("DOM.getDocument", { depth: 0 });
    const { nodeId } = await session.send("DOM.querySelector", { nodeId: root.nodeId, selector: "html > [data-backstory]" });
    if (!nodeId) return null;
    const { node } = await session.send("DOM.describeNode", { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await session.send("DOM.resolveNode", { backendNodeId: shadow.backendNodeId });
    const { result } = await session.send("Runtime.callFunctionOn", {
      objectId: object.objectId!,
      functionDeclaration: `function () { const d = this.querySelector('[role="dialog"]'); return d ? this.getElementById(d.getAttribute("aria-labelledby")).textContent : null; }`,
      returnByValue: true,
    });
    return result.value as string | null;
  } finally {
    await session.detach();
  }
}

/** The texts we highlight, read without page JavaScript. */
const rawHighlightedTexts = (page: Page) =>
  rawEvaluate<string[]>(page, `(() => { const out = []; const h = CSS.highlights.get("backstory-mention"); if (h) for (const r of h) out[out.length] = r.toString(); return out; })()`);

/** Opens a page with a long-task observer and body snapshot in place, watching the console. */
async function openWatched(name: string, html: string): Promise<Watched> {
  const page = await browser.context.newPage();
  const extensionErrors: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    const fromExtension = message.location().url.startsWith("chrome-extension://") || message.text().includes("Backstory");
    if (fromExtension && (message.type() === "error" || message.type() === "warning")) extensionErrors.push(message.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(server.add(name, html));
  await rawWaitFor(page, `performance.getEntriesByName("backstory:scan").length > 0`, 30_000);
  // From the start of our scan until the page has settled, before the test acts on it (a
  // test's own scrollIntoView on a 5,000-deep page is a long task, and not ours).
  await page.waitForTimeout(300);
  expect(await longTasksSince(page)).toEqual([]);
  return { page, extensionErrors };
}

/**
 * Long tasks that began after `since` (a `performance.now()` time), by default since our scan
 * started: the page's own start-up work is not ours.
 */
function longTasksSince(page: Page, since?: number): Promise<{ start: number; duration: number }[]> {
  return rawEvaluate(page, `(() => {
    const since = ${since ?? 'performance.getEntriesByName("backstory:scan")[0].startTime'};
    const out = [];
    for (const t of window.__longTasks) if (t.start >= since) out[out.length] = t;
    return out;
  })()`);
}

/** The page's clock now. */
const now = (page: Page) => rawEvaluate<number>(page, "performance.now()");

/** The checks every hostile page must pass (long tasks during the scan are checked on opening). */
async function expectPageSurvived({ page, extensionErrors }: Watched): Promise<void> {
  expect(await rawEvaluate(page, `document.querySelectorAll("body [data-backstory], body mark").length`)).toBe(0);
  expect(extensionErrors).toEqual([]);
}

/**
 * Rests the pointer on a mention and waits for its card, checking that opening the card takes
 * no long task. The browser's own work for the pointer entering the text (on a 5,000-deep page
 * Chromium alone spends ~200 ms updating :hover on every ancestor, with no extension loaded)
 * comes first, so a long dwell delay separates it from ours: only the window in which the
 * dwell timer fires and the card opens is measured.
 */
async function hoverWithoutLongTasks(page: Page, text: string, readLabel: () => Promise<string | null>): Promise<void> {
  await browser.setSettings({ hoverDelayMs: 1500 });
  const { x, y } = await mentionCentre(page, text); // scrolls it into view
  await page.waitForTimeout(200);
  await page.mouse.move(x - 3, y);
  await page.mouse.move(x, y, { steps: 2 });
  await page.waitForTimeout(1000);
  expect(await readLabel()).toBeNull();
  const since = await now(page);
  await expect.poll(readLabel, { timeout: 3000 }).toContain(text);
  expect(await longTasksSince(page, since)).toEqual([]);
  await browser.setSettings({ hoverDelayMs: 350 });
}

function article(paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><main>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</main></body></html>`;
}

const count = (page: Page) => page.evaluate(() => CSS.highlights.get("backstory-mention")?.size ?? 0);

describe("hostile pages", () => {
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
    await page.waitForFunction(() => (window as unknown as { __storm?: unknown }).__storm !== undefined, undefined, { timeout: 10_000 });
    const storm = await page.evaluate(() => (window as unknown as { __storm: { ticks: number; appended: number; body: string } }).__storm);
    // Two names in the first paragraph, the ticker's last name, two per appended paragraph.
    const expected = 2 + 1 + 2 * storm.appended;
    await expect.poll(() => count(page), { timeout: 2000 }).toBe(expected);
    const texts = await highlightedTexts(page);
    expect(texts.filter((t) => t === "Sonata Coulter")).toHaveLength(storm.appended);
    // The ticker's earlier names left no highlight behind.
    expect(texts.filter((t) => ["Moscow", "Rubio", "Sergei Lavrov"].includes(t))).toEqual([]);
    expect(texts).toContain("Istanbul");
    const rescans = await page.evaluate(() => performance.getEntriesByName("backstory:rescan").length);
    expect(storm.ticks + storm.appended).toBeGreaterThan(500);
    expect(rescans).toBeLessThan((storm.ticks + storm.appended) / 4);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(storm.body);
    await expectPageSurvived(watched);
    await page.close();
  });

  test("one text node of 3 MB", async () => {
    const filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(170); // ~9.7 kB
    const chunks = Array.from({ length: 300 }, (_, i) => `${filler}${i % 2 ? "Killenworth" : "دارشيف"} `);
    const watched = await openWatched("huge-node.html", article([chunks.join("")]));
    expect(await watched.page.evaluate(() => document.querySelector("main p")!.firstChild!.textContent!.length)).toBeGreaterThan(2_900_000);
    expect(await count(watched.page)).toBe(300);
    await expectPageSurvived(watched);
    await watched.page.close();
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
        // The page lays out what it built in its own task, before the content script runs,
        // so that long layout is not mistaken for ours.
        document.body.getBoundingClientRect();
      </script></body>`,
    );
    const watched = await openWatched("deep.html", html);
    expect(await watched.page.evaluate(() => {
      let depth = 0;
      for (let n: Node | null = document.getElementById("deep"); n?.lastChild instanceof Element; n = n.lastChild) depth++;
      return depth;
    })).toBe(5000);
    expect((await highlightedTexts(watched.page)).sort()).toEqual(["Alexander Darchiev", "Long Island", "Pioneer Point"]);
    await hoverWithoutLongTasks(watched.page, "Alexander Darchiev", () => shallowCardLabel(watched.page));
    await watched.page.keyboard.press("Escape");
    await waitForNoCard(watched.page);
    await expectPageSurvived(watched);
    await watched.page.close();
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
        document.body.getBoundingClientRect();
      </script></body>`,
    );
    const watched = await openWatched("many-nodes.html", html);
    expect(await watched.page.evaluate(() => document.querySelectorAll("main span").length)).toBeGreaterThanOrEqual(100_000);
    // Every 100 words: one "Istanbul" and one "Pioneer Point" split across two spans. With
    // more than 1,000 mentions only those near the viewport are drawn; the content script
    // still knows them all.
    const onPage = (await browser.sendToTab(watched.page, { type: "getEntitiesOnPage" })) as { ok: true; value: { mentions: number } };
    expect(onPage.value.mentions).toBe(100 * 10 * 2);
    const drawnAtTop = await count(watched.page);
    expect(drawnAtTop).toBeGreaterThan(0);
    expect(drawnAtTop).toBeLessThan(200);
    // Which of the page's 100 paragraphs have drawn mentions.
    const drawnParagraphs = () =>
      watched.page.evaluate(() => {
        const paragraphs = [...document.querySelectorAll("main p p")];
        const drawn = new Set<number>();
        for (const r of CSS.highlights.get("backstory-mention") ?? []) drawn.add(paragraphs.indexOf((r as Range).startContainer.parentElement!.parentElement!));
        return [...drawn].sort((a, b) => a - b);
      });
    expect(await drawnParagraphs()).toContain(0);
    // Scrolled to the end, the mentions there are drawn and those at the top are not.
    await watched.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(drawnParagraphs, { timeout: 2000 }).toContain(99);
    expect(await drawnParagraphs()).not.toContain(0);
    await hoverWithoutLongTasks(watched.page, "Istanbul", async () => (await readCard(watched.page))?.label ?? null);
    await expectPageSurvived(watched);
    await watched.page.close();
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
    await rawWaitFor(page, "window.__clears === 12", 5000);
    expect(await rawEvaluate(page, `CSS.highlights.has("backstory-mention")`)).toBe(false);
    await page.mouse.move(5, 5);
    await page.mouse.move(8, 8);
    await page.waitForFunction(() => CSS.highlights.has("backstory-mention"), undefined, { timeout: 2000 });
    await hoverWithoutLongTasks(page, "Killenworth", async () => (await readCard(page))?.label ?? null);
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
    const frame = page.frames().find((f) => f.url().endsWith("/framed.html"))!;
    await frame.waitForFunction(() => (CSS.highlights.get("backstory-mention")?.size ?? 0) > 0, undefined, { timeout: 5000 });
    expect(await frame.evaluate(() => [...(CSS.highlights.get("backstory-mention") ?? [])].map(String))).toEqual(["Sonata Coulter"]);
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
    const centre = await rawEvaluate<{ x: number; y: number }>(page, `(() => {
      for (const r of CSS.highlights.get("backstory-mention")) if (r.toString() === "Marco Rubio") {
        const b = r.getClientRects()[0]; return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
    })()`);
    await page.mouse.move(centre.x - 3, centre.y);
    await page.mouse.move(centre.x, centre.y, { steps: 2 });
    expect((await waitForCard(page)).label).toContain("Marco Rubio");
    await expectPageSurvived(watched);
    await watched.page.close();
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
    await page.waitForFunction(() => location.pathname === "/second-story", undefined, { timeout: 5000 });
    await expect.poll(async () => (await highlightedTexts(page)).sort(), { timeout: 2000 }).toEqual(["Killenworth", "Long Island"]);
    expect(await page.evaluate(() => document.body.innerHTML === (window as unknown as { __navigated: string }).__navigated)).toBe(true);
    await expectPageSurvived(watched);
    await page.close();
  });
});
