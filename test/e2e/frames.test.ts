/**
 * Sub-frames, in real Chromium and Firefox with the built extension: a frame without text worth
 * scanning (an ad's image and label) gets only the gate (`frame-gate.js`): no scan, no highlight;
 * a frame with an article's text is scanned; a frame that is empty at load and receives text later
 * wakes up and is scanned. The frames are same-origin, so the top page can read their registries
 * and timelines; the cross-origin case is measured by `npm run bench -- --only=frames`.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { BROWSER_NAMES, BackstoryBrowser, useFixtureServer, sleep, type PageDriver } from "./harness.ts";

const server = useFixtureServer();
vi.setConfig({ testTimeout: 90_000 });

const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frame</title></head><body>${body}</body></html>`;

/** The frame's highlighted texts and how many initial scans its timeline records, read from the top page. */
function frameState(top: PageDriver, id: string): Promise<{ texts: string[]; scans: number }> {
  return top.evaluate((id) => {
    const view = (document.getElementById(id) as HTMLIFrameElement).contentWindow!;
    const highlight = (view as unknown as { CSS: typeof CSS }).CSS.highlights.get("backstory-mention");
    return { texts: [...(highlight ?? [])].map((r) => r.toString()), scans: view.performance.getEntriesByName("backstory:scan").length };
  }, id);
}

async function waitForFrameScan(top: PageDriver, id: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while ((await frameState(top, id)).scans === 0) {
    if (Date.now() > deadline) throw new Error(`frame ${id} was never scanned`);
    await sleep(100);
  }
}

describe.each(BROWSER_NAMES)("%s", (browserName) => {
  let backstory: BackstoryBrowser;
  beforeAll(async () => {
    backstory = await BackstoryBrowser.launch(browserName);
  });
  afterAll(async () => {
    await backstory?.close();
  });

  test("a frame without text costs only the gate; a frame with text is scanned; an empty frame wakes when text arrives", async () => {
    server.add("frame-ad.html", page(`<div style="width:300px;height:200px;background:#eee"></div><span>Advertisement</span><script>var tracked = "Tammy Bruce Tammy Bruce Tammy Bruce";</script>`));
    server.add("frame-article.html", page("<p>The spokeswoman Tammy Bruce answered questions from reporters.</p>"));
    server.add(
      "frame-late.html",
      page(`<div id="slot"></div><script>setTimeout(() => { document.getElementById("slot").innerHTML = "<p>Later that day Sonata Coulter met the delegation.</p>"; }, 1500);</script>`),
    );
    server.add(
      "frames-top.html",
      page(
        `<main><p>Alexander Darchiev arrived in Istanbul for the talks.</p></main>` +
          `<iframe id="ad" src="/frame-ad.html" width="320" height="240"></iframe>` +
          `<iframe id="article" src="/frame-article.html" width="400" height="120"></iframe>` +
          `<iframe id="late" src="/frame-late.html" width="400" height="120"></iframe>`,
      ),
    );
    const top = await backstory.open(server.url("frames-top.html"));
    await waitForFrameScan(top, "article");
    expect(await frameState(top, "article")).toEqual({ texts: ["Tammy Bruce"], scans: 1 });
    await waitForFrameScan(top, "late");
    expect((await frameState(top, "late")).texts).toEqual(["Sonata Coulter"]);
    // The late frame woke after 1.5 s and a recheck; the ad frame has had as long and stays asleep.
    expect(await frameState(top, "ad")).toEqual({ texts: [], scans: 0 });
    await top.close();
  });
});
