/**
 * Cities named like their US state: "New York" and "Washington" (the dataset's entities are the
 * city and the capital) name the state in some sentences, and a reader resting on "New York's
 * congressional delegation" should not get New York City's card. The state reading needs a cue
 * the words give, never the meaning alone:
 * - the possessive followed, within three words, by what only a state has ("New York's senior
 *   congresswoman", "Washington's Puyallup Tribe");
 * - an apposition that says so, followed by a relative clause ("In Washington, a state Clinton
 *   won");
 * - a list of at least three states joined by commas, "and", "or", "to" ("from New York to Iowa
 *   to California"; "New York and New Jersey" stays the city: the pair is its metropolitan area);
 * - "Town, State" after a preposition, ending the place phrase ("his home in Garrison, New
 *   York,"), unless the town is a part of the city ("in Brooklyn, New York"), a month, a day or a
 *   country ("in March, Washington."), the line goes on as a list ("in Moscow, Washington and
 *   Beijing") or a clause ("in Ukraine, Washington has spent…");
 * - a word of the sentence only a state takes ("statute", "49 other states", "8 electoral votes"
 *   with its count),
 *   unless the sentence also has a word that keeps it the city or the federal capital ("mayor",
 *   "subway", "Congress": "in New York, the city's mayor");
 * - in Arabic, «الولاية» ("the state") shortly before in the same paragraph, with no word of the
 *   city or the government after it and no preposition right before the name («في واشنطن»); not
 *   «الولاية الثانية», a term of office.
 * The cue words are data (`assets/lexicon/context/us-states.json`), checked by `context-cues.ts`.
 * Every look reaches at most REACH characters either side, inside the matcher's slice window.
 */
import cuesFile from "../../assets/lexicon/context/us-states.json";
import { normalizeString } from "./normalize-text.ts";
import type { StateCues } from "./context-cues.ts";
import { isLineSpace } from "./unicode-word.ts";
import { lazy } from "./lazy.ts";

const cues: StateCues = cuesFile;

/** Characters either side of the name the rule reads, at most (the matcher's slice window allows more). */
const REACH = 150;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** An alternation of phrases, longest first, as whole words. */
const alternation = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");

const SHARED: ReadonlySet<string> = new Set(cues.sharedNames.map((name) => normalizeString(name)));

