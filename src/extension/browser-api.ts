/**
 * The one module that touches the WebExtension API. Everything else imports the few calls it
 * needs from here, so tests can replace them and the polyfill could be dropped in one line.
 */
import browser from "webextension-polyfill";

export type { Runtime } from "webextension-polyfill";

/** The promise-based `browser.*` namespace, in every context (Chrome gets the polyfill). */
export const extension = browser;
