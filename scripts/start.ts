/**
 * `npm start`: builds the extension, then opens Chromium with it loaded on the demo page (the
 * seed article laid out as a news page). With no display, it runs headless instead: it rests
 * the pointer on «دارشيف», waits for the card and writes a screenshot of it.
 */
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { launchChromiumWithExtension, ROOT } from "./lib/chromium-with-extension.ts";
import { PageServer } from "./lib/page-server.ts";

const DEMO_PAGE = "seed-article.ar.html";
const { values } = parseArgs({ options: { headless: { type: "boolean" }, headed: { type: "boolean" } } });
const headless = values.headless || (!values.headed && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/build.ts")], { stdio: "inherit", cwd: ROOT });

const server = new PageServer([path.join(ROOT, "test/fixtures/pages")]);
await server.start();
const profile = await mkdtemp(path.join(tmpdir(), "backstory-demo-"));
const { context } = await launchChromiumWithExtension({ profile, headless });
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(server.url(DEMO_PAGE));
console.log(`demo page: ${server.url(DEMO_PAGE)}`);

async function cleanUp() {
  await context.close().catch(() => {});
  await server.stop();
  await rm(profile, { recursive: true, force: true });
}

if (!headless) {
  console.log("Chromium is open with Backstory loaded; rest the pointer on a name. Close the window to stop.");
  context.on("close", () => void cleanUp());
} else {
  await page.waitForFunction(() => performance.getEntriesByName("backstory:scan").length > 0, undefined, { timeout: 15_000 });
  const point = await page.evaluate(() => {
    const range = [...(CSS.highlights.get("backstory-mention") ?? [])].find((r) => r.toString() === "دارشيف") as Range | undefined;
    if (!range) return null;
    range.startContainer.parentElement?.scrollIntoView({ block: "center", behavior: "instant" });
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  if (point === null) {
    console.error("start: no highlighted «دارشيف» on the demo page");
    await cleanUp();
    process.exit(1);
  }
  await page.mouse.move(point.x - 4, point.y);
  await page.mouse.move(point.x, point.y, { steps: 3 });
  await page.waitForFunction(() => document.querySelector("[data-backstory]") !== null, undefined, { timeout: 5000 });
  await page.waitForTimeout(300);
  const out = path.join(ROOT, "test-results", "demo-card.png");
  await mkdir(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`no display: ran headless and wrote a screenshot of the open card to ${out}`);
  await cleanUp();
}
