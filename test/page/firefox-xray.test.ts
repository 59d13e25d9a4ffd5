// @vitest-environment happy-dom
/**
 * In a Firefox content script, `CSS.highlights` and every `Highlight` are Xray wrappers: add,
 * delete, has, size, get and set work, but iterating one throws ("Xray wrapping of iterators
 * not supported") and `forEach` throws ("Permission denied"). The overlay must therefore never
 * read ranges back out of a highlight. This runs the real overlay (scan, rescan, hover, the
 * keyboard command, revealing an entity, a style change, the page clearing the registry, and
 * turning it off) against a highlight API that behaves that way and records every forbidden
 * use, even one the product code would catch; and checks the sources for the registry
 * iterations a run might not reach.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { compileMatcherTable } from "../../src/core/compile-matcher-table.ts";
import { buildEntityCard } from "../../src/core/entity-card.ts";
import { Matcher } from "../../src/core/matcher.ts";
import type { askBackground as askBackgroundType } from "../../src/extension/messaging.ts";
import { parseSettings } from "../../src/shared/settings.ts";
import { listFiles } from "../../scripts/lib/list-files.ts";
import { BUNDLED_DATASET, readDatasetFile } from "../../scripts/lib/read-dataset-file.ts";
import { asReaderInput } from "./page-fakes.ts";

/** Every forbidden use of the highlight API, as Firefox would have thrown it. */
const forbidden: string[] = [];

function refuse(what: string, message: string): never {
  forbidden.push(what);
  throw new Error(message);
}
const ITERATOR = "Xray wrapping of iterators not supported.";
const PERMISSION = "Permission denied to access object";

/** A `Highlight` as a Firefox content script sees it. */
class XrayHighlight {
  readonly #ranges = new Set<AbstractRange>();
  priority = 0;
  type = "highlight";

  constructor(...ranges: AbstractRange[]) {
    for (const range of ranges) this.#ranges.add(range);
  }
  add(range: AbstractRange): this {
    this.#ranges.add(range);
    return this;
  }
  delete(range: AbstractRange): boolean {
    return this.#ranges.delete(range);
  }
  has(range: AbstractRange): boolean {
    return this.#ranges.has(range);
  }
  get size(): number {
    return this.#ranges.size;
  }
  clear(): void {
    refuse("Highlight.clear", PERMISSION); // not among the members known to work through an Xray
  }
  keys(): never {
    return refuse("Highlight.keys", ITERATOR);
  }
  values(): never {
    return refuse("Highlight.values", ITERATOR);
  }
  entries(): never {
    return refuse("Highlight.entries", ITERATOR);
  }
  forEach(): never {
    return refuse("Highlight.forEach", PERMISSION);
  }
  [Symbol.iterator](): never {
    return refuse("Highlight[Symbol.iterator] (for…of or spread)", ITERATOR);
  }
  /** The ranges as the page's own scripts (not the content script) can read them. */
  rangesForPage(): AbstractRange[] {
    return [...this.#ranges];
  }
}

/** `CSS.highlights` as a Firefox content script sees it, with `highlightsFromPoint` aimed by the test. */
class XrayHighlightRegistry {
  readonly #entries = new Map<string, XrayHighlight>();
  /** The text under the pointer, for `highlightsFromPoint` (happy-dom has no layout). */
  textUnderPointer: string | null = null;

