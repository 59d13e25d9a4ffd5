/**
 * The highlights the default style draws must not paint beyond their text. In Chromium a
 * `::highlight()` with a text decoration, a text shadow or another effect that overflows the
 * text makes every frame in which the page changes anything recompute the ink overflow of each
 * highlighted text node and its ancestors (`HighlightRegistry::ValidateHighlightMarkers`): on
 * the bench's 2 MB page, hover → card went from 9.9 to 32.6 ms and any repaint of the page
 * from 7.0 to 20.5 ms with the underline. Only the reader's choice of underline may use one.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Each `::highlight(name)` rule of the content script's stylesheet, as its declarations by property. */
async function highlightRules(): Promise<Map<string, Map<string, string>>> {
  const css = (await readFile(path.join(ROOT, "static/content-script.css"), "utf8")).replace(/\/\*[\s\S]*?\*\//g, "");
  const rules = new Map<string, Map<string, string>>();
  for (const [, name, body] of css.matchAll(/::highlight\(([\w-]+)\)\s*\{([^}]*)\}/g)) {
    const declarations = new Map<string, string>();
    for (const declaration of body!.split(";")) {
      const colon = declaration.indexOf(":");
      if (colon > 0) declarations.set(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
    }
    rules.set(name!, declarations);
  }
  return rules;
}

/** Properties that make a highlight paint beyond its text (Chromium: `HasAppliedTextDecorations`, `HasVisualOverflowingEffect`). */
const OVERFLOWING = /^(text-decoration|text-underline|text-shadow|text-emphasis|-webkit-text-stroke|outline|box-shadow)/;

describe("the content script's highlight styles", () => {
  test.each(["backstory-mention", "backstory-mention-nested", "backstory-active"])("%s (drawn in the default style) is a background only", async (name) => {
    const rule = (await highlightRules()).get(name);
    expect(rule, `a ::highlight(${name}) rule`).toBeDefined();
    expect([...rule!.keys()].filter((property) => OVERFLOWING.test(property))).toEqual([]);
    expect(rule!.get("background-color")).toMatch(/^rgb\(/);
  });

  test("the underline style, the reader's choice, underlines names and names inside names", async () => {
    const rules = await highlightRules();
    expect(rules.get("backstory-mention-underlined")?.get("text-decoration-line")).toBe("underline");
    expect(rules.get("backstory-mention-underlined-nested")?.get("text-decoration-line")).toBe("underline");
  });
});
