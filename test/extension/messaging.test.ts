import { describe, expect, test, vi } from "vitest";

const EXTENSION_ROOT = "moz-extension://6f1d3c2a-8b4e-4f7a-9d05-3e2b1c0a9f87/";
type NativeListener = (message: unknown, sender: object, sendResponse: (response: unknown) => void) => true | undefined;
const listeners: NativeListener[] = [];

/** Delivers a message as the browser does: the answer comes through sendResponse, kept open by `true`. */
function deliver(listener: NativeListener, message: unknown, sender: object): Promise<unknown> | undefined {
  let respond!: (response: unknown) => void;
  const response = new Promise((resolve) => (respond = resolve));
  return listener(message, sender, respond) === true ? response : undefined;
}

vi.mock("../../src/extension/browser-api.ts", () => ({
  extension: {
    runtime: {
      id: "backstory@backstory.invalid",
      getURL: (path: string) => `${EXTENSION_ROOT}${path}`,
      onMessage: { addListener: (listener: (typeof listeners)[number]) => listeners.push(listener), removeListener: () => {} },
    },
  },
}));

const { isExtensionContext, servePage } = await import("../../src/extension/messaging.ts");

const id = "backstory@backstory.invalid";
const tab = { id: 3, index: 0, highlighted: true, active: true, pinned: false, incognito: false };

describe("which senders may ask a page", () => {
  test.each([
    ["the background (no tab, no page URL)", { id }, true],
    ["the popup in Chrome (no tab)", { id, url: "chrome-extension://abc/popup.html" }, true],
    ["the popup shown in a tab by Firefox (tab set, extension URL)", { id, tab, url: `${EXTENSION_ROOT}popup.html?tab=2` }, true],
    ["a content script (tab set, web page URL)", { id, tab, url: "https://news.example/story" }, false],
    ["a content script whose URL only mentions ours", { id, tab, url: `https://news.example/?${EXTENSION_ROOT}` }, false],
    ["a content script without a URL", { id, tab }, false],
    ["another extension", { id: "other@example.invalid" }, false],
    ["another extension's page in a tab", { id: "other@example.invalid", tab, url: `${EXTENSION_ROOT}popup.html` }, false],
  ])("%s", (_case, sender, expected) => {
    expect(isExtensionContext(sender)).toBe(expected);
  });

  test("a page-protocol request from the popup in a Firefox tab is answered, the same request from a content script is not", async () => {
    const handlers = {
      getEntitiesOnPage: vi.fn(() => ({ site: "a.example", active: true, mentions: 0, entities: [] })),
      revealEntity: vi.fn(() => ({ revealed: true })),
      focusNextMention: vi.fn(() => ({ focused: true })),
    };
    servePage(handlers, new AbortController().signal);
    const listener = listeners.at(-1)!;
    expect(await deliver(listener, { type: "focusNextMention" }, { id, tab, url: `${EXTENSION_ROOT}popup.html` })).toEqual({ ok: true, value: { focused: true } });
    expect(deliver(listener, { type: "focusNextMention" }, { id, tab, url: "https://news.example/" })).toBeUndefined();
    expect(handlers.focusNextMention).toHaveBeenCalledOnce();
  });
});
