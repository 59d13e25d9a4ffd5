/**
 * The Firefox driver: Debian's Firefox ESR through puppeteer-core over WebDriver BiDi (Playwright
 * cannot drive a stock Firefox, which lacks its Juggler protocol, and Firefox has no DevTools
 * protocol). `dist/firefox` is installed as a temporary add-on, as a developer loads it from
 * about:debugging; its host permissions come from Firefox's defaults
 * (`extensions.originControls.grantByDefault`), which these tests leave alone.
 *
 * Firefox quirks handled here: BiDi opens moz-extension:// pages only with
 * `--remote-allow-system-access`, and puppeteer's `goto` never sees such a navigation finish;
 * the extension's UUID is random unless pinned; the background is an event page that BiDi does
 * not list; timers in background tabs run at most once a second.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import puppeteer, { type Browser, type KeyInput, type Page, type Target } from "puppeteer-core";
import { ROOT } from "../../../scripts/lib/chromium-with-extension.ts";
import { raiseProcessTreePriority } from "./process-priority.ts";
import { VIEWPORT, type BrowserDriver, type BrowserFunction, type ConsoleEntry, type PageDriver, type ShadowRootHandle } from "./browser-driver.ts";

export const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/lib/firefox-esr/firefox-esr";
/** The Firefox build `npm run build` writes. */
export const FIREFOX_BUILD = path.join(ROOT, "dist/firefox");

/**
 * The extension's moz-extension:// host, pinned through `extensions.webextensions.uuids`
 * (Firefox otherwise picks a random one per profile).
 */
const EXTENSION_UUID = "6f1d3c2a-8b4e-4f7a-9d05-3e2b1c0a9f87";

/** The page the driver keeps open as its extension context (see `evaluateInExtension`). */
const EXTENSION_CONTEXT_PAGE = "source.html";

/** The few WebDriver BiDi messages sent directly, around puppeteer. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
/** A BiDi remote value, as far as the driver reads one. */
interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}
type EvaluateResult = { type: "success"; result: RemoteValue } | { type: "exception"; exceptionDetails: { text: string } };

/** The JSON-like value a BiDi remote value stands for (nodes and other handles become null). */
function fromRemoteValue(remote: RemoteValue): unknown {
  switch (remote.type) {
    case "undefined":
      return undefined;
    case "null":
      return null;
    case "string":
    case "boolean":
      return remote.value;
    case "number":
      return typeof remote.value === "number" ? remote.value : Number(remote.value); // "NaN", "-0", "Infinity"
    case "array":
      return ((remote.value ?? []) as RemoteValue[]).map(fromRemoteValue);
    case "object":
      return Object.fromEntries(
        ((remote.value ?? []) as [string | RemoteValue, RemoteValue][]).map(([key, value]) => [typeof key === "string" ? key : String(fromRemoteValue(key)), fromRemoteValue(value)]),
      );
    default:
      return null;
  }
}

function bidiOf(browser: Browser): BidiConnection {
  return (browser as unknown as { connection: BidiConnection }).connection;
}

/** The BiDi browsing-context id of a tab (puppeteer keeps it on the main frame). */
function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/** Puppeteer's `evaluate` takes the same functions, typed with rest parameters. */
type LooseEvaluate = (fn: unknown, ...args: unknown[]) => Promise<unknown>;

/** A Firefox tab. */
export class FirefoxPage implements PageDriver {
  readonly browserName = "firefox";

  constructor(
    readonly page: Page,
    private readonly bidi: BidiConnection,
  ) {}

  async goto(url: string): Promise<void> {
    if (/^(https?|about|data):/.test(url)) {
      await this.page.goto(url);
      return;
    }
    // BiDi refuses moz-extension:// navigations unless Firefox runs with --remote-allow-system-access,
    // and even then puppeteer's goto never sees the navigation finish: navigate without waiting,
    // then wait for the document itself.
    await this.bidi.send("browsingContext.navigate", { context: contextOf(this.page), url, wait: "none" });
    await this.waitForFunction((u) => location.href === u && document.readyState === "complete", url, { timeout: 10_000 });
  }

