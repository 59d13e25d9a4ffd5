// @vitest-environment happy-dom
/**
 * What a rescan covers after a mutation: the enclosing block of the change, except when a
 * block's own child list only gains or loses run separators (blocks, `<br>`, skipped elements)
 * beside no inline content on one side. Then no run of the block was split or joined, and only
 * the added nodes are scanned: an ad's container appended to <body> must not rescan the page.
 */
import { describe, expect, test } from "vitest";
import { collectTextRuns, nodesChangedBy } from "../../src/page/collect-text-runs.ts";

/**
 * The record the DOM standard gives for `change`, an insertion or removal of `nodes` under their
 * parent. Built here because happy-dom leaves a record's `previousSibling` and `nextSibling` null.
 */
function recordOf(kind: "added" | "removed", nodes: Node[], change: () => void): MutationRecord {
  const target = nodes[0]!.parentNode ?? document.body;
  change();
  const first = nodes[0]!;
  const last = nodes[nodes.length - 1]!;
  const around = kind === "added" ? { previousSibling: first.previousSibling, nextSibling: last.nextSibling } : removedAround;
  return {
    type: "childList",
    target: kind === "added" ? first.parentNode! : target,
    addedNodes: (kind === "added" ? nodes : []) as unknown as NodeList,
    removedNodes: (kind === "removed" ? nodes : []) as unknown as NodeList,
    ...around,
  } as unknown as MutationRecord;
}
let removedAround = { previousSibling: null as Node | null, nextSibling: null as Node | null };

/** Inserts `node` with `insert`, and the ids (or node names) of the nodes to rescan after it. */
function afterAdding(html: string, node: Node, insert: (node: Node) => void): string[] {
  document.body.innerHTML = html;
  return names(nodesChangedBy(recordOf("added", [node], () => insert(node))));
}

/** Removes the element `id`, and the ids (or node names) of the nodes to rescan after it. */
function afterRemoving(html: string, id: string): string[] {
  document.body.innerHTML = html;
  const node = byId(id);
  removedAround = { previousSibling: node.previousSibling, nextSibling: node.nextSibling };
  return names(nodesChangedBy(recordOf("removed", [node], () => node.remove())));
}

function names(nodes: Node[]): string[] {
  return nodes.map((n) => (n as Element).id || n.nodeName);
}

/** The records of `change`, as happy-dom delivers them (for changes that need no siblings). */
function recordsOf(change: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => {});
  observer.observe(document, { childList: true, characterData: true, subtree: true });
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

function byId(id: string): HTMLElement {
  return document.getElementById(id)!;
}

function element(tag: string, id: string, text = ""): HTMLElement {
  const e = document.createElement(tag);
  e.id = id;
  e.textContent = text;
  return e;
}

describe("nodesChangedBy", () => {
  test("a block or a script appended to <body> after the article: only it", () => {
    const html = `<article id="a"><p>Rubio met Darchiev.</p></article>\n`;
    expect(afterAdding(html, element("div", "ad", "Advertisement"), (n) => document.body.append(n))).toEqual(["ad"]);
    expect(afterAdding(html, element("script", "s"), (n) => document.body.append(n))).toEqual(["s"]);
    expect(afterAdding(html, element("aside", "banner", "Cookies"), (n) => byId("a").before(n))).toEqual(["banner"]);
  });

  test("a block removed from between blocks: nothing to rescan", () => {
    expect(afterRemoving(`<p id="p1">Rubio</p>\n<div id="ad">Ad</div>\n<p id="p2">Lavrov</p>`, "ad")).toEqual([]);
  });

  test("a block or <br> put between two stretches of inline text splits their run: the enclosing block", () => {
    const html = `<div id="box">Pioneer <b id="b">Point</b></div>`;
    expect(afterAdding(html, element("div", "d"), (n) => byId("b").before(n))).toEqual(["box"]);
    expect(afterAdding(html, document.createElement("br"), (n) => byId("b").before(n))).toEqual(["box"]);
    // Text on one side only: no run is split.
    expect(afterAdding(html, element("div", "d"), (n) => byId("box").append(n))).toEqual(["d"]);
  });

  test("a block taken from between two stretches of inline text joins them: the enclosing block", () => {
    expect(afterRemoving(`<div id="box">Pioneer <div id="d"></div><b>Point</b></div>`, "d")).toEqual(["box"]);
  });

  test("inline content added, text written, or a change inside an inline element: the enclosing block", () => {
    const html = `<p id="p">Sergei <span id="s"></span></p>`;
    expect(afterAdding(html, element("b", "b", "Lavrov"), (n) => byId("p").append(n))).toEqual(["p"]);
    expect(afterAdding(html, document.createTextNode(" Lavrov"), (n) => byId("p").append(n))).toEqual(["p"]);
    expect(afterAdding(html, element("div", "d", "Lavrov"), (n) => byId("s").append(n))).toEqual(["p"]);
    document.body.innerHTML = html;
    expect(names(recordsOf(() => ((byId("p").firstChild as Text).data = "Sergei Lavrov")).flatMap(nodesChangedBy))).toEqual(["p"]);
  });

  test("rescanning what it names leaves no run of the page uncollected", () => {
    const html = `<article id="a"><p>Rubio met <b>Darchiev</b>.</p>Pioneer <div id="d">x</div><i>Point</i></article>`;
    const runsOf = (root: Node) => [...collectTextRuns(root)].map((r) => r.text);
    const cases: [string, () => string[]][] = [
      ["a block appended", () => afterAdding(html, element("div", "ad", "Moscow and Washington"), (n) => byId("a").append(n))],
      ["a block removed from inside a run", () => afterRemoving(html, "d")],
      ["a script put first", () => afterAdding(html, element("script", "s", "var x"), (n) => byId("a").prepend(n))],
    ];
    for (const [what, change] of cases) {
      document.body.innerHTML = html;
      const before = runsOf(document.body);
      const rescan = change();
      const after = runsOf(document.body);
      const collected = rescan.flatMap((id) => runsOf(id === "BODY" ? document.body : byId(id)));
      // Every run of the page now either was there before the change or is collected by the rescan.
      for (const text of after) expect(before.includes(text) || collected.includes(text), `${what}: ${text}`).toBe(true);
    }
  });
});
