/**
 * What the browser tests need from a browser, whichever one it is: one interface, with a
 * Playwright driver for Chromium (`chromium-driver.ts`) and a puppeteer-over-WebDriver-BiDi
 * driver for Firefox (`firefox-driver.ts`). It knows browsers, tabs and the extension's pages,
 * nothing of Backstory itself; `harness.ts` builds the product's test steps on top of it.
 */

/** The browsers the shared cases run in. */
export const BROWSER_NAMES = ["chromium", "firefox"] as const;
export type BrowserName = (typeof BROWSER_NAMES)[number];

/** The viewport of every tab the drivers open, so layouts (and screenshots) match across browsers. */
export const VIEWPORT = { width: 1100, height: 800 } as const;

/** A function run in a browser: serialised with `toString`, so it may use only its argument and globals. */
export type BrowserFunction<A, R> = (arg: A) => R | Promise<R>;

/** One tab. Functions passed to `evaluate` and `waitForFunction` run in the page's main world. */
export interface PageDriver {
  readonly browserName: BrowserName;
  goto(url: string): Promise<void>;
  /** `location.href` as the page itself reports it (a driver's own record can lag behind). */
  url(): Promise<string>;
  evaluate<R, A = undefined>(fn: BrowserFunction<A, R>, arg?: A): Promise<R>;
  /**
   * Evaluates an expression in the main world through the browser's protocol alone (CDP or
   * BiDi), with none of the driver's page-side helpers: for pages that break the builtins those
   * helpers use. Resolves with its JSON-able value.
   */
  evaluateExpression<R>(expression: string): Promise<R>;
  /** Calls `listener` with every console message the tab logs from now on (the page's, and the content script's where the browser reports them). */
  onConsole(listener: (message: ConsoleEntry) => void): void;
  /** Runs a classic script's source in the main world (not subject to the page's CSP). */
  runScript(source: string): Promise<void>;
  /** Polls `fn` (on a timer, not animation frames, which background tabs may not get) until it is truthy. */
  waitForFunction<A = undefined>(fn: BrowserFunction<A, unknown>, arg?: A, options?: { timeout?: number }): Promise<void>;
  waitForSelector(selector: string, options?: { timeout?: number }): Promise<void>;
  /** Clicks the centre of the first element matching `selector`, as a user's pointer would. */
  click(selector: string): Promise<void>;
  focus(selector: string): Promise<void>;
  /**
   * Chooses a file on disk in the first `<input type=file>` matching `selector`, as a reader does
   * in the file dialog: the input's `input` and `change` events fire.
   */
  chooseFile(selector: string, file: string): Promise<void>;
  /** Runs `fn` in every document this tab loads from now on, before the page's own scripts. */
  addInitScript(fn: () => void): Promise<void>;
  readonly mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    click(x: number, y: number): Promise<void>;
  };
  readonly keyboard: {
    /** A key by its `KeyboardEvent.key` name, e.g. "Escape", "Tab". */
    press(key: string): Promise<void>;
    type(text: string): Promise<void>;
  };
  /**
   * A finger on a touch screen: pointer events with `pointerType` "touch", and the click a tap
   * makes, sent through the browser's protocol as real touch input (CDP touch events in
   * Chromium, a BiDi pointer of type "touch" in Firefox). Points are viewport CSS px.
   */
  readonly touch: {
    /** Touches (x, y) and lifts the finger at once. */
    tap(x: number, y: number): Promise<void>;
    /** Touches `from`, slides to `to` in `steps` moves, and lifts there. */
    drag(from: { x: number; y: number }, to: { x: number; y: number }, options?: { steps?: number }): Promise<void>;
    /** Touches (x, y), rests there `ms` milliseconds, and lifts. */
    press(x: number, y: number, ms: number): Promise<void>;
  };
  /**
   * Turns the tab into a phone: a `size` CSS px viewport at `scale` device px per CSS px, with
   * touch input enabled and, where the browser can emulate it, a mobile layout viewport (the
   * page's `<meta name="viewport">` applies).
   */
  emulatePhone(size: { width: number; height: number }, scale?: number): Promise<void>;
  /** Makes this the selected tab of its window (what `tabs.query({active: true})` finds). */
  bringToFront(): Promise<void>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  screenshot(file: string): Promise<void>;
  /** The shadow root of the first element matching `hostSelector`, even a closed one; null when there is none. */
  closedShadowRoot(hostSelector: string): Promise<ShadowRootHandle | null>;
  close(): Promise<void>;
}

/** One console message, as the drivers report it. */
export interface ConsoleEntry {
  /** "error", "warning" (Chromium's "warning" and BiDi's "warn" both), "log", … */
  level: string;
  text: string;
  /** The script that logged it, where the browser says (a content script's is the extension's URL). */
  url: string;
}

/** A shadow root (open or closed) that the test can run functions against. */
export interface ShadowRootHandle {
  /**
   * Runs a function, given as source so it can be written as the page would write it, with the
   * shadow root as its argument, in the page's main world; resolves with its JSON-able result.
   */
  evaluate<T>(fn: string): Promise<T>;
  dispose(): Promise<void>;
}

/** A browser running with the built extension installed as a user installs it. */
export interface BrowserDriver {
  readonly name: BrowserName;
  /** The browser's product and version, e.g. "Chromium 156.0…" or "Firefox 153.8.0esr". */
  readonly version: string;
  /** The absolute URL of a file of the extension (`popup.html?…`). */
  extensionUrl(path: string): string;
  newPage(): Promise<PageDriver>;
  /** Opens one of the extension's pages in a new tab and waits until it has loaded. */
  openExtensionPage(path: string): Promise<PageDriver>;
  /**
   * Runs a function in a context of the extension that has the full extension API (`chrome.*`,
   * promise-based): the background's service worker in Chromium, an extension page in Firefox.
   */
  evaluateInExtension<R, A = undefined>(fn: BrowserFunction<A, R>, arg?: A): Promise<R>;
  /** Runs `action` and returns the tab it opened. */
  waitForNewPage(action: () => Promise<void>): Promise<PageDriver>;
  /**
   * Gives the browser's processes, those started so far included, the machine's highest
   * scheduling priority (see `process-priority.ts`); false where that is not permitted.
   */
  raisePriority(): boolean;
  close(): Promise<void>;
}