  url(): Promise<string> {
    return this.page.evaluate(() => location.href);
  }

  evaluate<R, A = undefined>(fn: BrowserFunction<A, R>, arg?: A): Promise<R> {
    return (this.page.evaluate as LooseEvaluate).call(this.page, fn, arg) as Promise<R>;
  }

  async evaluateExpression<R>(expression: string): Promise<R> {
    const { result } = await this.bidi.send("script.evaluate", {
      expression,
      target: { context: contextOf(this.page) },
      awaitPromise: true,
      resultOwnership: "none",
    });
    const evaluated = result as EvaluateResult;
    if (evaluated.type === "exception") throw new Error(evaluated.exceptionDetails.text);
    return fromRemoteValue(evaluated.result) as R;
  }

  onConsole(listener: (message: ConsoleEntry) => void): void {
    this.page.on("console", (message) => {
      const level = message.type();
      listener({ level: level === "warn" ? "warning" : level, text: message.text(), url: message.location().url ?? "" });
    });
  }

  async runScript(source: string): Promise<void> {
    await this.page.evaluate(source);
  }

  /**
   * Polls from here rather than from a timer in the page: Firefox clamps timers in background
   * tabs to once a second, and a page watched while the popup's tab is in front is one.
   */
  async waitForFunction<A = undefined>(fn: BrowserFunction<A, unknown>, arg?: A, options: { timeout?: number } = {}): Promise<void> {
    const deadline = Date.now() + (options.timeout ?? 5000);
    let lastError: unknown = null;
    for (;;) {
      try {
        if (await this.evaluate(fn, arg)) return;
      } catch (error) {
        lastError = error; // e.g. the document was replaced between two polls
      }
      if (Date.now() > deadline) {
        throw new Error(`waitForFunction timed out: ${String(fn).slice(0, 200)}${lastError ? ` (last error: ${String(lastError)})` : ""}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
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

  /**
   * Through WebDriver BiDi's `input.setFiles` (what puppeteer's `uploadFile` sends), on the input
   * the browser locates. A Firefox whose BiDi lacks the command gets the file through the page
   * instead, as a `File` in a `DataTransfer` with the events a choice fires.
   */
  async chooseFile(selector: string, file: string): Promise<void> {
    const context = contextOf(this.page);
    const { result } = await this.bidi.send("browsingContext.locateNodes", { context, locator: { type: "css", value: selector }, maxNodeCount: 1 });
    const [input] = (result as { nodes: RemoteValue[] }).nodes;
    if (input?.sharedId === undefined) throw new Error(`no element matches ${selector}`);
    try {
      await this.bidi.send("input.setFiles", { context, element: { sharedId: input.sharedId }, files: [file] });
      return;
    } catch (error) {
      if (!/unknown command/i.test(String(error))) throw error;
    }
    const content = (await readFile(file)).toString("base64");
    await this.evaluate(
      ({ selector, name, content }) => {
        const bytes = Uint8Array.from(atob(content), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name));
        const element = document.querySelector<HTMLInputElement>(selector)!;
        element.files = transfer.files;
        element.dispatchEvent(new Event("input", { bubbles: true }));
        element.dispatchEvent(new Event("change", { bubbles: true }));
      },
      { selector, name: path.basename(file), content },
    );
  }

  async addInitScript(fn: () => void): Promise<void> {
    await this.page.evaluateOnNewDocument(fn);
  }

  readonly mouse = {
    move: async (x: number, y: number, options: { steps?: number } = {}) => this.page.mouse.move(x, y, options),
    click: async (x: number, y: number) => this.page.mouse.click(x, y),
  };

  readonly keyboard = {
    press: async (key: string) => this.page.keyboard.press(key as KeyInput),
    type: async (text: string) => this.page.keyboard.type(text),
  };

  /** Runs one finger's actions (BiDi `input.performActions`, a pointer of type "touch"), then releases it. */
  private async finger(actions: object[]): Promise<void> {
    const context = contextOf(this.page);
    await this.bidi.send("input.performActions", {
      context,
      actions: [{ type: "pointer", id: "finger", parameters: { pointerType: "touch" }, actions }],
    });
    await this.bidi.send("input.releaseActions", { context });
  }

  readonly touch = {
    tap: async (x: number, y: number) =>
      this.finger([
        { type: "pointerMove", x: Math.round(x), y: Math.round(y) },
        { type: "pointerDown", button: 0 },
        { type: "pointerUp", button: 0 },
      ]),
    drag: async (from: { x: number; y: number }, to: { x: number; y: number }, options: { steps?: number } = {}) => {
      const steps = Math.max(1, options.steps ?? 5);
      const moves = Array.from({ length: steps }, (_, i) => ({
        type: "pointerMove",
        x: Math.round(from.x + ((to.x - from.x) * (i + 1)) / steps),
        y: Math.round(from.y + ((to.y - from.y) * (i + 1)) / steps),
      }));
      await this.finger([{ type: "pointerMove", x: Math.round(from.x), y: Math.round(from.y) }, { type: "pointerDown", button: 0 }, ...moves, { type: "pointerUp", button: 0 }]);
    },
    press: async (x: number, y: number, ms: number) =>
      this.finger([
        { type: "pointerMove", x: Math.round(x), y: Math.round(y) },
        { type: "pointerDown", button: 0 },
        { type: "pause", duration: ms },
        { type: "pointerUp", button: 0 },
      ]),
  };

  /**
   * A phone-sized viewport through the same BiDi command as `setViewport`. Desktop Firefox has
   * no mobile layout mode (it ignores `<meta name="viewport">`), so the layout viewport is the
   * window's width, as on a phone for a page that asks for `width=device-width`.
   */
  async emulatePhone(size: { width: number; height: number }, scale = 2): Promise<void> {
    await this.bidi.send("browsingContext.setViewport", { context: contextOf(this.page), viewport: size, devicePixelRatio: scale });
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  /**
   * Sets the viewport with the one BiDi command every supported Firefox knows: puppeteer's
   * `setViewport` also sends `emulation.setScreenOrientationOverride`, which Firefox ESR 140
   * rejects as an unknown command.
   */
  async setViewport(size: { width: number; height: number }): Promise<void> {
    await this.bidi.send("browsingContext.setViewport", { context: contextOf(this.page), viewport: { width: size.width, height: size.height } });
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file as `${string}.png` });
  }

  /**
   * BiDi serialises a node's shadow root, closed ones included, when asked to
   * (`includeShadowTree: "all"`); its `sharedId` then passes back in as an argument. The host
   * is located by the browser, with no page JavaScript (a hostile page may replace
   * `querySelector`).
   */
  async closedShadowRoot(hostSelector: string): Promise<ShadowRootHandle | null> {
    const context = contextOf(this.page);
    const { result } = await this.bidi.send("browsingContext.locateNodes", {
      context,
      locator: { type: "css", value: hostSelector },
      maxNodeCount: 1,
      serializationOptions: { maxDomDepth: 1, includeShadowTree: "all" },
    });
    const [host] = (result as { nodes: RemoteValue[] }).nodes;
    if (host === undefined) return null;
    const shadowRoot = (host.value as { shadowRoot?: RemoteValue | null } | undefined)?.shadowRoot;
    if (!shadowRoot?.sharedId) return null;
    return new BidiShadowRoot(this.bidi, context, shadowRoot.sharedId);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** A shadow root held by its BiDi shared id. */
class BidiShadowRoot implements ShadowRootHandle {
  constructor(
    private readonly bidi: BidiConnection,
    private readonly context: string,
    private readonly sharedId: string,
  ) {}

  async evaluate<T>(fn: string): Promise<T> {
    const { result } = await this.bidi.send("script.callFunction", {
      functionDeclaration: fn,
      arguments: [{ sharedId: this.sharedId }],
      target: { context: this.context },
      awaitPromise: true,
      resultOwnership: "none",
    });
    const evaluated = result as EvaluateResult;
    if (evaluated.type === "exception") throw new Error(evaluated.exceptionDetails.text);
    return fromRemoteValue(evaluated.result) as T;
  }

  async dispose(): Promise<void> {
    // Nothing is held: the shared id lives as long as the node does.
  }
}

/** Firefox with the extension installed, on a fresh profile or on `profile` (kept by the caller). */
export class FirefoxDriver implements BrowserDriver {
  readonly name = "firefox";
  /** The extension page kept open in a tab of its own (see `evaluateInExtension`). */
  private extensionContext: FirefoxPage | null = null;

  private constructor(
    readonly browser: Browser,
    private readonly bidi: BidiConnection,
    readonly version: string,
  ) {}

  /** Launches with the built extension in `extension` (a folder) installed as a temporary add-on. */
  static async launch(options: { profile?: string; extension: string }): Promise<FirefoxDriver> {
    const manifest = JSON.parse(await readFile(path.join(options.extension, "manifest.json"), "utf8")) as {
      browser_specific_settings: { gecko: { id: string } };
    };
    const geckoId = manifest.browser_specific_settings.gecko.id;
    const browser = await puppeteer.launch({
      browser: "firefox",
      protocol: "webDriverBiDi",
      headless: true,
      executablePath: FIREFOX,
      // Lets BiDi open moz-extension:// pages (the popup, the extension context).
      args: ["--remote-allow-system-access"],
      defaultViewport: { ...VIEWPORT },
      ...(options.profile !== undefined && { userDataDir: options.profile }),
      extraPrefsFirefox: {
        "extensions.webextensions.uuids": JSON.stringify({ [geckoId]: EXTENSION_UUID }),
        // Firefox does not bring a temporary add-on back at its next start; on a kept profile
        // the driver installs it again. Its storage must then be there, as an installed
        // add-on's is after a restart (Firefox 153 keeps it anyway; this makes sure).
        "extensions.webextensions.keepStorageOnUninstall": true,
      },
    });
    try {
      const installed = await browser.installExtension(options.extension);
      if (installed !== geckoId) throw new Error(`installed ${installed}, expected ${geckoId}`);
      const [product, version] = (await browser.version()).split("/");
      const driver = new FirefoxDriver(browser, bidiOf(browser), `${product === "firefox" ? "Firefox" : product} ${version}`);
      // Opened now, before any test's tab, so that opening it never changes which tab is active.
      driver.extensionContext = await driver.openExtensionPage(EXTENSION_CONTEXT_PAGE);
      return driver;
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  extensionUrl(path: string): string {
    return `moz-extension://${EXTENSION_UUID}/${path}`;
  }

  async newPage(): Promise<FirefoxPage> {
    return new FirefoxPage(await this.browser.newPage(), this.bidi);
  }

  async openExtensionPage(path: string): Promise<FirefoxPage> {
    const page = await this.newPage();
    await page.goto(this.extensionUrl(path));
    return page;
  }

  /**
   * Firefox runs the background as an event page, which BiDi does not list as a browsing
   * context; any extension page has the same API, so one is kept open in a tab of its own.
   */
  evaluateInExtension<R, A = undefined>(fn: BrowserFunction<A, R>, arg?: A): Promise<R> {
    if (this.extensionContext === null) throw new Error("the extension context page is not open");
    return this.extensionContext.evaluate(fn, arg);
  }

  async waitForNewPage(action: () => Promise<void>): Promise<FirefoxPage> {
    const known = new Set(this.browser.targets());
    const created = this.browser.waitForTarget((t: Target) => t.type() === "page" && !known.has(t), { timeout: 10_000 });
    await action();
    const page = await (await created).page();
    if (page === null) throw new Error("the new tab has no page");
    return new FirefoxPage(page, this.bidi);
  }

  raisePriority(): boolean {
    const pid = this.browser.process()?.pid;
    return pid !== undefined && raiseProcessTreePriority(pid);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