  get(name: string): XrayHighlight | undefined {
    return this.#entries.get(name);
  }
  set(name: string, highlight: XrayHighlight): this {
    this.#entries.set(name, highlight);
    return this;
  }
  has(name: string): boolean {
    return this.#entries.has(name);
  }
  delete(name: string): boolean {
    return this.#entries.delete(name);
  }
  get size(): number {
    return this.#entries.size;
  }
  keys(): never {
    return refuse("CSS.highlights.keys", ITERATOR);
  }
  values(): never {
    return refuse("CSS.highlights.values", ITERATOR);
  }
  entries(): never {
    return refuse("CSS.highlights.entries", ITERATOR);
  }
  forEach(): never {
    return refuse("CSS.highlights.forEach", PERMISSION);
  }
  [Symbol.iterator](): never {
    return refuse("CSS.highlights[Symbol.iterator]", ITERATOR);
  }
  /** Present and working in Firefox 153's content scripts: a plain array of plain records. */
  highlightsFromPoint(): { highlight: XrayHighlight; ranges: AbstractRange[] }[] {
    const hits: { highlight: XrayHighlight; ranges: AbstractRange[] }[] = [];
    for (const highlight of this.#entries.values()) {
      const ranges = highlight.rangesForPage().filter((r) => r instanceof Range && r.toString() === this.textUnderPointer);
      if (ranges.length > 0) hits.push({ highlight, ranges: ranges.slice(0, 1) });
    }
    return hits;
  }
  /** What the page's scripts may do: empty the registry. */
  clearAsThePage(): void {
    this.#entries.clear();
  }
}

const registry = new XrayHighlightRegistry();
vi.stubGlobal("Highlight", XrayHighlight);
vi.stubGlobal("CSS", { highlights: registry, escape: (s: string) => s });

const dataset = await readDatasetFile(BUNDLED_DATASET);
if (!dataset.ok) throw new Error("the bundled dataset is invalid");

// The card asks the background for its content; answer as the background does.
const askBackground = (async (request: { type: string; entity: string }) =>
  request.type === "getEntityCard" ? { ok: true, value: buildEntityCard(dataset.dataset, request.entity) } : { ok: false, error: "not in this test" }) as typeof askBackgroundType;
const { Overlay } = await import("../../src/page/overlay.ts");
// The card's UI as the background injects it into the frame, here imported from its source.
const { createCardView } = await import("../../src/page/card-view.ts");

const PAGE = `
  <article>
    <h1>Talks in Istanbul</h1>
    <p id="first">Alexander Darchiev met Sonata Coulter in Istanbul.</p>
    <p id="second">Later, <b>Darchiev</b> spoke of Killenworth and Pioneer Point.</p>
    <p id="third" lang="ar">جرت المحادثات بين موسكو وواشنطن في إسطنبول.</p>
  </article>`;
const TALKS = "المحادثات بين موسكو وواشنطن في إسطنبول";

/** Our highlighted texts, read as the page would read them. */
function highlighted(name = "backstory-mention"): string[] {
  return (registry.get(name)?.rangesForPage() ?? []).map(String).sort();
}

describe("the overlay with Firefox's Xray-wrapped highlight API", () => {
  let overlay: InstanceType<typeof Overlay>;
  const settings = { ...parseSettings(undefined).settings, hoverDelayMs: 0 };

  /** The card's shadow roots, closed to the page, caught as the overlay attaches them. */
  const shadowRoots: ShadowRoot[] = [];

  beforeAll(async () => {
    document.body.innerHTML = PAGE;
    const attachShadow = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, "attachShadow").mockImplementation(function (this: Element, init: ShadowRootInit) {
      const root = attachShadow.call(this, init);
      shadowRoots.push(root);
      return root;
    });
    // happy-dom has no layout: every range is "under" the pointer once `highlightsFromPoint` names it.
    vi.spyOn(Range.prototype, "getClientRects").mockImplementation(() => {
      const rect = { left: 0, top: 0, right: 10_000, bottom: 10_000, width: 10_000, height: 10_000, x: 0, y: 0 };
      return Object.assign([rect], { item: (i: number) => (i === 0 ? rect : null) }) as unknown as DOMRectList;
    });
    overlay = new Overlay(document, new Matcher(compileMatcherTable([dataset.dataset])), settings, () => {}, askBackground, async () => ({ createCardView }));
    await overlay.start();
  });
  afterAll(() => {
    overlay?.stop();
    vi.restoreAllMocks();
  });

  test("the initial scan highlights the names, names inside names in a highlight of their own", () => {
    expect(highlighted()).toEqual(["Alexander Darchiev", "Darchiev", "Istanbul", "Istanbul", "Killenworth", "Pioneer Point", "Sonata Coulter", TALKS].sort());
    expect(highlighted("backstory-mention-nested")).toEqual(["إسطنبول", "موسكو", "واشنطن"].sort());
    expect(forbidden).toEqual([]);
  });

  test("the popup's counts include names inside names", () => {
    const { mentions, entities } = overlay.entitiesOnPage();
    expect(mentions).toBe(11);
    expect(entities.find((e) => e.id === "istanbul")?.mentions).toBe(3);
    expect(entities.find((e) => e.id === "istanbul-talks-2025")?.mentions).toBe(1);
    expect(entities.find((e) => e.id === "moscow")?.mentions).toBe(1);
    // The badge's report: the same count and the same entities, unsorted.
    const counts = overlay.mentionCounts();
    expect(counts.mentions).toBe(11);
    expect([...counts.entities].sort()).toEqual(entities.map((e) => e.id).sort());
  });

  test("a changed paragraph is rescanned: its old ranges are deleted, new ones added", async () => {
    document.getElementById("first")!.textContent = "Marco Rubio arrived.";
    await vi.waitFor(() => expect(highlighted()).toContain("Marco Rubio"), { timeout: 2000 });
    expect(highlighted()).not.toContain("Alexander Darchiev");
    expect(forbidden).toEqual([]);
  });

  test("hovering a name hit-tests through highlightsFromPoint and opens its card", async () => {
    registry.textUnderPointer = "Killenworth";
    window.dispatchEvent(asReaderInput(new PointerEvent("pointermove", { clientX: 5, clientY: 5, pointerType: "mouse", bubbles: true })));
    await vi.waitFor(() => expect(document.querySelector("[data-backstory]")).not.toBeNull(), { timeout: 2000 });
    expect(highlighted("backstory-active")).toEqual(["Killenworth"]);
    expect(forbidden).toEqual([]);
  });

  test("hovering a name inside a longer name opens its own card, whose button switches to the longer name's", async () => {
    registry.textUnderPointer = "إسطنبول";
    window.dispatchEvent(asReaderInput(new PointerEvent("pointermove", { clientX: 7, clientY: 7, pointerType: "mouse", bubbles: true })));
    await vi.waitFor(() => expect(highlighted("backstory-active")).toEqual(["إسطنبول"]), { timeout: 2000 });
    const root = shadowRoots.at(-1)!;
    await vi.waitFor(() => expect(root.querySelector("h2")?.textContent).toBe("إسطنبول"), { timeout: 2000 });
    const button = root.querySelector<HTMLButtonElement>("button.part-of")!;
    expect(button.textContent).toBe("جزء من: المحادثات الروسية الأمريكية في إسطنبول (أبريل 2025)");
    button.click();
    await vi.waitFor(() => expect(highlighted("backstory-active")).toEqual([TALKS]), { timeout: 2000 });
    await vi.waitFor(() => expect(shadowRoots.at(-1)!.querySelector("h2")?.textContent).toBe("المحادثات الروسية الأمريكية في إسطنبول (أبريل 2025)"), { timeout: 2000 });
    expect(shadowRoots.at(-1)!.querySelector("button.part-of")).toBeNull();
    expect(forbidden).toEqual([]);
  });

  test("the keyboard command and revealing an entity move the active highlight", async () => {
    expect(await overlay.focusNextMention()).toBe(true);
    expect(highlighted("backstory-active")).toHaveLength(1);
    expect(await overlay.revealEntity("pioneer-point")).toBe(true);
    expect(highlighted("backstory-active")).toEqual(["Pioneer Point"]);
    expect(forbidden).toEqual([]);
  });

  test("a new highlight style moves the ranges to the other highlight name", () => {
    overlay.updateSettings({ ...settings, highlightStyle: "underline" });
    expect(registry.has("backstory-mention")).toBe(false);
    expect(highlighted("backstory-mention-underlined")).toContain("Killenworth");
    overlay.updateSettings(settings);
    expect(highlighted()).toContain("Killenworth");
    expect(forbidden).toEqual([]);
  });

  test("the page emptying the registry: the next pointer frame registers our highlights again", async () => {
    registry.clearAsThePage();
    registry.textUnderPointer = null;
    window.dispatchEvent(asReaderInput(new PointerEvent("pointermove", { clientX: 6, clientY: 6, pointerType: "mouse", bubbles: true })));
    await vi.waitFor(() => expect(registry.has("backstory-mention")).toBe(true), { timeout: 2000 });
    expect(forbidden).toEqual([]);
  });

  test("turning the overlay off removes every highlight without reading any back", () => {
    const ours = registry.get("backstory-mention")!;
    overlay.stop();
    expect(registry.has("backstory-mention")).toBe(false);
    expect(registry.has("backstory-active")).toBe(false);
    expect(ours.size).toBe(0);
    expect(document.querySelector("[data-backstory]")).toBeNull();
    expect(forbidden).toEqual([]);
  });
});

describe("sources", () => {
  /** Iterating the registry, which throws in a Firefox content script. */
  const registryIteration = /CSS\.highlights\s*\.\s*(keys|values|entries|forEach)\s*\(|\.\.\.\s*CSS\.highlights\b|of\s+CSS\.highlights\b/;

  test("no file of the content script or its UI iterates CSS.highlights", async () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const files = [...(await listFiles(path.join(root, "src/page"))), ...(await listFiles(path.join(root, "src/ui")))].filter((f) => /\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    const offenders: string[] = [];
    for (const file of files) {
      const lines = (await readFile(file, "utf8")).split("\n");
      lines.forEach((line, i) => {
        if (registryIteration.test(line)) offenders.push(`${path.relative(root, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
