/**
 * Debian's Chromium with the built extension loaded, through Playwright: used by `npm start`
 * and by the browser tests. Playwright's default flags include --disable-extensions, so the
 * extension is named in --disable-extensions-except as well as --load-extension.
 */
import path from "node:path";
import { chromium, type BrowserContext, type Worker } from "playwright-core";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const CHROME_BUILD = path.join(ROOT, "dist/chrome");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** A running Chromium profile with the extension, and the extension's service worker. */
export interface ChromiumWithExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

/** Launches Chromium on `profile` (a folder) with `dist/chrome` (or the build in `extension`) loaded. */
export async function launchChromiumWithExtension(options: { profile: string; headless: boolean; extension?: string }): Promise<ChromiumWithExtension> {
  const extension = options.extension ?? CHROME_BUILD;
  const context = await chromium.launchPersistentContext(options.profile, {
    executablePath: CHROMIUM,
    headless: options.headless,
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, "--disable-gpu", "--lang=en-US"],
    viewport: options.headless ? { width: 1100, height: 800 } : null,
    locale: "en-US",
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 20_000 }));
  return { context, worker, extensionId: new URL(worker.url()).host };
}
