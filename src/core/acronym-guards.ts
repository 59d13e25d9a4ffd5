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

/** Capitalised words after which an all-caps "US" is the pronoun: site chrome and calls to act. */
const PRONOUN_BEFORE: ReadonlySet<string> = new Set(
  "FOLLOW CONTACT JOIN ABOUT EMAIL E-MAIL MAIL CALL TELL HELP SUPPORT WRITE VISIT MEET ASK TEXT LIKE FIND WATCH SHOW GIVE SEND LET LETS LET'S MESSAGE DM TAG PITCH TIP".split(" "),
);

/**
 * A currency sign, or an amount that is not a year ("US 100", but "the US 2024 election" stays).
 * A year is four digits that no further digit follows, whatever comes after in any script
 * ("2024s", «2025م»); `\b` would know only ASCII.
 */
const AMOUNT_AFTER = /^(?:\s?[$€£¥]|\s?(?!(?:19|20)\d\d(?!\p{N}))\d)/u;
const CODE_BEFORE = /\p{Ll}{2,3}[-_]$/u;
const WORD_BEFORE = /([A-Z][A-Z'’-]*)[ \u00a0]+$/u;

/** Prepositions after which "US" is the pronoun only at the end of a short line. */
const PREPOSITION_BEFORE: ReadonlySet<string> = new Set(["WITH", "TO", "FOR"]);
/** Words a line may have, at most, to read as a link ("WORK WITH US"). */
const LINK_WORDS = 3;

/** Whether the acronym at [start, end) of `text` is, by its surroundings, not the name. */
export function isAcronymMisread(text: string, start: number, end: number): boolean {
  // Nothing to look at after a name that follows a line break or a punctuation mark.
  const previous = text[start - 1];
  const next = text.charCodeAt(end);
  // A currency sign, a digit or a space (before an amount) after the name: look closer.
  if ((next === 0x20 || next === 0xa0 || next === 0x24 || (next >= 0x30 && next <= 0x39) || next > 0x7f) && AMOUNT_AFTER.test(text.slice(end, end + 6))) return true;
  if (previous !== " " && previous !== "\u00a0" && previous !== "-" && previous !== "_") return false;
  const before = text.slice(Math.max(0, start - 16), start);
  if (CODE_BEFORE.test(before)) return true;
  const word = WORD_BEFORE.exec(before)?.[1]?.replace("’", "'");
  if (word === undefined) return false;
  if (PRONOUN_BEFORE.has(word)) return true;
  if (!PREPOSITION_BEFORE.has(word)) return false;
  const lineEnd = text.indexOf("\n", end);
  const after = text.slice(end, lineEnd === -1 ? text.length : lineEnd).trim();
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  return after === "" && text.slice(lineStart, end).trim().split(/\s+/).length <= LINK_WORDS;
}
