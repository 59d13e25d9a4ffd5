/**
 * The bundled dictionary's automaton, kept in `storage.local` from one page to the next under one
 * storage key, beside the key of what it was built from (made at build time from the builder's
 * code and the bundled patterns: an update that changes either builds and keeps it anew; see
 * `automaton-codec.ts`). Foreign contents read as nothing kept, damaged ones are found unsound by
 * the matcher's build: either way the page builds as before and keeps its own. As base64, since
 * Chrome's `storage.local` holds JSON.
 */
import type { Automaton } from "../core/automaton.ts";
import { decodeAutomaton, encodeAutomaton } from "../core/automaton-codec.ts";
import type { StorageArea } from "../shared/imported-datasets.ts";

/** The storage key (not a dataset's or a table's: the sweep of unreferenced entries leaves it). */
export const AUTOMATON_CACHE_KEY = "matcherAutomaton";
/**
 * The longest automaton kept, in base64 characters (the bundled dictionary's: about 423,000):
 * `storage.local` holds 10 MB in all, the reader's imported datasets included.
 */
const MAX_KEPT_CHARS = 2_000_000;

/**
 * The automaton kept for `key`, or null (none, another key's, or not of this code's layout).
 * Whether it is sound, the matcher's build checks (`Matcher.buildInSteps`).
 */
export async function readKeptAutomaton(area: Pick<StorageArea, "get">, key: string): Promise<Automaton | null> {
  try {
    const entry = (await area.get(AUTOMATON_CACHE_KEY))[AUTOMATON_CACHE_KEY] as { key?: unknown; automaton?: unknown } | undefined;
    if (typeof entry !== "object" || entry === null || entry.key !== key || typeof entry.automaton !== "string") return null;
    const bytes = fromBase64(entry.automaton);
    return bytes === null ? null : decodeAutomaton(bytes);
  } catch {
    return null;
  }
}

/** Keeps `automaton` for `key`, in place of any other (unless it is too large to keep). */
export async function keepAutomaton(area: Pick<StorageArea, "set">, key: string, automaton: Automaton): Promise<void> {
  const text = toBase64(encodeAutomaton(automaton));
  if (text === null || text.length > MAX_KEPT_CHARS) return;
  await area.set({ [AUTOMATON_CACHE_KEY]: { key, automaton: text } });
}

/**
 * Base64 through the browser's own codec (`Uint8Array.prototype.toBase64`, `Uint8Array.fromBase64`:
 * Chrome 140, Firefox 133); an older browser keeps nothing and builds on each page, as before.
 */
const base64 = Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array; prototype: { toBase64?: () => string } };

/** Base64 of `bytes`, or null where the browser has no encoder. */
function toBase64(bytes: Uint8Array): string | null {
  return base64.prototype.toBase64?.call(bytes) ?? null;
}

/** The bytes of a base64 string, or null if it is not one (or the browser has no decoder). */
function fromBase64(text: string): Uint8Array | null {
  try {
    return base64.fromBase64?.(text) ?? null;
  } catch {
    return null;
  }
}
