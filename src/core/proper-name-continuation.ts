/**
 * Proper-name continuation in Latin script: a place name glued, through spaces, to a run of
 * capitalised words that ends in the head word of an organisation, a publication, a brand or a
 * venue ("New York Public Radio", "U.S. Games Systems", "Washington University") is part of a
 * longer proper name that is not the place, so it is not a mention. The lexicon lists the longer
 * names we know; this rule catches the ones nobody listed.
 *
 * Why the head word and not any capital letter: on real pages a place name is far more often a
 * modifier in front of capitalised words that stay about the place — its bodies ("US Treasury",
 * "U.S. Securities and Exchange Commission", "United States Digital Service", "New York Police
 * Department"), menu entries ("US Sports", "US Edition", "New York Property Prices"), days
 * ("Washington Monday") — than the start of another name. The exceptions besides:
 * - a headline in title case or capitals ("Russia Says US Talks Were Constructive"), where every
 *   word is capitalised whether or not it continues a name;
 * - a sentence that starts after an abbreviation ("in Washington, D.C. The talks…", "Hagerstown,
 *   Md. It was…"): the run starts with a word that opens sentences;
 * - a separator between the words ("Washington / Oregon", "Seattle, Portland"): only spaces glue;
 * - another name starting at the next word ("Moscow Washington Post"): the matcher checks that.
 * Only words after the name are looked at: a capitalised word before it is mostly a title or a
 * sentence start ("President Biden", "In Moscow"); longer names that end in one of ours ("Bank of
 * America", "George Washington") are the lexicon's to list.
 */
import { isLineSpace } from "./unicode-word.ts";
import { lazy } from "./lazy.ts";

/** Characters either side of a name that decide whether its line is a headline. */
const CONTEXT = 60;
/** Words (besides the name and the run after it) a line needs before it counts as a headline. */
const HEADLINE_MIN_WORDS = 3;
/** Capitalised words a run may have after a name, at most. */
const LONGEST_RUN = 6;

/** Last words of the names of organisations, publications, brands and venues (lower case). */
const NAME_HEADS: ReadonlySet<string> = new Set(
  (
    "radio television tv times post herald tribune journal chronicle examiner gazette magazine review press " +
    "daily weekly monthly observer courier inquirer telegraph dispatch bulletin ledger sentinel register " +
    "systems games inc corp corporation company co group holdings airways airlines steel bank bancorp insurance " +
    "foods partners ventures motors records studios pictures entertainment media network networks broadcasting " +
    "publishing university college institute school academy library museum gallery opera ballet symphony " +
    "orchestra philharmonic theatre theater zoo aquarium club fc team league cup open marathon championship " +
    "festival awards hospital clinic foundation society association church cathedral trust exchange stadium " +
    "arena avenue ave street st boulevard blvd road square heights park bridge tunnel tour"
  ).split(" "),
);

/** Words that open a sentence: a run starting with one follows an abbreviation that ended one. */
const SENTENCE_OPENERS: ReadonlySet<string> = new Set(
  "the a an in on at it its he she they we i you but and or so yet this that these those there their his her as if when while after before for to with by from since mr mrs ms dr".split(" "),
);

/** Small words that may join the capitalised words of one name ("Bank of", "Food and Drug"). */
const JOINERS: ReadonlySet<string> = new Set("and & of for de del la y".split(" "));

/** Lower-case words a title-cased headline leaves in lower case. */
const TITLE_CASE_LOWER: ReadonlySet<string> = new Set(
  "a an the and or but nor for of in on at to by as from with into onto over than via vs amid after about up out off per".split(" "),
);

const WORD = lazy(() => /[\p{L}\p{N}&][\p{L}\p{M}\p{N}'’]*/gu);
/** A word (or "&") starting exactly at `lastIndex`. */
const WORD_HERE = lazy(() => /[\p{L}\p{N}&][\p{L}\p{M}\p{N}'’]*/uy);
const UPPER_START = lazy(() => /^[\p{Lu}\p{N}]/u);
const LOWER_START = lazy(() => /^\p{Ll}/u);

/**
 * Where the name at [start, end) of `text` continues into a longer proper name: the offset of the
 * first word of the run that continues it, or -1. The matcher keeps the name after all when
 * another name starts there.
 */
export function continuationOf(text: string, start: number, end: number): number {
  // Most names are followed by punctuation or a lower-case word: decide those without a regex.
  if (!isLineSpace(text.charCodeAt(end)) || !mayBeCapital(text.charCodeAt(end + 1)) || !UPPER_START().test(text.slice(start, start + 1))) return -1;
  let at = end;
  let first = -1;
  let head = "";
  for (let words = 0; words < LONGEST_RUN; words++) {
    let next = at;
    while (next < text.length && (text[next] === " " || text[next] === "\u00a0")) next++;
    if (next === at || next === text.length) break;
    const wordHere = WORD_HERE();
    wordHere.lastIndex = next;
    const word = wordHere.exec(text)?.[0];
    if (word === undefined) break;
    const lower = word.toLowerCase();
    if (!UPPER_START().test(word) && !JOINERS.has(lower)) break;
    if (first === -1) {
      if (!UPPER_START().test(word) || SENTENCE_OPENERS.has(lower)) return -1;
      first = next;
    }
    if (UPPER_START().test(word)) head = lower.replace(/['’]s$/, "");
    at = next + word.length;
  }
  if (first === -1 || !NAME_HEADS.has(head)) return -1;
  return isHeadline(text, start, at) ? -1 : first;
}


/** False only for what cannot start a capitalised word: ASCII lower case and punctuation. */
function mayBeCapital(unit: number): boolean {
  return (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x30 && unit <= 0x39) || unit > 0x7f || isLineSpace(unit);
}

/**
 * Whether the line around [start, end) is a headline: enough words, and none of them in lower
 * case except the short words title case leaves small — or the whole line in capitals.
 */
function isHeadline(text: string, start: number, end: number): boolean {
  const lineStart = Math.max(text.lastIndexOf("\n", start - 1) + 1, start - CONTEXT);
  const lineBreak = text.indexOf("\n", end);
  const lineEnd = Math.min(lineBreak === -1 ? text.length : lineBreak, end + CONTEXT);
  const around = [...text.slice(lineStart, start).matchAll(WORD()), ...text.slice(end, lineEnd).matchAll(WORD())].map((m) => m[0]);
  if (around.length < HEADLINE_MIN_WORDS) return false;
  return around.every((word) => !LOWER_START().test(word) || TITLE_CASE_LOWER.has(word));
}
