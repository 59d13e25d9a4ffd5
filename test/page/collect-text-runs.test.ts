import { parseHTML } from "linkedom";
import { Window } from "happy-dom";
import { describe, expect, test } from "vitest";
import { collectTextRuns, collectTextRunsInSteps, isInSkippedRegion, positionInRun } from "../../src/page/collect-text-runs.ts";

function runsOf(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return [...collectTextRuns(document.body)].map((run) => run.text);
}

describe("collectTextRuns", () => {
  test.each([
    ["joins text across inline elements", "<p><b>Pioneer</b> Point</p>", ["Pioneer Point"]],
    ["joins across links", "<p><a href=#>ألكسندر</a> <a href=#>دارشيف</a> قال</p>", ["ألكسندر دارشيف قال"]],
    ["joins across nested inline elements", "<p>A<span><em>B</em>C</span>D</p>", ["ABCD"]],
    ["separates blocks", "<p>one</p><p>two</p>", ["one", "two"]],
    ["separates list items and headings", "<h1>t</h1><ul><li>a</li><li>b</li></ul>", ["t", "a", "b"]],
    ["separates at <br>", "<p>one<br>two</p>", ["one", "two"]],
    ["keeps text around a nested block apart", "<div>before<p>inside</p>after</div>", ["before", "inside", "after"]],
    ["treats unknown (custom) elements as blocks", "<p>x<news-byline>y</news-byline>z</p>", ["x", "y", "z"]],
    ["skips scripts, styles and templates", "<p>a</p><script>Moscow</script><style>b{}</style><template>Moscow</template>", ["a"]],
    ["skips noscript", "<noscript>Moscow</noscript><p>a</p>", ["a"]],
    ["skips form fields", "<textarea>Moscow</textarea><select><option>Moscow</option></select><p>a</p>", ["a"]],
    ["skips code and pre", "<p>see <code>Moscow</code> now</p><pre>Moscow</pre>", ["see ", " now"]],
    ["skips contenteditable regions and their children", "<div contenteditable=true><p>Moscow</p></div><div contenteditable>x</div><p>a</p>", ["a"]],
    ["keeps contenteditable=false", "<div contenteditable=false>Moscow</div>", ["Moscow"]],
    ["skips the extension's overlay host", "<div data-backstory><p>Moscow</p></div><p>a</p>", ["a"]],
    ["drops runs of white space only", "<p> </p><p>\n\t</p><p>a</p>", ["a"]],
  ])("%s", (_case, html, expected) => {
    expect(runsOf(html)).toEqual(expected);
  });

  test("reads the browser's view of a plain-text file (its one <pre>), and only there", () => {
    // Both browsers show a text/plain file as one <pre> in an HTML document of their own.
    const text = "Alexander Darchiev met\nSonata Coulter in Istanbul.";
    const { document } = parseHTML(`<!doctype html><html><body><pre>${text}</pre></body></html>`);
    Object.defineProperty(document, "contentType", { value: "text/plain" });
    expect([...collectTextRuns(document.body)].map((r) => r.text)).toEqual([text]);
    const pre = document.querySelector("pre")!;
    expect(isInSkippedRegion(pre.firstChild!)).toBe(false);
    // The same <pre> in a page of the web's own is code or laid-out text: skipped.
    const page = parseHTML(`<!doctype html><html><body><pre>${text}</pre></body></html>`).document;
    Object.defineProperty(page, "contentType", { value: "text/html" });
    expect([...collectTextRuns(page.body)]).toEqual([]);
    expect(isInSkippedRegion(page.querySelector("pre")!.firstChild!)).toBe(true);
  });

  test("in steps: a pause offered every 256 elements, inside one run of 1,000 nested inline elements too, and the same runs", () => {
    const nested = `${"<span>".repeat(1000)}deep${"</span>".repeat(1000)}`;
    const { document } = parseHTML(`<!doctype html><html><body><p>Pioneer ${nested} Point</p><p>Moscow</p></body></html>`);
    const steps = [...collectTextRunsInSteps(document.body)];
    // body, two p and 1,000 spans: 1,003 elements, so three pauses (after the 256th, 512th and 768th), all inside the first run.
    expect(steps.map((s) => (s === null ? null : s.text))).toEqual([null, null, null, "Pioneer deep Point", "Moscow"]);
    expect([...collectTextRuns(document.body)].map((r) => r.text)).toEqual(["Pioneer deep Point", "Moscow"]);
  });

  test("maps run offsets back to text nodes", () => {
    const { document } = parseHTML("<p><b>Pioneer</b> Point</p>");
    const [run] = [...collectTextRuns(document)];
    expect(run!.nodes.map((n) => n.data)).toEqual(["Pioneer", " Point"]);
    expect(run!.starts).toEqual([0, 7]);
    expect(positionInRun(run!, 0, false)).toEqual({ node: run!.nodes[0], offset: 0 });
    // At a node boundary, a start belongs to the later node and an end to the earlier one.
    expect(positionInRun(run!, 7, false)).toEqual({ node: run!.nodes[1], offset: 0 });
    expect(positionInRun(run!, 7, true)).toEqual({ node: run!.nodes[0], offset: 7 });
    expect(positionInRun(run!, 13, true)).toEqual({ node: run!.nodes[1], offset: 6 });
  });

  test("walks 5,000 levels of nesting without overflowing the stack", () => {
    const depth = 5000;
    const html = `${"<span>".repeat(depth)}Moscow${"</span>".repeat(depth)}`;
    const { document } = parseHTML(`<p>${html}</p>`);
    expect([...collectTextRuns(document)].map((r) => r.text)).toEqual(["Moscow"]);
  });

  test("descends into open shadow roots, as separate runs", () => {
    const window = new Window();
    const document = window.document;
    document.body.innerHTML = "<p>light</p><news-card></news-card>";
    const host = document.querySelector("news-card")!;
    const shadow = host.attachShadow({ mode: "open" });
    shadow.innerHTML = "<p>in <b>shadow</b></p>";
    const runs = [...collectTextRuns(document.body as unknown as Node)].map((r) => r.text);
    expect(runs).toEqual(["light", "in shadow"]);
    window.close();
  });

  test("isInSkippedRegion sees form fields, code and editable ancestors", () => {
    const { document } = parseHTML("<div contenteditable><p id=a>x</p></div><code><b id=b>y</b></code><p id=c>z</p>");
    expect(isInSkippedRegion(document.getElementById("a")!)).toBe(true);
    expect(isInSkippedRegion(document.getElementById("b")!)).toBe(true);
    expect(isInSkippedRegion(document.getElementById("c")!)).toBe(false);
  });
});