// The rule's regular expressions are made the first time a shared name is read (`lazy.ts`).
const ARABIC_SCRIPT = lazy(() => /\p{Script=Arabic}/u);
const STATE = alternation(cues.states);
/** A list separator: a comma (maybe with "and"/"or"), or "and", "or", "to", "&" between spaces. */
const SEPARATOR = String.raw`(?:,[ \u00a0]*(?:(?:and|or)[ \u00a0]+)?|[ \u00a0]+(?:and|or|to|&)[ \u00a0]+)`;
const STATE_AFTER = lazy(() => new RegExp(String.raw`^${SEPARATOR}(?:${STATE})(?![\p{L}\p{N}])`, "u"));
const STATE_BEFORE = lazy(() => new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${STATE})${SEPARATOR}$`, "u"));
const LONGEST_STATE = cues.states.reduce((longest, state) => Math.max(longest, state.length), 0);
const POSSESSIVE = lazy(() => /^['’]s[ \u00a0]+/);
const AFTER_POSSESSIVE = cues.afterPossessive.map((phrase) => phrase.split(" "));
const APPOSITION = lazy(() => new RegExp(String.raw`^,[ \u00a0]+(?:${alternation(cues.apposition)})[ \u00a0]+(?:that|which|where|whose|with|\p{Lu})`, "u"));
/** "in Garrison, " before the name: a preposition, up to three capitalised words, a comma. */
const TOWN_BEFORE = lazy(() => /(?:^|[\s(])(?:in|at|of|from|near|to|into|outside)[ \u00a0]+((?:\p{Lu}[\p{Ll}'’.-]+[ \u00a0]+){0,2}\p{Lu}[\p{Ll}'’.-]+),[ \u00a0]*$/u);
/** A list going on after the name ("…, Washington and Beijing"). */
const LIST_AFTER = lazy(() => /^(?:,[ \u00a0]*|[ \u00a0]+(?:and|or|&)[ \u00a0]+)\p{Lu}/u);
const NOT_TOWNS: ReadonlySet<string> = new Set([...cues.cityParts, ...cues.notTowns].map((word) => word.toLowerCase()));
/** After "Town, State" the place phrase ends: punctuation, or the end of the line ("in Ukraine, Washington has…" is a clause). */
const PLACE_ENDS = lazy(() => /^(?:[,.;:)!?]|[ \u00a0]*(?:\n|$))/u);
/** A count before a phrase: digits or a number word. */
const COUNT = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|all|both)[ \u00a0]+`;
const inSentencePattern = (phrase: string) => (phrase.startsWith("# ") ? COUNT + escapeRegExp(phrase.slice(2)) : escapeRegExp(phrase));
const IN_SENTENCE = lazy(() => new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${[...cues.inSentence].sort((a, b) => b.length - a.length).map(inSentencePattern).join("|")})(?![\p{L}\p{N}])`,
  "u",
));
/** The same phrases with no count or word bounds, in any case, across any white space: text without them has none. */
const IN_SENTENCE_ANYWHERE = lazy(() => new RegExp(cues.inSentence.map((phrase) => phrase.replace(/^# /, "").split(" ").map(escapeRegExp).join(String.raw`\s+`)).join("|"), "iu"));
const CITY_WORDS = lazy(() => new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${alternation(cues.cityWords)})(?![\p{L}\p{N}])`, "u"));
/** Where a sentence ends (a full stop after a word of two letters or more, so "D.C." and "N.Y." do not), or a paragraph. */
const SENTENCE_END = lazy(() => /(?:\p{L}{2}[.?!]|[;])(?=\s)|\n\s*\n/gu);
const ARABIC_STATE = lazy(() => new RegExp(String.raw`(?<![\p{L}])(?:${alternation(cues.arabicStateWords)})(?![\p{L}])`, "gu"));
const ARABIC_CITY = lazy(() => new RegExp(alternation(cues.arabicCityWords), "u"));
/** «الولاية الثانية»: a term of office. */
const ARABIC_TERM_AFTER = lazy(() => new RegExp(String.raw`^\s+(?:${alternation(cues.arabicTermAfter)})(?![\p{L}])`, "u"));
/** Prepositions of place right before the name: «في واشنطن» is where something happens, the city. */
const ARABIC_PREPOSITION_BEFORE = lazy(() => /(?:^|\s)(?:في|إلى|الى|من|عن|على|حتى|نحو)\s+$/u);

/** Whether a normalised alias is a name a US state shares with our place, so the rule applies to its matches. */
export function isSharedStateName(alias: string): boolean {
  return SHARED.has(alias);
}

/** Whether the name at [start, end) of `text` (one of the shared names) names the US state. */
export function readsAsUsState(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - REACH), start);
  const after = text.slice(end, end + REACH);
  // Latin names are below the Arabic block: only a name that may be Arabic needs the regex.
  if (text.charCodeAt(start) >= 0x0600 && ARABIC_SCRIPT().test(text[start] ?? "")) return arabicStateReading(before);
  return afterPossessive(after) || APPOSITION().test(after) || inListOfStates(before, after) || isTownState(before, after) || sentenceCue(before, after);
}

