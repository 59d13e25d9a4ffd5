/**
 * A name inside a web address or an e-mail address ("USA.gov", "www.Moscow.info",
 * "desk@Washington.example") is part of that address, not a mention: the address is the link's
 * text, and resting on it should not open the place's card.
 */
import { lazy } from "./lazy.ts";

const BEFORE = lazy(() => /[\p{L}\p{N}][.@]$/u);
/** A top-level domain after the name: lower-case letters of any script up to a non-letter (`\b` knows only ASCII). */
const AFTER = lazy(() => /^\.\p{Ll}{2,}(?![\p{L}\p{N}_])/u);

/** Whether the name at [start, end) of `text` is part of a web or e-mail address. */
export function isInWebAddress(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  if (text.charCodeAt(end) !== 0x2e && before !== 0x2e && before !== 0x40) return false;
  return AFTER().test(text.slice(end, end + 12)) || BEFORE().test(text.slice(Math.max(0, start - 2), start));
}
