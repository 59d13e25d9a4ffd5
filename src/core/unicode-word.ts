/**
 * Word characters for whole-word matching: Unicode letters, digits and marks. The regex
 * word-boundary assertion knows only ASCII letters, so it would treat every Arabic letter as a boundary.
 */

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
/** 0 = not looked at yet, 1 = word character, 2 = not. Filled lazily, one entry per code unit. */
const memo = new Uint8Array(0x10000);

/**
 * Whether a (normalised) UTF-16 code unit belongs to a word. Surrogates count as non-word:
 * the letters outside the BMP are too rare beside a name to be worth decoding pairs for.
 */
export function isWordUnit(unit: number): boolean {
  let known = memo[unit]!;
  if (known === 0) {
    const isSurrogate = unit >= 0xd800 && unit <= 0xdfff;
    known = !isSurrogate && WORD_CHAR.test(String.fromCharCode(unit)) ? 1 : 2;
    memo[unit] = known;
  }
  return known === 1;
}

const COMBINING = /^\p{M}$/u;
/** 0 = not looked at yet, 1 = combining mark, 2 = not; filled like `memo`. */
const combiningMemo = new Uint8Array(0x10000);

/** Whether an original code unit is a combining mark (kept inside a mention that it follows). */
export function isCombiningUnit(unit: number): boolean {
  let known = combiningMemo[unit]!;
  if (known === 0) {
    known = COMBINING.test(String.fromCharCode(unit)) ? 1 : 2;
    combiningMemo[unit] = known;
  }
  return known === 1;
}

/** A space or a no-break space: what the context rules accept between the words of a phrase. */
export function isLineSpace(unit: number): boolean {
  return unit === 0x20 || unit === 0xa0;
}
