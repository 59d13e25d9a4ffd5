// @vitest-environment happy-dom
/** The sub-frame gate's check: prose of four words or more, in a frame big enough to read. */
import { describe, expect, test } from "vitest";
import { hasTextWorthScanning } from "../../src/page/has-text-worth-scanning.ts";

const readable = { innerWidth: 300, innerHeight: 250 };

function documentWith(body: string): Document {
  const doc = document.implementation.createHTMLDocument("frame");
  doc.body.innerHTML = body;
  return doc;
}

describe("hasTextWorthScanning", () => {
  test.each([
    ["an article's sentence", "<p>The spokeswoman Tammy Bruce answered questions.</p>", true],
    ["four Arabic words", "<p>وصل دارشيف إلى إسطنبول</p>", true],
    ["words split over elements", "<p><a>Sergei</a> <b>Lavrov</b> met <i>reporters</i></p>", true],
    ["nothing", "", false],
    ["an image and a label", '<img alt="x"><span>Advertisement</span>', false],
    ["three words", "<span>Sponsored</span> <a>Shop now</a>", false],
    ["single letters and numbers are not words", "<p>a b c d 1 2 3 4 5 6</p>", false],
    ["punctuation between letters splits words", "<p>a.b c-d e/f g_h 2025-04-10</p>", false],
    ["Cyrillic words count", "<p>Лавров встретился вчера с журналистами</p>", true],
    ["text inside scripts, styles, noscript and templates", "<script>var a = 'Tammy Bruce met the press';</script><style>/* Tammy Bruce met press */</style><noscript>Tammy Bruce met the press</noscript><template>Tammy Bruce met the press</template>", false],
    ["text inside an inline SVG", "<svg><text>Tammy Bruce met the press</text></svg>", false],
  ])("%s", (_, body, expected) => {
    expect(hasTextWorthScanning(documentWith(body), readable)).toBe(expected);
  });

  test.each([
    ["a 1×1 tracking frame", 1, 1, false],
    ["a hidden 0×0 frame", 0, 0, false],
    ["a frame 39 px wide", 39, 200, false],
    ["a frame 15 px high", 300, 15, false],
    ["a 40×16 frame", 40, 16, true],
  ])("%s", (_, innerWidth, innerHeight, expected) => {
    const doc = documentWith("<p>The spokeswoman Tammy Bruce answered questions.</p>");
    expect(hasTextWorthScanning(doc, { innerWidth, innerHeight })).toBe(expected);
  });

  test("a frame without words does not read its size (a cost in every ad frame); a busy one does", () => {
    let reads = 0;
    const view = {
      get innerWidth() {
        reads++;
        return 1;
      },
      innerHeight: 1,
    };
    expect(hasTextWorthScanning(documentWith('<img alt="x"><span>Advertisement</span>'), view)).toBe(false);
    expect(reads).toBe(0);
    // More nodes than the check looks at counts as text, but a 1×1 frame still cannot be read.
    expect(hasTextWorthScanning(documentWith("<i></i>".repeat(6000)), view)).toBe(false);
    expect(reads).toBe(1);
  });
});
