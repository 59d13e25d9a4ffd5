/**
 * The Chrome build's stand-in for `webextension-polyfill` (see scripts/build.ts): Chrome's own
 * `chrome` namespace, whose MV3 APIs already return promises. Only `browser-api.ts` imports
 * the polyfill, so this is the one place the two builds differ.
 */
import type { extension } from "./browser-api.ts";

declare const chrome: unknown;

const namespace = chrome as typeof extension;
export default namespace;
