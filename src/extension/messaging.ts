/**
 * Sending and receiving the protocol's messages through the browser API. Receivers accept
 * only messages from this extension (its pages, background and content scripts): a web page
 * cannot reach them, and anything else is ignored.
 */
import { extension, type Runtime } from "./browser-api.ts";
import {
  backgroundProtocol,
  dispatch,
  pageProtocol,
  panelProtocol,
  readReply,
  type Handlers,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from "../shared/messages.ts";

type BackgroundProtocol = typeof backgroundProtocol;
type PageProtocol = typeof pageProtocol;
type PanelProtocol = typeof panelProtocol;

/** Whether a message comes from this extension itself. */
function isOwnSender(sender: Runtime.MessageSender): boolean {
  return sender.id === extension.runtime.id;
}

/** Sends a request to the background and returns its validated reply. */
export async function askBackground<K extends keyof BackgroundProtocol & string>(
  request: RequestOf<BackgroundProtocol, K> & { type: K },
): Promise<Reply<ResponseOf<BackgroundProtocol, K>>> {
  try {
    return readReply(backgroundProtocol, request.type, await extension.runtime.sendMessage(request));
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** Sends a request to the content script of a tab's top frame and returns its validated reply. */
export async function askPage<K extends keyof PageProtocol & string>(
  tabId: number,
  request: RequestOf<PageProtocol, K> & { type: K },
): Promise<Reply<ResponseOf<PageProtocol, K>>> {
  try {
    return readReply(pageProtocol, request.type, await extension.tabs.sendMessage(tabId, request, { frameId: 0 }));
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

type Listener = (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined;

/**
 * Adds a message listener that answers asynchronously the way every browser supports: it calls
 * `sendResponse` when the answer is ready and returns `true` to keep the channel open. (The
 * polyfill also accepts a returned Promise, but the Chrome build uses the native `chrome`
 * namespace, where that is not guaranteed.) A message the listener leaves unanswered gets no
 * response from this context, so another context may answer it.
 */
function listen(listener: Listener, signal?: AbortSignal): void {
  const native = (message: unknown, sender: Runtime.MessageSender, sendResponse: (response: unknown) => void): true | undefined => {
    const answer = listener(message, sender);
    if (answer === undefined) return undefined;
    answer.then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
    return true;
  };
  const onMessage = extension.runtime.onMessage as unknown as {
    addListener(callback: typeof native): void;
    removeListener(callback: typeof native): void;
  };
  onMessage.addListener(native);
  signal?.addEventListener("abort", () => onMessage.removeListener(native), { once: true });
}

/** Answers the background protocol (in the background). */
export function serveBackground(handlers: Handlers<BackgroundProtocol, Runtime.MessageSender>): void {
  listen((message, sender) => {
    if (!isOwnSender(sender)) return undefined;
    return dispatch(backgroundProtocol, handlers, message, sender);
  });
}

/**
 * Whether a message comes from the extension's background or one of its pages, not from a
 * content script. A content script's message carries `sender.tab` and the web page's URL.
 * Chrome leaves `tab` out for extension pages; Firefox sets it for an extension page shown in
 * a tab (the popup on Firefox for Android, or opened as a page), so there the URL decides.
 */
export function isExtensionContext(sender: Runtime.MessageSender): boolean {
  return isOwnSender(sender) && (sender.tab === undefined || (sender.url?.startsWith(extension.runtime.getURL("")) ?? false));
}

/**
 * Answers the page protocol (in a content script). Only the extension's pages and background
 * may ask: a message relayed from a content script is ignored, as is one that is not a
 * page-protocol message.
 */
export function servePage(handlers: Handlers<PageProtocol, Runtime.MessageSender>, signal: AbortSignal): void {
  listen((message, sender) => {
    if (!isExtensionContext(sender)) return undefined;
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== "string" || !Object.hasOwn(pageProtocol, type)) return undefined;
    return dispatch(pageProtocol, handlers, message, sender);
  }, signal);
}

/**
 * Tells every open side panel something (from the background). Resolves to the first panel's
 * reply, or an error value when none is open: "no receiving end" is the usual case, not a failure.
 */
export async function tellPanels<K extends keyof PanelProtocol & string>(
  request: RequestOf<PanelProtocol, K> & { type: K },
): Promise<Reply<ResponseOf<PanelProtocol, K>>> {
  try {
    return readReply(panelProtocol, request.type, await extension.runtime.sendMessage(request));
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/**
 * Answers the panel protocol (in a side panel). Only the background may tell it anything: a
 * content script's message, or one of another protocol, is left for its own receiver.
 */
export function servePanel(handlers: Handlers<PanelProtocol, Runtime.MessageSender>, signal: AbortSignal): void {
  listen((message, sender) => {
    if (!isExtensionContext(sender)) return undefined;
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== "string" || !Object.hasOwn(panelProtocol, type)) return undefined;
    return dispatch(panelProtocol, handlers, message, sender);
  }, signal);
}
