/**
 * The Chromium driver: Debian's Chromium through Playwright, with `dist/chrome` loaded as an
 * unpacked extension. Closed shadow roots are reached through the DevTools protocol, which can
 * pierce them.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { BrowserContext, CDPSession, Page, Worker } from "playwright-core";
import { launchChromiumWithExtension } from "../../../scripts/lib/chromium-with-extension.ts";
import { raiseProcessTreePriority } from "./process-priority.ts";
import type { BrowserDriver, BrowserFunction, ConsoleEntry, PageDriver, ShadowRootHandle } from "./browser-driver.ts";

/** Playwright's `evaluate` takes the same functions, typed more strictly than needs be here. */
type LooseEvaluate = (fn: unknown, arg?: unknown) => Promise<unknown>;

/** A Chromium tab. */
export class ChromiumPage implements PageDriver {
  private static readonly wrappers = new WeakMap<Page, ChromiumPage>();
  readonly browserName = "chromium";

  private constructor(readonly page: Page) {}

  /** The one driver page for a Playwright page (tests written against Playwright pass those). */
  static of(page: Page): ChromiumPage {
    let wrapper = ChromiumPage.wrappers.get(page);
    if (wrapper === undefined) {
      wrapper = new ChromiumPage(page);
      ChromiumPage.wrappers.set(page, wrapper);
    }
    return wrapper;
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async url(): Promise<string> {
    return this.page.evaluate(() => location.href);
  }

  evaluate<R, A = undefined>(fn: BrowserFunction<A, R>, arg?: A): Promise<R> {
    return (this.page.evaluate as LooseEvaluate)(fn, arg) as Promise<R>;
  }

  async evaluateExpression<R>(expression: string): Promise<R> {
    const session = await this.page.context().newCDPSession(this.page);
    try {
      const { result, exceptionDetails } = await session.send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value as R;
    } finally {
      await session.detach().catch(() => {});
    }
  }

  onConsole(listener: (message: ConsoleEntry) => void): void {
    this.page.on("console", (message) => listener({ level: message.type(), text: message.text(), url: message.location().url }));
  }

  async runScript(source: string): Promise<void> {
    await this.page.evaluate(source);
  }

  async waitForFunction<A = undefined>(fn: BrowserFunction<A, unknown>, arg?: A, options: { timeout?: number } = {}): Promise<void> {
    await this.page.waitForFunction(fn as (arg: unknown) => unknown, arg, { timeout: options.timeout ?? 5000, polling: 50 });
  }

  async waitForSelector(selector: string, options: { timeout?: number } = {}): Promise<void> {
    await this.page.waitForSelector(selector, { timeout: options.timeout ?? 5000 });
  }

  async click(selector: string): Promise<void> {
    await this.page.click(selector);
  }

  async focus(selector: string): Promise<void> {
    await this.page.focus(selector);
  }

  async chooseFile(selector: string, file: string): Promise<void> {
    await this.page.setInputFiles(selector, file);
  }

  async addInitScript(fn: () => void): Promise<void> {
    await this.page.addInitScript(fn);
  }

  readonly mouse = {
    move: async (x: number, y: number, options: { steps?: number } = {}) => this.page.mouse.move(x, y, options),
    click: async (x: number, y: number) => this.page.mouse.click(x, y),
  };

  readonly keyboard = {
    press: async (key: string) => this.page.keyboard.press(key),
    type: async (text: string) => this.page.keyboard.type(text),
  };

  /** The session the touch input and the phone emulation go through (emulation lasts as long as it). */
  private touchSession: Promise<CDPSession> | null = null;

  private session(): Promise<CDPSession> {
    this.touchSession ??= this.page.context().newCDPSession(this.page);
    return this.touchSession;
  }

  private async touchEvent(type: "touchStart" | "touchMove" | "touchEnd", point?: { x: number; y: number }): Promise<void> {
    const session = await this.session();
    await session.send("Input.dispatchTouchEvent", { type, touchPoints: point === undefined ? [] : [{ x: point.x, y: point.y, id: 1, radiusX: 4, radiusY: 4, force: 1 }] });
  }

  readonly touch = {
    tap: async (x: number, y: number) => {
      await this.touchEvent("touchStart", { x, y });
      await this.touchEvent("touchEnd");
    },
    drag: async (from: { x: number; y: number }, to: { x: number; y: number }, options: { steps?: number } = {}) => {
      const steps = Math.max(1, options.steps ?? 5);
      await this.touchEvent("touchStart", from);
      for (let i = 1; i <= steps; i++) {
        await this.touchEvent("touchMove", { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps });
      }
      await this.touchEvent("touchEnd");
    },
    press: async (x: number, y: number, ms: number) => {
      // A synthesized gesture, not two raw touch events: through the browser's gesture
      // detector a long press is a long press, and (as on a device) makes no click afterwards.
      const session = await this.session();
      await session.send("Input.synthesizeTapGesture", { x, y, duration: ms, tapCount: 1, gestureSourceType: "touch" });
    },
  };

  async emulatePhone(size: { width: number; height: number }, scale = 2): Promise<void> {
    // Playwright's own viewport first, so that its session does not later put the desktop one back.
    await this.page.setViewportSize(size);
    const session = await this.session();
    await session.send("Emulation.setDeviceMetricsOverride", { ...size, deviceScaleFactor: scale, mobile: true });
    await session.send("Emulation.setTouchEmulationEnabled", { enabled: true, maxTouchPoints: 5 });
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  async setViewport(size: { width: number; height: number }): Promise<void> {
    await this.page.setViewportSize(size);
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file });
  }

