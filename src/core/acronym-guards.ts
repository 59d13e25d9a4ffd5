/**
 * Guards for a case-sensitive acronym that spells something else in its surroundings: "US" is
 * not the country
 * - before a currency sign or an amount ("US$ 100", "US $5", "US 100"): a currency prefix;
 * - inside a locale or code, after lower-case letters and a hyphen or underscore ("en-US",
 *   "en_US");
 * - as the pronoun in a line of capitals, after a verb or preposition that takes it as object
 *   ("FOLLOW US", "CONTACT US", "JOIN US", "ABOUT US"); after "WITH", "TO" or "FOR" only when it
 *   ends a link-sized line of at most three words ("WORK WITH US", "TALK TO US", "WRITE FOR US"),
 *   since "RUSSIA HOLDS TALKS WITH US" is a headline about the country.
 */
import { lazy } from "./lazy.ts";

/** Capitalised words after which an all-caps "US" is the pronoun: site chrome and calls to act. */
const PRONOUN_BEFORE: ReadonlySet<string> = new Set(
  "FOLLOW CONTACT JOIN ABOUT EMAIL E-MAIL MAIL CALL TELL HELP SUPPORT WRITE VISIT MEET ASK TEXT LIKE FIND WATCH SHOW GIVE SEND LET LETS LET'S MESSAGE DM TAG PITCH TIP".split(" "),
);

/**
 * A currency sign, or an amount that is not a year ("US 100", but "the US 2024 election" stays).
 * A year is four digits that no further digit follows, whatever comes after in any script
 * ("2024s", «2025م»); `\b` would know only ASCII.
 */
const AMOUNT_AFTER = lazy(() => /^(?:\s?[$€£¥]|\s?(?!(?:19|20)\d\d(?!\p{N}))\d)/u);
const CODE_BEFORE = lazy(() => /\p{Ll}{2,3}[-_]$/u);
const WORD_BEFORE = lazy(() => /([A-Z][A-Z'’-]*)[ \u00a0]+$/u);

/** Prepositions after which "US" is the pronoun only at the end of a short line. */
const PREPOSITION_BEFORE: ReadonlySet<string> = new Set(["WITH", "TO", "FOR"]);
/** Words a line may have, at most, to read as a link ("WORK WITH US"). */
const LINK_WORDS = 3;

/** Whether the acronym at [start, end) of `text` is, by its surroundings, not the name. */
export function isAcronymMisread(text: string, start: number, end: number): boolean {
  const next = text.charCodeAt(end);
  // A currency sign or a digit after the name, maybe after a space: look closer.
  if ((startsAmount(next) || ((next === 0x20 || next === 0xa0 || next > 0x7f) && startsAmount(text.charCodeAt(end + 1)))) && AMOUNT_AFTER().test(text.slice(end, end + 6))) return true;
  // Nothing to look at after a name that follows a line break or a punctuation mark.
  const previous = text.charCodeAt(start - 1);
  if (previous === 0x2d || previous === 0x5f) return CODE_BEFORE().test(text.slice(Math.max(0, start - 16), start));
  if (previous !== 0x20 && previous !== 0xa0) return false;
  // A word in capitals before the spaces, or nothing to look at.
  const windowStart = Math.max(0, start - 16);
  let k = start - 1;
  while (k > windowStart && (text.charCodeAt(k - 1) === 0x20 || text.charCodeAt(k - 1) === 0xa0)) k--;
  if (k === windowStart || !isCapitalsWordEnd(text.charCodeAt(k - 1))) return false;
  const word = WORD_BEFORE().exec(text.slice(windowStart, start))?.[1]?.replace("’", "'");
  if (word === undefined) return false;
  if (PRONOUN_BEFORE.has(word)) return true;
  if (!PREPOSITION_BEFORE.has(word)) return false;
  const lineEnd = text.indexOf("\n", end);
  const after = text.slice(end, lineEnd === -1 ? text.length : lineEnd).trim();
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  return after === "" && text.slice(lineStart, end).trim().split(/\s+/).length <= LINK_WORDS;
}

/** A currency sign or a digit: what an amount after the name starts with. */
function startsAmount(unit: number): boolean {
  return unit === 0x24 || (unit >= 0x30 && unit <= 0x39) || unit === 0x20ac || unit === 0xa3 || unit === 0xa5;
}

/** What a word in capitals (`WORD_BEFORE`) can end with. */
function isCapitalsWordEnd(unit: number): boolean {
  return (unit >= 0x41 && unit <= 0x5a) || unit === 0x27 || unit === 0x2019 || unit === 0x2d;
}
