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

const cues: StateCues = cuesFile;

/** Characters either side of the name the rule reads, at most (the matcher's slice window allows more). */
const REACH = 150;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** An alternation of phrases, longest first, as whole words. */
const alternation = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");

const SHARED: ReadonlySet<string> = new Set(cues.sharedNames.map((name) => normalizeString(name)));
const STATE = alternation(cues.states);
/** A list separator: a comma (maybe with "and"/"or"), or "and", "or", "to", "&" between spaces. */
const SEPARATOR = String.raw`(?:,[ \u00a0]*(?:(?:and|or)[ \u00a0]+)?|[ \u00a0]+(?:and|or|to|&)[ \u00a0]+)`;
const STATE_AFTER = new RegExp(String.raw`^${SEPARATOR}(?:${STATE})(?![\p{L}\p{N}])`, "u");
const STATE_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${STATE})${SEPARATOR}$`, "u");
const POSSESSIVE = /^['’]s[ \u00a0]+/;
const AFTER_POSSESSIVE = cues.afterPossessive.map((phrase) => phrase.split(" "));
const APPOSITION = new RegExp(String.raw`^,[ \u00a0]+(?:${alternation(cues.apposition)})[ \u00a0]+(?:that|which|where|whose|with|\p{Lu})`, "u");
/** "in Garrison, " before the name: a preposition, up to three capitalised words, a comma. */
const TOWN_BEFORE = /(?:^|[\s(])(?:in|at|of|from|near|to|into|outside)[ \u00a0]+((?:\p{Lu}[\p{Ll}'’.-]+[ \u00a0]+){0,2}\p{Lu}[\p{Ll}'’.-]+),[ \u00a0]*$/u;
/** A list going on after the name ("…, Washington and Beijing"). */
const LIST_AFTER = /^(?:,[ \u00a0]*|[ \u00a0]+(?:and|or|&)[ \u00a0]+)\p{Lu}/u;
const NOT_TOWNS: ReadonlySet<string> = new Set([...cues.cityParts, ...cues.notTowns].map((word) => word.toLowerCase()));
/** After "Town, State" the place phrase ends: punctuation, or the end of the line ("in Ukraine, Washington has…" is a clause). */
const PLACE_ENDS = /^(?:[,.;:)!?]|[ \u00a0]*(?:\n|$))/u;
/** A count before a phrase: digits or a number word. */
const COUNT = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|all|both)[ \u00a0]+`;
const inSentencePattern = (phrase: string) => (phrase.startsWith("# ") ? COUNT + escapeRegExp(phrase.slice(2)) : escapeRegExp(phrase));
const IN_SENTENCE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${[...cues.inSentence].sort((a, b) => b.length - a.length).map(inSentencePattern).join("|")})(?![\p{L}\p{N}])`,
  "u",
);
const CITY_WORDS = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${alternation(cues.cityWords)})(?![\p{L}\p{N}])`, "u");
/** Where a sentence ends (a full stop after a word of two letters or more, so "D.C." and "N.Y." do not), or a paragraph. */
const SENTENCE_END = /(?:\p{L}{2}[.?!]|[;])(?=\s)|\n\s*\n/gu;
const ARABIC_STATE = new RegExp(String.raw`(?<![\p{L}])(?:${alternation(cues.arabicStateWords)})(?![\p{L}])`, "gu");
const ARABIC_CITY = new RegExp(alternation(cues.arabicCityWords), "u");
/** «الولاية الثانية»: a term of office. */
const ARABIC_TERM_AFTER = new RegExp(String.raw`^\s+(?:${alternation(cues.arabicTermAfter)})(?![\p{L}])`, "u");
/** Prepositions of place right before the name: «في واشنطن» is where something happens, the city. */
const ARABIC_PREPOSITION_BEFORE = /(?:^|\s)(?:في|إلى|الى|من|عن|على|حتى|نحو)\s+$/u;

/** Whether a normalised alias is a name a US state shares with our place, so the rule applies to its matches. */
export function isSharedStateName(alias: string): boolean {
  return SHARED.has(alias);
}

/** Whether the name at [start, end) of `text` (one of the shared names) names the US state. */
export function readsAsUsState(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - REACH), start);
  const after = text.slice(end, end + REACH);
  if (/\p{Script=Arabic}/u.test(text[start] ?? "")) return arabicStateReading(before);
  return afterPossessive(after) || APPOSITION.test(after) || inListOfStates(before, after) || isTownState(before, after) || sentenceCue(before, after);
}

function afterPossessive(after: string): boolean {
  const possessive = POSSESSIVE.exec(after);
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
  for (let rest = after, m = STATE_AFTER.exec(rest); m !== null && states < 2; rest = rest.slice(m[0].length), m = STATE_AFTER.exec(rest)) states++;
  for (let rest = before, m = STATE_BEFORE.exec(rest); m !== null && states < 2; rest = rest.slice(0, m.index), m = STATE_BEFORE.exec(rest)) states++;
  return states >= 2;
}

function isTownState(before: string, after: string): boolean {
  const town = TOWN_BEFORE.exec(before)?.[1];
  if (town === undefined || NOT_TOWNS.has(town.toLowerCase())) return false;
  return PLACE_ENDS.test(after) && !LIST_AFTER.test(after);
}

/** A state's word in the name's sentence, and no word of the city's. */
function sentenceCue(before: string, after: string): boolean {
  let from = 0;
  for (const m of before.matchAll(SENTENCE_END)) from = m.index + m[0].length;
  SENTENCE_END.lastIndex = 0;
  const next = SENTENCE_END.exec(after);
  SENTENCE_END.lastIndex = 0;
  const sentence = `${before.slice(from)} ${after.slice(0, next === null ? after.length : next.index + 3)}`.replace(/\s+/g, " ").toLowerCase();
  return IN_SENTENCE.test(sentence) && !CITY_WORDS.test(sentence);
}

function arabicStateReading(before: string): boolean {
  if (ARABIC_PREPOSITION_BEFORE.test(before)) return false;
  const paragraph = before.slice(before.lastIndexOf("\n") + 1);
  let last = -1;
  for (const m of paragraph.matchAll(ARABIC_STATE)) {
    const wordEnd = m.index + m[0].length;
    last = ARABIC_TERM_AFTER.test(paragraph.slice(wordEnd, wordEnd + 16)) ? -1 : wordEnd;
  }
  return last !== -1 && !ARABIC_CITY.test(paragraph.slice(last));
}