  async closedShadowRoot(hostSelector: string): Promise<ShadowRootHandle | null> {
    // Found through the protocol alone, with no page JavaScript: a hostile page may have
    // replaced `querySelector` and friends.
    const session = await this.page.context().newCDPSession(this.page);
    try {
      const { root } = await session.send("DOM.getDocument", { depth: 0 });
      const { nodeId } = await session.send("DOM.querySelector", { nodeId: root.nodeId, selector: hostSelector });
      if (nodeId === 0) throw new Error("no host");
      // `pierce` reports closed shadow roots too.
      const { node } = await session.send("DOM.describeNode", { nodeId, depth: 1, pierce: true });
      const shadow = node.shadowRoots?.[0];
      if (shadow === undefined) throw new Error("no shadow root");
      const { object } = await session.send("DOM.resolveNode", { backendNodeId: shadow.backendNodeId });
      if (object.objectId === undefined) throw new Error("shadow root not resolved");
      return new CdpShadowRoot(session, object.objectId);
    } catch {
      await session.detach().catch(() => {});
      return null;
    }
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** A shadow root held as a DevTools remote object. */
class CdpShadowRoot implements ShadowRootHandle {
  constructor(
    private readonly session: CDPSession,
    private readonly objectId: string,
  ) {}

  async evaluate<T>(fn: string): Promise<T> {
    const { result, exceptionDetails } = await this.session.send("Runtime.callFunctionOn", {
      objectId: this.objectId,
      functionDeclaration: fn,
      arguments: [{ objectId: this.objectId }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  }

  async dispose(): Promise<void> {
    await this.session.detach().catch(() => {});
  }
}

/** Chromium with the extension loaded, on a profile folder (kept by the caller). */
export class ChromiumDriver implements BrowserDriver {
  readonly name = "chromium";

  private constructor(
    readonly context: BrowserContext,
    /** The extension's background service worker. */
    readonly worker: Worker,
    readonly extensionId: string,
    readonly version: string,
    private readonly profile: string,
  ) {}

  /** Launches on `profile` with the built extension in `extension` (a folder) loaded. */
  static async launch(options: { profile: string; extension: string }): Promise<ChromiumDriver> {
    const { context, worker, extensionId } = await launchChromiumWithExtension({ ...options, headless: true });
    const version = `Chromium ${await worker.evaluate(() => /Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? "?")}`;
    return new ChromiumDriver(context, worker, extensionId, version, options.profile);
  }

  /** Playwright does not expose a persistent context's process: it is the one started on this profile. */
  raisePriority(): boolean {
    const flag = `--user-data-dir=${this.profile}`;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let args: string[];
      try {
        args = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      } catch {
        continue;
      }
      if (args.includes(flag) && !args.some((a) => a.startsWith("--type="))) return raiseProcessTreePriority(Number(entry));
    }
    return false;
  }

  extensionUrl(path: string): string {
    return `chrome-extension://${this.extensionId}/${path}`;
  }

  async newPage(): Promise<ChromiumPage> {
    return ChromiumPage.of(await this.context.newPage());
  }

  async openExtensionPage(path: string): Promise<ChromiumPage> {
    const page = await this.newPage();
    await page.goto(this.extensionUrl(path));
    return page;
  }

  evaluateInExtension<R, A = undefined>(fn: BrowserFunction<A, R>, arg?: A): Promise<R> {
    return (this.worker.evaluate as LooseEvaluate)(fn, arg) as Promise<R>;
  }

  async waitForNewPage(action: () => Promise<void>): Promise<ChromiumPage> {
    const opened = this.context.waitForEvent("page");
    await action();
    return ChromiumPage.of(await opened);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
