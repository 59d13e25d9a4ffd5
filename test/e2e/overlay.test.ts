/**
 * The in-page overlay in real Chromium and Firefox with the built extension: highlights that
 * leave the page untouched, hover cards with facts and their sources, mutations, regions never
 * matched, the keyboard command, and accessibility of the open card. One set of cases, run
 * once per browser (the browser's name leads each test's name).
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
  expectedMentions,
  MENTION_HIGHLIGHT,
  NESTED_HIGHLIGHT,
  ROOT,
  bodyBeforeAndNow,
  captureBodyBeforeExtension,
  hasOverlayHost,
  highlightedTexts,
  hoverMention,
  mentionCentre,
  readCard,
  sleep,
  waitForCard,
  waitForCardSettled,
  waitForNoCard,
  waitForScan,
  type PageDriver,
} from "./harness.ts";

const server = useFixtureServer();

/** The expected mentions' texts: top-level ones, or (`nested`) those inside a longer name. */
async function expectedTexts(page: string, nested = false): Promise<string[]> {
  return (await expectedMentions(page)).filter((m) => (m.outer !== undefined) === nested).map((m) => m.text);
}

describe.each(BROWSER_NAMES)("%s", (browserName) => {
  let browser: BackstoryBrowser;

  beforeAll(async () => {
    browser = await BackstoryBrowser.launch(browserName);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openWithBodySnapshot(name: string): Promise<PageDriver> {
    const page = await browser.newPage();
    await captureBodyBeforeExtension(page);
    await page.goto(server.url(name));
    await waitForScan(page);
    return page;
  }

  describe("highlights", () => {
    test.each(["seed-article.ar.html", "istanbul-talks.en.html"])("%s: every expected mention is highlighted, nothing else", async (name) => {
      const page = await browser.open(server.url(name));
      const texts = await highlightedTexts(page);
      const expected = await expectedTexts(name);
      expect(texts.length).toBe(expected.length);
      // Highlights are not wrapped in elements: compare the highlighted texts as a multiset.
      expect([...texts].sort()).toEqual([...expected].sort());
      // Names inside longer names are drawn in a highlight of their own, over their outer name's.
      const nested = await expectedTexts(name, true);
      expect(nested.length).toBeGreaterThan(0);
      expect([...(await highlightedTexts(page, NESTED_HIGHLIGHT))].sort()).toEqual([...nested].sort());
      await page.close();
    });

    test("the content script runs on pages with the permissions the browser grants at install (default preferences)", async () => {
      // Firefox grants MV3 host access at install only while extensions.originControls.grantByDefault
      // keeps its default (true); the driver leaves every such preference as a user has it.
      const granted = await browser.evaluateInExtension(() => chrome.permissions.getAll());
      expect(granted.origins).toContain("<all_urls>");
      const page = await browser.open(server.url("regions.html"));
      expect((await highlightedTexts(page)).length).toBeGreaterThan(0);
      await page.close();
    });

    test("the page's DOM is identical with the extension, before and after hovering, and after turning it off", async () => {
      const page = await openWithBodySnapshot("seed-article.ar.html");
      const afterScan = await bodyBeforeAndNow(page);
      expect(afterScan.now).toBe(afterScan.before);
      expect(await page.evaluate(() => document.querySelectorAll("mark, [data-backstory]").length)).toBe(0);

      await hoverMention(page, "دارشيف");
      const afterHover = await bodyBeforeAndNow(page);
      expect(afterHover.now).toBe(afterHover.before);
      // The only node we add is the host, on <html>, outside <body>.
      expect(await page.evaluate(() => document.documentElement.lastElementChild?.hasAttribute("data-backstory"))).toBe(true);

      await browser.setSettings({ enabled: false });
      await page.waitForFunction(() => !CSS.highlights.has("backstory-mention"), undefined, { timeout: 1000 });
      expect(await hasOverlayHost(page)).toBe(false);
      const afterOff = await bodyBeforeAndNow(page);
      expect(afterOff.now).toBe(afterOff.before);
      expect(await page.evaluate(() => document.documentElement.outerHTML.includes("data-backstory"))).toBe(false);

      await browser.setSettings({ enabled: true });
      await page.waitForFunction(() => (CSS.highlights.get("backstory-mention")?.size ?? 0) > 0, undefined, { timeout: 2000 });
      expect((await highlightedTexts(page)).length).toBe((await expectedTexts("seed-article.ar.html")).length);
      await page.close();
    });

    test("the page clearing the highlight registry does not lose our highlights", async () => {
      const page = await browser.open(server.url("istanbul-talks.en.html"));
      await page.evaluate(() => CSS.highlights.clear());
      // The next pointer frame puts them back.
      await page.mouse.move(10, 10);
      await page.mouse.move(20, 20);
      await page.waitForFunction(() => CSS.highlights.has("backstory-mention"), undefined, { timeout: 2000 });
      expect((await highlightedTexts(page)).length).toBe((await expectedTexts("istanbul-talks.en.html")).length);
      await page.close();
    });

    test("the page clearing the registry, then the reader scrolling with the keyboard: our highlights are back, the pointer never moved", async () => {
      const paragraphs = Array.from({ length: 80 }, (_, i) => `<p>Paragraph ${i}: Alexander Darchiev met Marco Rubio in Istanbul.</p>`).join("");
      const page = await browser.open(server.add("long-article.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><main>${paragraphs}</main></body></html>`));
      // With more than 1,000 mentions only those near the viewport would be drawn; 240 are all drawn.
      expect((await highlightedTexts(page)).length).toBe(240);
      await page.evaluate(() => CSS.highlights.clear());
      expect(await page.evaluate(() => CSS.highlights.has("backstory-mention"))).toBe(false);
      await page.keyboard.press("PageDown");
      await page.waitForFunction(() => window.scrollY > 0, undefined, { timeout: 2000 });
      await page.waitForFunction(() => CSS.highlights.has("backstory-mention"), undefined, { timeout: 2000 });
      expect((await highlightedTexts(page)).length).toBe(240);
      await page.close();
    });
    test("on a page past 1,000 mentions, a name far below the fold is highlighted once the reader scrolls to it, and opens its card", async () => {
      const paragraphs = Array.from({ length: 400 }, (_, i) => `<p>Paragraph ${i}: Alexander Darchiev met Marco Rubio in Istanbul.</p>`).join("");
      const last = `<p id="last">At the very end, Tammy Bruce spoke.</p>`;
      const page = await browser.open(server.add("far-below.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><main>${paragraphs}${last}</main></body></html>`));
      const isDrawn = () => page.evaluate(() => [...(CSS.highlights.get("backstory-mention") ?? [])].some((r) => r.toString() === "Tammy Bruce"));
      // 1,201 mentions: only those near the viewport are drawn, and the last paragraph is far below it.
      expect(await isDrawn()).toBe(false);
      await page.evaluate(() => document.getElementById("last")!.scrollIntoView({ block: "center", behavior: "instant" }));
      await page.waitForFunction(() => [...(CSS.highlights.get("backstory-mention") ?? [])].some((r) => r.toString() === "Tammy Bruce"), undefined, { timeout: 3000 });
      // Drawn where it stands on the page, under the reader's pointer.
      await hoverMention(page, "Tammy Bruce");
      expect((await waitForCard(page)).label).toContain("Tammy Bruce");
      await page.close();
    });
  });

  describe("hover cards", () => {
    test.each([
      ["seed-article.ar.html", "دارشيف", "ar", "rtl", "ألكسندر دارشيف", "Alexander Darchiev", "منسوب إلى"],
      ["istanbul-talks.en.html", "Darchiev", "en", "ltr", "Alexander Darchiev", "ألكسندر دارشيف", "According to"],
    ])("%s: resting on %s opens his card with a fact, its claimant and its verbatim quote", async (name, mention, lang, dir, heading, otherName, according) => {
      const page = await browser.open(server.url(name));
      await hoverMention(page, mention);
      const card = await waitForCard(page);
      expect(card.role).toBe("dialog");
      expect(card.label).toContain(heading);
      expect(card.lang).toBe(lang);
      expect(card.dir).toBe(dir);
      expect(card.text).toContain(otherName);
      expect(card.text).toContain(according);
      const dataset = JSON.parse(await readFile(path.join(ROOT, "assets/datasets/istanbul-talks-2025.json"), "utf8"));
      const quotes: string[] = dataset.facts.filter((f: { about: string[] }) => f.about.includes("alexander-darchiev")).map((f: { quote: string }) => f.quote);
      expect(quotes.some((q) => card.fullText.includes(q))).toBe(true);

      // Expanding a fact's source line shows the quote to the reader.
      const shadow = (await ClosedShadow.find(page))!;
      const summary = await shadow.evaluate<{ x: number; y: number }>(`(root) => {
        const s = root.querySelector('details summary'); s.scrollIntoView({ block: 'nearest' }); const r = s.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }`);
      await page.mouse.move(summary.x, summary.y, { steps: 4 });
      await page.mouse.click(summary.x, summary.y);
      const shown = await shadow.evaluate<string>(`(root) => root.querySelector('details[open] blockquote')?.innerText ?? ''`);
      expect(quotes).toContain(shown.trim());
      await shadow.dispose();

      // The picture shows the card from its top: the name, then the background with its sources.
      await (await ClosedShadow.find(page))!.evaluate(`(root) => { root.querySelector('[role="dialog"]').scrollTop = 0; }`);
      await waitForCardSettled(page);
      await page.screenshot(path.join(ARTIFACTS, `card-${lang}.${browserName}.png`));
      await page.keyboard.press("Escape");
      await waitForNoCard(page);
      await page.close();
    });

    test("resting on «إسطنبول» inside the talks' name opens Istanbul's card, which offers the talks in one step", async () => {
      const talks = "المحادثات بين موسكو وواشنطن في إسطنبول";
      const talksName = "المحادثات الروسية الأمريكية في إسطنبول (أبريل 2025)";
      const page = await browser.open(server.url("seed-article.ar.html"));
      // The first nested «إسطنبول» on the page is the one in the talks' name (paragraph 4).
      const { x, y } = await mentionCentre(page, "إسطنبول", 0, NESTED_HIGHLIGHT);
      await page.mouse.move(x - 3, y, { steps: 2 });
      await page.mouse.move(x, y, { steps: 2 });
      let card = await waitForCard(page);
      expect(card.label).toBe("إسطنبول");
      expect(card.text).toContain(`جزء من: ${talksName}`);
      expect(await highlightedTexts(page, "backstory-active")).toEqual(["إسطنبول"]);
      await waitForCardSettled(page);
      await page.screenshot(path.join(ARTIFACTS, `nested-card-ar.${browserName}.png`));

      // The offer is a button the keyboard reaches: focus it and press Enter.
      const shadow = (await ClosedShadow.find(page))!;
      expect(await shadow.evaluate<string>(`(root) => { const b = root.querySelector('button.part-of'); b.focus(); return b.tagName + ':' + (root.activeElement === b); }`)).toBe("BUTTON:true");
      await shadow.dispose();
      await page.keyboard.press("Enter");
      await page.waitForFunction((name) => [...(CSS.highlights.get(name) ?? [])].map(String).join() !== "إسطنبول", "backstory-active", { timeout: 5000 });
      card = await waitForCard(page);
      expect(card.label).toBe(talksName);
      expect(card.text).not.toContain("جزء من");
      expect(await highlightedTexts(page, "backstory-active")).toEqual([talks]);
      await page.keyboard.press("Escape");
      await waitForNoCard(page);

      // The talks' own card stays one rest away: on the outer name outside the inner names.
      const start = await page.evaluate(({ name, text }) => {
        const range = [...(CSS.highlights.get(name) ?? [])].find((r) => r.toString() === text) as Range;
        const word = document.createRange();
        word.setStart(range.startContainer, range.startOffset);
        word.setEnd(range.startContainer, range.startOffset + "المحادثات".length);
        const rect = word.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }, { name: MENTION_HIGHLIGHT, text: talks });
      await page.mouse.move(start.x - 3, start.y, { steps: 2 });
      await page.mouse.move(start.x, start.y, { steps: 2 });
      card = await waitForCard(page);
      expect(card.label).toBe(talksName);
      await page.keyboard.press("Escape");
      await waitForNoCard(page);

      // In the underline style too, names inside names have a highlight of their own, a thicker underline.
      await browser.setSettings({ highlightStyle: "underline" });
      try {
        await page.waitForFunction((name) => CSS.highlights.has(name), "backstory-mention-underlined-nested", { timeout: 3000 });
        expect([...(await highlightedTexts(page, "backstory-mention-underlined-nested"))].sort()).toEqual([...(await expectedTexts("seed-article.ar.html", true))].sort());
        await page.screenshot(path.join(ARTIFACTS, `nested-underline-ar.${browserName}.png`));
      } finally {
        await browser.setSettings({ highlightStyle: "background" });
      }
      await page.close();
    });

    test("the card waits for the dwell delay, survives the trip into it, and closes after the pointer leaves both", async () => {
      const page = await browser.open(server.url("istanbul-talks.en.html"));
      const { x, y } = await mentionCentre(page, "Darchiev");
      await page.mouse.move(x, y, { steps: 2 });
      await sleep(120);
      expect(await readCard(page)).toBeNull(); // still within the dwell delay
      await waitForCard(page);

      // Into the card: it stays open.
      const shadow = (await ClosedShadow.find(page))!;
      const box = await shadow.evaluate<{ x: number; y: number }>(`(root) => {
        const r = root.querySelector('[role="dialog"]').getBoundingClientRect();
        return { x: r.left + 20, y: r.top + 20 };
      }`);
      await shadow.dispose();
      await page.mouse.move(box.x, box.y, { steps: 6 });
      await sleep(600);
      expect(await readCard(page)).not.toBeNull();

      // Away from both: it closes.
      await page.mouse.move(5, 790, { steps: 4 });
      await waitForNoCard(page, 2000);
      await page.close();
    });
    test("shortly before the dwell ends the card is laid out hidden (transparent, inert, not hit by the pointer), not earlier; the dwell's end shows it, and a frame later it takes the pointer", async () => {
      const dwell = 1500;
      await browser.setSettings({ hoverDelayMs: dwell });
      try {
        const page = await browser.open(server.url("istanbul-talks.en.html"));
        // The page itself records when our host arrives and each change of how it is, with the
        // animation frame it happened in: the hidden phase lasts only a few frames, too short to
        // inspect it from the test.
        await page.evaluate(() => {
          type State = { at: number; frame: number; inert: boolean; opacity: string; pointerEvents: string };
          const log: State[] = [];
          (window as unknown as { hostLog: typeof log }).hostLog = log;
          let frame = 0;
          const count = () => {
            frame++;
            requestAnimationFrame(count);
          };
          requestAnimationFrame(count);
          const note = (host: Element) => {
            const style = getComputedStyle(host);
            const state = { at: performance.now(), frame, inert: host.hasAttribute("inert"), opacity: style.opacity, pointerEvents: style.pointerEvents };
            const last = log.at(-1);
            if (last?.inert !== state.inert || last.opacity !== state.opacity || last.pointerEvents !== state.pointerEvents) log.push(state);
          };
          new MutationObserver((records) => {
            for (const record of records) {
              const added = [...record.addedNodes].find((n) => n instanceof Element && n.hasAttribute("data-backstory"));
              if (added) note(added as Element);
              else if (record.type === "attributes" && (record.target as Element).hasAttribute("data-backstory")) note(record.target as Element);
            }
          }).observe(document.documentElement, { childList: true, attributes: true, attributeFilter: ["inert", "style"], subtree: true });
        });
        const { x, y } = await mentionCentre(page, "Darchiev");
        const movedAt = await page.evaluate(() => performance.now());
        await page.mouse.move(x, y, { steps: 2 });
        expect((await waitForCard(page, dwell + 3000)).label).toContain("Alexander Darchiev");
        type State = { at: number; frame: number; inert: boolean; opacity: string; pointerEvents: string };
        const log = await page.evaluate(() => (window as unknown as { hostLog: State[] }).hostLog);
        expect(log.map(({ inert, opacity, pointerEvents }) => ({ inert, opacity, pointerEvents }))).toEqual([
          { inert: true, opacity: "0", pointerEvents: "none" },
          { inert: true, opacity: "1", pointerEvents: "none" },
          { inert: false, opacity: "1", pointerEvents: "auto" },
        ]);
        const [added, shown, interactive] = log as [State, State, State];
        // Nothing was added for most of the dwell (a pointer passing over names costs no
        // layout). How long it then stays hidden is the timers' business (150 ms, less on a
        // loaded machine, where timers fire late), so only the order is held here.
        expect(added.at - movedAt).toBeGreaterThan(dwell / 2);
        expect(shown.at).toBeGreaterThan(added.at);
        // Clearing `inert` restyles the whole card: not in the frame that shows it.
        expect(interactive.frame).toBeGreaterThan(shown.frame);
        expect(await page.evaluate(() => document.querySelectorAll("[data-backstory]").length)).toBe(1);
        // The entrance (a Web Animation) leaves the card fully opaque where it belongs.
        const open = (await ClosedShadow.find(page))!;
        await expect
          .poll(() => open.evaluate<string>(`(root) => { const card = root.querySelector('[role="dialog"]'); return card.getAnimations().length + " " + getComputedStyle(card).opacity; }`))
          .toBe("0 1");
        await open.dispose();
        await page.close();
      } finally {
        await browser.setSettings({ hoverDelayMs: 350 });
      }
    });
  });

  describe("source viewer", () => {
    test("a fact's source button opens the source viewer with its quote marked and in view", async () => {
      const page = await browser.open(server.url("seed-article.ar.html"));
      await hoverMention(page, "كيلينورث");
      const shadow = (await ClosedShadow.find(page))!;
      const button = await shadow.evaluate<{ x: number; y: number; quote: string }>(`(root) => {
        const details = root.querySelector('details');
        details.open = true;
        const b = details.querySelector('button');
        b.scrollIntoView({ block: 'center' });
        const r = b.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2, quote: details.querySelector('blockquote').textContent };
      }`);
      await shadow.dispose();
      const viewer = await browser.waitForNewPage(async () => {
        await page.mouse.move(button.x, button.y, { steps: 3 });
        await page.mouse.click(button.x, button.y);
      });
      await viewer.waitForSelector("mark#quote");
      // In view and not covered: what the reader sees at the mark's first line is the mark.
      const isSeen = () =>
        viewer.evaluate(() => {
          const m = document.querySelector("mark#quote")!;
          const r = m.getClientRects()[0]!;
          const seen = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return r.top >= 0 && r.bottom <= window.innerHeight && seen !== null && m.contains(seen);
        });
      await expect.poll(isSeen, { timeout: 3000 }).toBe(true);
      expect((await viewer.url()).startsWith(browser.extensionUrl("source.html?"))).toBe(true);
      const mark = await viewer.evaluate(() => ({
        text: document.querySelector("mark#quote")!.textContent,
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
      }));
      expect(mark.text).toBe(button.quote.trim());
      expect(mark.lang).toBe("ar");
      expect(mark.dir).toBe("rtl");
      await viewer.screenshot(path.join(ARTIFACTS, `source-viewer-ar.${browserName}.png`));
      await viewer.close();
      await page.close();
    });
  });

  describe("mutations", () => {
    test("appended and replaced text is highlighted within a second; removed text leaves no highlight", async () => {
      const page = await browser.open(server.url("istanbul-talks.en.html"));
      const before = (await highlightedTexts(page)).length;
      await page.evaluate(() => {
        const p = document.createElement("p");
        p.id = "added";
        p.textContent = "Late update: Sonata Coulter met Darchiev again.";
        document.querySelector("article, main, body")!.append(p);
      });
      await page.waitForFunction((n) => (CSS.highlights.get("backstory-mention")?.size ?? 0) === n + 2, before, { timeout: 1000 });
      expect(await page.evaluate(() => performance.getEntriesByName("backstory:rescan").length)).toBeGreaterThan(0);

      await page.evaluate(() => {
        document.getElementById("added")!.firstChild!.textContent = "Correction: Marco Rubio spoke.";
      });
      await page.waitForFunction(
        () => [...(CSS.highlights.get("backstory-mention") ?? [])].some((r) => r.toString() === "Marco Rubio" && document.getElementById("added")!.contains(r.startContainer)),
        undefined,
        { timeout: 1000 },
      );
      expect((await highlightedTexts(page)).length).toBe(before + 1);

      await page.evaluate(() => document.getElementById("added")!.remove());
      await page.waitForFunction((n) => CSS.highlights.get("backstory-mention")?.size === n, before, { timeout: 1000 });
      await page.close();
    });
  });

  describe("regions", () => {
    test("names in form fields, editable regions and code are not highlighted; in an open shadow root they are", async () => {
      const page = await browser.open(server.url("regions.html"));
      const texts = await highlightedTexts(page);
      expect([...texts].sort()).toEqual(["Alexander Darchiev", "Istanbul", "Killenworth"].sort());
      const inShadow = await page.evaluate(() =>
        [...(CSS.highlights.get("backstory-mention") ?? [])].some((r) => r.startContainer.getRootNode() instanceof ShadowRoot),
      );
      expect(inShadow).toBe(true);

      // Typing a name into the editable region does not highlight it either.
      await page.click("#editable p");
      await page.keyboard.type(" Moscow and Rubio");
      expect(await page.evaluate(() => document.getElementById("editable")!.textContent)).toContain("Moscow and Rubio");
      await sleep(300);
      expect([...(await highlightedTexts(page))].sort()).toEqual(["Alexander Darchiev", "Istanbul", "Killenworth"].sort());
      await page.close();
    });
  });

  describe("plain text", () => {
    test("a plain-text file opened directly is read like a page: its names are highlighted and open their cards", async () => {
      // Both browsers show text/plain as one <pre>; a page's own <pre> stays skipped (regions.html).
      const url = server.add("statement.txt", "Statement\n\nAlexander Darchiev met officials in Istanbul\nabout Killenworth.\n", "text/plain; charset=utf-8");
      const page = await browser.open(url);
      expect(await page.evaluate(() => document.contentType)).toBe("text/plain");
      expect([...(await highlightedTexts(page))].sort()).toEqual(["Alexander Darchiev", "Istanbul", "Killenworth"].sort());
      await hoverMention(page, "Killenworth");
      expect((await waitForCard(page)).label).toContain("Killenworth");
      await page.close();
    });
  });

  describe("keyboard", () => {
    test("the next-mention command opens a card with focus inside, and Escape returns focus", async () => {
      const page = await browser.open(server.url("istanbul-talks.en.html"));
      await page.focus("body");
      const reply = (await browser.sendToTab(page, { type: "focusNextMention" })) as { ok: boolean; value: { focused: boolean } };
      expect(reply).toEqual({ ok: true, value: { focused: true } });
      await waitForCard(page);
      // Focus inside a closed shadow root shows to the page as focus on its host.
      await page.waitForFunction(() => document.activeElement?.hasAttribute("data-backstory") === true, undefined, { timeout: 1000 });
      const focusInside = (await ClosedShadow.find(page))!;
      expect(await focusInside.evaluate<boolean>(`(root) => root.activeElement !== null && root.querySelector('[role="dialog"]').contains(root.activeElement)`)).toBe(true);
      await focusInside.dispose();

      // Tab moves between the card's controls without leaving it for the page.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-backstory"))).toBe(true);

      await page.keyboard.press("Escape");
      await waitForNoCard(page);
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

      // Each command moves on to a later mention (the active highlight marks the one reached).
      const activeRange = () =>
        page.evaluate(() => {
          const [range] = [...(CSS.highlights.get("backstory-active") ?? [])] as Range[];
          (window as unknown as { __ranges: Range[] }).__ranges ??= [];
          (window as unknown as { __ranges: Range[] }).__ranges.push(range!);
          return range!.toString();
        });
      for (let i = 0; i < 2; i++) {
        expect(await browser.sendToTab(page, { type: "focusNextMention" })).toEqual({ ok: true, value: { focused: true } });
        await waitForCard(page);
        expect((await activeRange()).length).toBeGreaterThan(0);
        await page.keyboard.press("Escape");
        await waitForNoCard(page);
      }
      const order = await page.evaluate(() => {
        const ranges = (window as unknown as { __ranges: Range[] }).__ranges;
        return ranges.slice(1).map((r, i) => r.compareBoundaryPoints(Range.START_TO_START, ranges[i]!));
      });
      expect(order).toEqual([1]);
      await page.close();
    });
    test("Tab to a link that holds a name opens its card, focus staying on the link; an element out of the Tab order that the page focuses, or a container Tab reaches, opens none", async () => {
      const url = server.add(
        "focus-order.html",
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Focus order</title></head><body>
          <main id="story" tabindex="-1"><h1>Talks in Istanbul</h1><p>Alexander Darchiev met the delegation on Thursday.</p></main>
          <div id="table" tabindex="0" role="region" aria-label="Delegations"><table><tr><td>Sonata Coulter</td><td>${"Head of the US delegation to the talks, which met for six hours. ".repeat(8)}</td></tr></table></div>
          <p>Read more: <a id="more" href="#more">Killenworth</a>.</p></body></html>`,
      );
      const page = await browser.open(url);
      // What a single-page site does after each navigation, and a skip link for its story.
      await page.evaluate(() => document.getElementById("story")!.focus());
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("story");
      await sleep(1500);
      expect(await hasOverlayHost(page)).toBe(false);
      // A wide table's region, in the Tab order so the keyboard can scroll it: focused for all it holds.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("table");
      await sleep(1500);
      expect(await hasOverlayHost(page)).toBe(false);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("more");
      expect((await waitForCard(page)).label).toContain("Killenworth");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("more");
      await page.keyboard.press("Escape");
      await waitForNoCard(page);
      await page.close();
    });
  });

  describe("accessibility", () => {
    test.each([
      ["seed-article.ar.html", "دارشيف", MENTION_HIGHLIGHT],
      ["istanbul-talks.en.html", "Killenworth", MENTION_HIGHLIGHT],
      // A name inside a longer name: the card with its "Part of" button.
      ["seed-article.ar.html", "إسطنبول", NESTED_HIGHLIGHT],
    ])("%s: axe-core finds no violations inside the open card (%s)", async (name, mention, highlight) => {
      const page = await browser.open(server.url(name));
      await hoverMention(page, mention, 0, highlight);
      const axeSource = await readFile(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
      const shadow = (await ClosedShadow.find(page))!;
      // Open every source line so the quotes are checked too.
      await shadow.evaluate(`(root) => root.querySelectorAll('details').forEach((d) => { d.open = true; })`);
      // axe cannot see into a closed root from the document, so it runs on a copy of the card
      // with its styles in a page of its own, where it checks structure, names and contrast.
      const markup = await shadow.evaluate<string>(`(root) => root.innerHTML`);
      await shadow.dispose();
      const copy = await browser.newPage();
      // A realistic host page (title, h1, main), so page-level rules judge the card, not the
      // scaffold; built in about:blank, where the extension does not run.
      await copy.evaluate(async (html) => {
        document.documentElement.lang = "en";
        document.head.innerHTML = "<title>card</title>";
        document.body.innerHTML = "<main><h1>News</h1></main>";
        const host = document.createElement("div");
        document.querySelector("main")!.append(host);
        const root = host.attachShadow({ mode: "open" });
        root.innerHTML = html;
        // The copy fades in as the card does; contrast is judged once it is opaque.
        await Promise.all(root.getAnimations().map((a) => a.finished));
      }, markup);
      await copy.runScript(axeSource);
      const violations = await copy.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }, rules: { region: { enabled: false } } });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations).toEqual([]);
      await copy.close();
      await page.close();
    });
  });
});
