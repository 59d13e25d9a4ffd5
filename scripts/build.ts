/**
 * `npm run build`: validates and compiles the bundled dataset, bundles every context with
 * esbuild, and writes `dist/chrome/` and `dist/firefox/` (each loadable unpacked) from the one
 * `manifest.json`, plus a store zip of each. `--watch` rebuilds on change.
 */
import { createHash } from "node:crypto";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import * as esbuild from "esbuild";
import { zipSync } from "fflate";
import type { Dataset } from "../src/core/dataset-schema.ts";
import type { MatcherTable } from "../src/core/matcher-table.ts";
import { checkAttribution } from "../src/core/check-attribution.ts";
import { bundledMatcherTable } from "./lib/bundled-matcher-table.ts";
import { BUNDLED_DATASET } from "./lib/read-dataset-file.ts";
import { listFiles } from "./lib/list-files.ts";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, "dist");

/** The browsers we build for, and how each one's manifest differs from the source manifest. */
const targets = {
  chrome: {
    esbuildTarget: ["chrome120"],
    // Chrome's MV3 APIs return promises already: the native namespace replaces the polyfill
    // (10 KB in every bundle, the content script included). Firefox's `browser` is native too,
    // where the polyfill is a pass-through.
    alias: { "webextension-polyfill": path.join(root, "src/extension/chrome-namespace.ts") },
    manifest(source: SourceManifest): Manifest {
      // Chrome's side panel is `side_panel`; `sidebar_action` is Firefox's.
      const { background, sidebar_action: _, ...rest } = source;
      // The bundles target Chrome 120 (esbuild `chrome120`); the Highlight API came in 105.
      return { ...rest, minimum_chrome_version: "120", background: { service_worker: background.service_worker } };
    },
  },
  firefox: {
    esbuildTarget: ["firefox140"],
    // Firefox's native `browser` namespace is what the polyfill would pass through.
    alias: { "webextension-polyfill": path.join(root, "src/extension/firefox-namespace.ts") },
    manifest(source: SourceManifest): Manifest {
      const { background, side_panel: _, permissions, commands, ...rest } = source;
      // Firefox's sidebar is `sidebar_action`, opened by its own `_execute_sidebar_action`
      // command; it knows neither `side_panel` nor the `sidePanel` permission.
      const { "open-panel": openPanel, ...otherCommands } = commands;
      return {
        ...rest,
        permissions: permissions.filter((p) => p !== "sidePanel"),
        commands: { ...otherCommands, ...(openPanel !== undefined && { _execute_sidebar_action: openPanel }) },
        // Firefox runs MV3 backgrounds as event pages; it ignores `service_worker`.
        background: { scripts: [background.service_worker] },
        browser_specific_settings: {
          gecko: {
            id: "backstory@backstory.invalid",
            // The CSS Custom Highlight API shipped in Firefox 140.
            strict_min_version: "140.0",
            data_collection_permissions: { required: ["none"] },
          },
          // data_collection_permissions came to Firefox for Android in 142.
          gecko_android: { strict_min_version: "142.0" },
        },
      };
    },
  },
} as const;

type Target = keyof typeof targets;
/** The source manifest's fields the build reads or rewrites; the rest passes through. */
type SourceManifest = Record<string, unknown> & {
  version: string;
  background: { service_worker: string };
  permissions: string[];
  commands: Record<string, unknown>;
};
type Manifest = Record<string, unknown> & { version: string };

/** One bundle per context. */
const entryPoints = {
  "content-script": "src/page/content-script.ts",
  "frame-gate": "src/page/frame-gate.ts",
  background: "src/extension/background.ts",
  popup: "src/ui/popup/popup-page.tsx",
  source: "src/ui/source-viewer/source-page.tsx",
  options: "src/ui/options/options-page.tsx",
  panel: "src/ui/side-panel/panel-page.tsx",
};

/**
 * Scripts the background injects into a frame's content-script world on demand
 * (`loadPageScript`, with `scripting.executeScript`), not declared in the manifest: the card's
 * UI, on the first dwell in a frame. Not web-accessible: pages cannot load or detect them.
 */
const onDemandScripts = { "card-view": "src/page/card-view-entry.ts" };
// (`content-script.js` is both: declared for top frames, injected into a sub-frame once
// `frame-gate.js` finds text there.)

/** Files copied as they are, relative to `static/`. */
const staticDir = path.join(root, "static");

/** Fails the build when an attribution doubt in the bundled dataset has no written reason: every card statement must say who asserted it. */
function assertAttributionExplained(dataset: Dataset) {
  const unexplained = checkAttribution(dataset).filter((w) => !w.explained);
  if (unexplained.length > 0) {
    const lines = unexplained.map((w) => `  ${w.path}: ${w.code}: ${w.reason}`).join("\n");
    throw new Error(`the bundled dataset has attribution warnings no attributionNote explains (${path.relative(root, BUNDLED_DATASET)}):\n${lines}`);
  }
}


