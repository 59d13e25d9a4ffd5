/**
 * The Firefox build's stand-in for `webextension-polyfill` (see scripts/build.ts): Firefox's own
 * `browser` namespace, which the polyfill would only pass through, so the ~10 KB of polyfill
 * code need not be parsed in every frame.
 */
import type { extension } from "./browser-api.ts";

declare const browser: unknown;

const namespace = browser as typeof extension;
export default namespace;
