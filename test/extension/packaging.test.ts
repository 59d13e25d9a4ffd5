/**
 * The built packages as a store or a reader gets them: both manifests, the permissions, the
 * zips, no remote code, and `web-ext lint` on the Firefox build. `npm test` builds first.
 */
import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, test } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const dist = path.join(root, "dist");
// biome-ignore lint/suspicious/noExplicitAny: a manifest read back from JSON, checked field by field below
type Manifest = Record<string, any>;
const manifests: Record<string, Manifest> = {};

beforeAll(async () => {
  for (const target of ["chrome", "firefox"]) {
    const file = path.join(dist, target, "manifest.json");
    const text = await readFile(file, "utf8").catch(() => {
      throw new Error(`${file} is missing: run npm run build (npm test does) before these tests`);
    });
    manifests[target] = JSON.parse(text);
  }
});

describe("the built packages", () => {
  test("ask for storage, Chrome for its side panel, and for scripting on the pages the content script already runs on (to inject the card's UI on demand), with the content script on all pages, its gate in all frames, and nothing web-accessible", () => {
    expect(manifests.chrome!.permissions).toEqual(["storage", "sidePanel", "scripting"]);
    expect(manifests.firefox!.permissions).toEqual(["storage", "scripting"]);
    for (const manifest of Object.values(manifests)) {
      // The same hosts as the content script's matches: no site is added to what it can already read.
      expect(manifest.host_permissions).toEqual(["<all_urls>"]);
      expect(manifest.web_accessible_resources).toBeUndefined();
      expect(manifest.optional_permissions).toBeUndefined();
      // The full content script in top frames; in every frame a small gate that loads it only where there is text.
      expect(manifest.content_scripts).toEqual([
        expect.objectContaining({ matches: ["<all_urls>"], js: ["content-script.js"], all_frames: false, run_at: "document_idle" }),
        expect.objectContaining({ matches: ["<all_urls>"], js: ["frame-gate.js"], all_frames: true, run_at: "document_idle" }),
      ]);
      expect(manifest.content_security_policy).toBeUndefined(); // the strict MV3 default
    }
  });

  test("Chrome gets a service worker; Firefox an event page, a gecko id and no data collection", () => {
    expect(manifests.chrome!.background).toEqual({ service_worker: "background.js" });
    expect(manifests.chrome!.browser_specific_settings).toBeUndefined();
    expect(manifests.firefox!.background).toEqual({ scripts: ["background.js"] });
    expect(manifests.firefox!.browser_specific_settings.gecko).toMatchObject({
      id: expect.stringMatching(/@/),
      data_collection_permissions: { required: ["none"] },
    });
  });

  test("one panel page: Chrome's side panel, Firefox's sidebar, each opened by its own command", () => {
    expect(manifests.chrome!.side_panel).toEqual({ default_path: "panel.html" });
    expect(manifests.chrome!.sidebar_action).toBeUndefined();
    expect(manifests.chrome!.commands["open-panel"]).toMatchObject({ suggested_key: { default: "Alt+Shift+P" } });
    expect(manifests.firefox!.sidebar_action).toMatchObject({ default_panel: "panel.html", open_at_install: false });
    expect(manifests.firefox!.side_panel).toBeUndefined();
    expect(manifests.firefox!.commands["open-panel"]).toBeUndefined();
    expect(manifests.firefox!.commands._execute_sidebar_action).toMatchObject({ suggested_key: { default: "Alt+Shift+P" } });
  });

  test("Firefox declares Firefox for Android, from 142: the first with data_collection_permissions (the Highlight API came in 140)", () => {
    expect(manifests.firefox!.browser_specific_settings.gecko_android).toEqual({ strict_min_version: "142.0" });
    expect(manifests.firefox!.browser_specific_settings.gecko.strict_min_version).toBe("140.0");
  });

  test("load no remote code and name no remote host", async () => {
    for (const target of ["chrome", "firefox"]) {
      for (const file of await readdir(path.join(dist, target))) {
        if (!/\.(js|html|css)$/.test(file)) continue;
        const text = await readFile(path.join(dist, target, file), "utf8");
        expect(text, `${target}/${file} imports a remote script`).not.toMatch(/import\s*\(\s*["'`]https?:|<script[^>]+src=["']https?:/);
        expect(text, `${target}/${file} calls fetch or XMLHttpRequest on a remote URL`).not.toMatch(/fetch\(\s*["'`]https?:|XMLHttpRequest/);
      }
    }
  });

  test("each has a store zip holding the same files", async () => {
    const version = manifests.chrome!.version;
    for (const target of ["chrome", "firefox"]) {
      const zip = unzipSync(await readFile(path.join(dist, `backstory-${target}-${version}.zip`)));
      const manifest = JSON.parse(new TextDecoder().decode(zip["manifest.json"]));
      expect(manifest).toEqual(manifests[target]);
      for (const file of ["background.js", "content-script.js", "frame-gate.js", "card-view.js", "content-script.css", "popup.html", "source.html", "_locales/ar/messages.json", "icons/icon-128.png"]) {
        expect(Object.keys(zip), `${target} zip lacks ${file}`).toContain(file);
      }
    }
  });

  test("web-ext lint finds no errors in the Firefox build", async () => {
    const run = promisify(execFile);
    const bin = path.join(root, "node_modules/.bin/web-ext");
    const { stdout } = await run(bin, ["lint", "--source-dir", path.join(dist, "firefox"), "--output", "json", "--no-input"], { cwd: root }).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    const report = JSON.parse(stdout) as { summary: { errors: number }; errors: { code: string; message: string }[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 60_000);
});