/** Serves the compiled table and the dataset to the bundles as `virtual:` modules. */
function virtualModules(modules: Record<string, unknown>): esbuild.Plugin {
  return {
    name: "virtual-modules",
    setup(build) {
      build.onResolve({ filter: /^virtual:/ }, (args) => ({ path: args.path, namespace: "virtual" }));
      build.onLoad({ filter: /.*/, namespace: "virtual" }, (args) => {
        if (!(args.path in modules)) return { errors: [{ text: `unknown virtual module ${args.path}` }] };
        // JSON.parse of a string, not an object literal: V8 parses JSON faster than the same
        // data as JavaScript, and the content script evaluates the table on every page.
        return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(modules[args.path]))});`, loader: "js" };
      });
    },
  };
}

/**
 * Minifies the stylesheet a `*-styles.ts` module exports as one template literal (the card's
 * shadow-root CSS): esbuild minifies CSS files, not CSS inside a string, and this one ships in
 * the content script that every page loads. A module of any other shape is left as it is.
 */
function minifyStyleModules(): esbuild.Plugin {
  return {
    name: "minify-style-modules",
    setup(build) {
      build.onLoad({ filter: /-styles\.ts$/ }, async (args) => {
        const source = await readFile(args.path, "utf8");
        const match = /^export const (\w+) = `([^`$\\]*)`;\s*$/m.exec(source);
        if (match === null) return undefined;
        const { code } = await esbuild.transform(match[2]!, { loader: "css", minify: true });
        return { contents: `export const ${match[1]} = ${JSON.stringify(code.trim())};`, loader: "ts" };
      });
    },
  };
}

async function buildTarget(target: Target, modules: Record<string, unknown>, options: { minify: boolean }) {
  const out = path.join(dist, target);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { ...entryPoints, ...onDemandScripts },
    outdir: out,
    bundle: true,
    format: "iife",
    target: [...targets[target].esbuildTarget],
    jsx: "automatic",
    jsxImportSource: "preact",
    minify: options.minify,
    sourcemap: false,
    legalComments: "none",
    charset: "utf8",
    define: { "process.env.NODE_ENV": '"production"' },
    alias: targets[target].alias,
    plugins: [virtualModules(modules), minifyStyleModules()],
    logLevel: "warning",
  });
  await cp(staticDir, out, { recursive: true });
  await cp(path.join(root, "assets", "_locales"), path.join(out, "_locales"), { recursive: true });
  await cp(path.join(root, "assets", "icons"), path.join(out, "icons"), { recursive: true });
  const source = JSON.parse(await readFile(path.join(root, "manifest.json"), "utf8")) as SourceManifest;
  const manifest = targets[target].manifest(source);
  await writeFile(path.join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { out, version: manifest.version };
}

/** Zips a built folder the way the stores take it: files at the archive's root. */
async function zipFolder(folder: string, zipFile: string) {
  const files: Record<string, Uint8Array> = {};
  for (const file of await listFiles(folder)) {
    files[path.relative(folder, file).split(path.sep).join("/")] = await readFile(file);
  }
  // A fixed date keeps the zip byte-identical between builds of the same sources.
  await writeFile(zipFile, zipSync(files, { level: 9, mtime: new Date("2025-04-10T00:00:00Z") }));
}

/**
 * The key of the bundled dictionary's automaton, which pages keep between them
 * (src/extension/automaton-cache.ts): a hash of the code that builds and encodes it and of the
 * patterns it is built from, so that one kept by other code, or for other patterns, is not read.
 */
async function bundledAutomatonKey(table: MatcherTable): Promise<string> {
  const hash = createHash("sha256");
  for (const file of ["src/core/automaton.ts", "src/core/automaton-codec.ts"]) hash.update(await readFile(path.join(root, file)));
  hash.update(JSON.stringify(table.patterns.map((row) => row[0])));
  return hash.digest("hex").slice(0, 24);
}

async function buildAll(options: { minify: boolean }) {
  const started = performance.now();
  const { dataset, table } = await bundledMatcherTable();
  assertAttributionExplained(dataset);
  // The settings page needs only the bundled dataset's id: its own module keeps the dataset out of options.js.
  const modules = {
    "virtual:matcher-table": table,
    "virtual:bundled-dataset": dataset,
    "virtual:bundled-dataset-id": dataset.id,
    "virtual:bundled-automaton-key": await bundledAutomatonKey(table),
  };
  for (const target of Object.keys(targets) as Target[]) {
    const { out, version } = await buildTarget(target, modules, options);
    const zip = path.join(dist, `backstory-${target}-${version}.zip`);
    await zipFolder(out, zip);
    console.log(`built ${path.relative(root, out)}/ and ${path.relative(root, zip)}`);
  }
  console.log(`build took ${Math.round(performance.now() - started)} ms`);
}

const { values } = parseArgs({ options: { watch: { type: "boolean" }, dev: { type: "boolean" } } });
try {
  await buildAll({ minify: !values.dev });
} catch (error) {
  console.error(`build failed: ${(error as Error).message}`);
  if (!values.watch) process.exit(1);
}
if (values.watch) {
  const { watch } = await import("node:fs");
  let timer: NodeJS.Timeout | undefined;
  console.log("watching src/, static/, assets/ and manifest.json …");
  for (const dir of ["src", "static", "assets"]) {
    watch(path.join(root, dir), { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => buildAll({ minify: false }).catch((e: Error) => console.error(`build failed: ${e.message}`)), 100);
    });
  }
}
