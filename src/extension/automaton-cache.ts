/**
 * The bundled dictionary's automaton, kept in `storage.local` from one page to the next under one
 * key, with the key of what it was built from: the builder's code and the patterns (see
 * `automaton-codec.ts`); an extension update that changes either builds and keeps it anew.
 * Damaged or foreign contents read as nothing kept: the page builds as before. Base64, since
 * Chrome's `storage.local` holds JSON.
 */
import type { Automaton } from "../core/automaton.ts";
import { decodeAutomaton, encodeAutomaton } from "../core/automaton-codec.ts";
import type { StorageArea } from "../shared/imported-datasets.ts";

/** The storage key (not a dataset's or a table's: the sweep of unreferenced entries leaves it). */
export const AUTOMATON_CACHE_KEY = "matcherAutomaton";
/**
 * The longest automaton kept, in base64 characters (the bundled dictionary's: about 440,000):
 * `storage.local` holds 10 MB in all, the reader's imported datasets included.
 */
const MAX_KEPT_CHARS = 2_000_000;

/** The automaton kept for `key`, or null (none, another key's, or unsound). */
export async function readKeptAutomaton(area: Pick<StorageArea, "get">, key: string, patternCount: number): Promise<Automaton | null> {
  try {
    const entry = (await area.get(AUTOMATON_CACHE_KEY))[AUTOMATON_CACHE_KEY] as { key?: unknown; automaton?: unknown } | undefined;
    if (typeof entry !== "object" || entry === null || entry.key !== key || typeof entry.automaton !== "string") return null;
    const bytes = fromBase64(entry.automaton);
    return bytes === null ? null : decodeAutomaton(bytes, patternCount);
  } catch {
    return null;
  }
}

/** Keeps `automaton` for `key`, in place of any other (unless it is too large to keep). */
export async function keepAutomaton(area: Pick<StorageArea, "set">, key: string, automaton: Automaton): Promise<void> {
  const text = toBase64(encodeAutomaton(automaton));
  if (text.length > MAX_KEPT_CHARS) return;
  await area.set({ [AUTOMATON_CACHE_KEY]: { key, automaton: text } });
}

/** Base64 of `bytes` (the browsers' own encoder where there is one). */
function toBase64(bytes: Uint8Array): string {
  const native = bytes as Uint8Array & { toBase64?: () => string };
  if (typeof native.toBase64 === "function") return native.toBase64();
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The bytes of a base64 string, or null if it is not one. */
function fromBase64(text: string): Uint8Array | null {
  try {
    const native = Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array };
    if (typeof native.fromBase64 === "function") return native.fromBase64(text);
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