function afterPossessive(after: string): boolean {
  const possessive = POSSESSIVE().exec(after);
  if (possessive === null) return false;
  const words: string[] = [];
  for (const raw of after.slice(possessive[0].length).split(/[ \u00a0\n\t]+/, 5)) {
    words.push(raw.toLowerCase().replace(/[^\p{L}\p{N}'’-]+$/u, ""));
    if (/[^\p{L}\p{N}'’-]$/u.test(raw)) break;
  }
  for (let at = 0; at < 3; at++) {
    if (AFTER_POSSESSIVE.some((cue) => cue.every((word, k) => words[at + k] === word))) return true;
  }
  return false;
}

/** At least two other states in the list the name stands in, on its line. */
function inListOfStates(before: string, after: string): boolean {
  let states = 0;
  const stateAfter = STATE_AFTER();
  for (let rest = after, m = stateAfter.exec(rest); m !== null && states < 2; rest = rest.slice(m[0].length), m = stateAfter.exec(rest)) states++;
  for (let end = before.length, at = stateBefore(before, end); at !== -1 && states < 2; end = at, at = stateBefore(before, end)) states++;
  return states >= 2;
}

/**
 * Where the state that ends `before[0, end)` with a list separator after it starts, or -1.
 * Most names follow no separator; a state that does ends at most LONGEST_STATE characters before
 * the separator, so the regex reads only that much, not the whole reach.
 */
function stateBefore(before: string, end: number): number {
  let k = end;
  while (k > 0 && isLineSpace(before.charCodeAt(k - 1))) k--;
  let separator: number;
  if (before.charCodeAt(k - 1) === 0x2c) {
    separator = k - 1;
  } else {
    // "and", "or", "to" or "&" after spaces (or after a comma and spaces), then spaces.
    if (k === end) return -1;
    const word = /(?:and|or|to|&)$/.exec(before.slice(Math.max(0, k - 3), k));
    if (word === null) return -1;
    separator = k - word[0].length;
    while (separator > 0 && isLineSpace(before.charCodeAt(separator - 1))) separator--;
  }
  // The state ends at the separator or at its comma; one character more, for the regex's look
  // at what precedes the state.
  const from = Math.max(0, separator - 1 - LONGEST_STATE - 1);
  const m = STATE_BEFORE().exec(before.slice(from, end));
  return m === null ? -1 : from + m.index;
}


function isTownState(before: string, after: string): boolean {
  // "Town, " must end `before`: a comma, then only spaces.
  let k = before.length;
  while (k > 0 && isLineSpace(before.charCodeAt(k - 1))) k--;
  if (before.charCodeAt(k - 1) !== 0x2c) return false;
  const town = TOWN_BEFORE().exec(before)?.[1];
  if (town === undefined || NOT_TOWNS.has(town.toLowerCase())) return false;
  return PLACE_ENDS().test(after) && !LIST_AFTER().test(after);
}

/** A state's word in the name's sentence, and no word of the city's. */
function sentenceCue(before: string, after: string): boolean {
  // Most sentences have none of the state's words: a plain search rules those out before the
  // sentence is cut out and lower-cased.
  // (The sentence joins the two sides with a space, so a phrase may run across the name.)
  if (!IN_SENTENCE_ANYWHERE().test(`${before} ${after}`)) return false;
  let from = 0;
  const sentenceEnd = SENTENCE_END();
  for (const m of before.matchAll(sentenceEnd)) from = m.index + m[0].length;
  sentenceEnd.lastIndex = 0;
  const next = sentenceEnd.exec(after);
  sentenceEnd.lastIndex = 0;
  const sentence = `${before.slice(from)} ${after.slice(0, next === null ? after.length : next.index + 3)}`.replace(/\s+/g, " ").toLowerCase();
  return IN_SENTENCE().test(sentence) && !CITY_WORDS().test(sentence);
}

function arabicStateReading(before: string): boolean {
  const paragraph = before.slice(before.lastIndexOf("\n") + 1);
  // The state's word must be in the paragraph: a plain search rules most paragraphs out.
  if (!cues.arabicStateWords.some((word) => paragraph.includes(word))) return false;
  if (ARABIC_PREPOSITION_BEFORE().test(before)) return false;
  let last = -1;
  for (const m of paragraph.matchAll(ARABIC_STATE())) {
    const wordEnd = m.index + m[0].length;
    last = ARABIC_TERM_AFTER().test(paragraph.slice(wordEnd, wordEnd + 16)) ? -1 : wordEnd;
  }
  return last !== -1 && !ARABIC_CITY().test(paragraph.slice(last));
}
