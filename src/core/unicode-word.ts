/**
 * Word characters for whole-word matching: Unicode letters, digits and marks. The regex
 * word-boundary assertion knows only ASCII letters, so it would treat every Arabic letter as a boundary.
 */
import { lazy } from "./lazy.ts";

const WORD_CHAR = lazy(() => /^[\p{L}\p{N}\p{M}]$/u);
const COMBINING = lazy(() => /^\p{M}$/u);

/**
 * `isMember` for UTF-16 code units, memoised in a table filled lazily, one entry per code unit
 * (0 = not looked at yet, 1 = a member, 2 = not): the regexes run once per unit a page holds.
 */
function memoisedByUnit(isMember: (unit: number) => boolean): (unit: number) => boolean {
  const memo = new Uint8Array(0x10000);
  return (unit) => {
    let known = memo[unit]!;
    if (known === 0) {
      known = isMember(unit) ? 1 : 2;
      memo[unit] = known;
    }
    return known === 1;
  };
}

/**
 * Whether a (normalised) UTF-16 code unit belongs to a word. Surrogates count as non-word:
 * the letters outside the BMP are too rare beside a name to be worth decoding pairs for.
 */
export const isWordUnit = memoisedByUnit((unit) => !(unit >= 0xd800 && unit <= 0xdfff) && WORD_CHAR().test(String.fromCharCode(unit)));

/** Whether an original code unit is a combining mark (kept inside a mention that it follows). */
export const isCombiningUnit = memoisedByUnit((unit) => COMBINING().test(String.fromCharCode(unit)));

/** A space or a no-break space: what the context rules accept between the words of a phrase. */
export function isLineSpace(unit: number): boolean {
  return unit === 0x20 || unit === 0xa0;
}
