/**
 * Arabic country names spelled like the adjective made from them (the nisba), where the word
 * before shows the adjective is meant. English "Saudi" and "Russian" are not aliases of the
 * countries, and a reader resting on «القنصلية السعودية» (the Saudi consulate) or on «طرد 23
 * دبلوماسيا روسيا» (expelled 23 Russian diplomats) would not expect the country's card either:
 * - «السعودية» after a definite noun is the definite feminine adjective («القنصلية السعودية»,
 *   «وكالة الأنباء السعودية»); after a preposition or an indefinite noun it is the country («في
 *   السعودية», «زيارة السعودية»). The full name «المملكة العربية السعودية» and its short form
 *   «العربية السعودية» are the country.
 * - «روسيا» (and «أوكرانيا») after an indefinite noun in the accusative, which ends in alef
 *   («دبلوماسيا», «وفدا», «مسؤولا»), is the accusative adjective «روسيًّا»; after a particle,
 *   an adverb or a word carrying a pronoun («كما روسيا», «أيضا روسيا», «بما فيها روسيا») it is
 *   the country, and so it is after a verb ending in the plural «وا» («اتهموا روسيا»).
 * A proclitic before the name (و ب ل ف ك) leaves it the country: the rule needs the name to
 * follow the noun directly.
 */

import { normalizeString } from "./normalize-text.ts";

/** Words ending in alef that are particles or adverbs, not nouns a nisba could qualify. */
const NOT_NOUNS: ReadonlySet<string> = new Set(
  ("كما بينما ربما انما لما مما عما فيما طالما حينما عندما كلما اما ما لا اذا هنا هذا لذا انا الا كذا " +
    "أيضا خصوصا حاليا سابقا دائما أبدا تماما جدا مثلا لاسيما سيما أولا ثانيا ثالثا أخيرا مؤخرا مجددا رسميا " +
    "علنا سرا قريبا غدا يوميا سنويا تقريبا فعلا اصلا جميعا معا حتما طبعا اذن وفقا تبعا نظرا")
    .split(" ")
    .map((word) => normalizeString(word)),
);

/**
 * Words that look definite once normalised (إلى → الي) but are particles or relative pronouns,
 * and the first word of the country's own short name («العربية السعودية»).
 */
const NOT_DEFINITE_NOUNS: ReadonlySet<string> = new Set(
  ["إلى", "إلا", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي", "اللواتي", "العربية"].map((word) => normalizeString(word)),
);

const SPACE = 0x20;
const ALEF = 0x627;
const LAM = 0x644;
/** Longest word before a name that the rule reads; longer ones are no nouns it knows. */
const LONGEST_WORD = 24;

/**
 * Whether the name `name` (normalised, one word), starting at `start` of the normalised `units`
 * with no proclitic before it, is used as an adjective. Most names fail the first letter test,
 * so the word before is made a string only when it may matter.
 */
export function readsAsAdjective(name: string, units: Uint16Array, start: number): boolean {
  if (start < 2 || units[start - 1] !== SPACE) return false;
  let wordStart = start - 1;
  while (wordStart > 0 && units[wordStart - 1] !== SPACE && start - wordStart <= LONGEST_WORD) wordStart--;
  const definite = units[wordStart] === ALEF && units[wordStart + 1] === LAM;
  const definiteName = name.startsWith("ال");
  if (definiteName ? !definite : definite || units[start - 2] !== ALEF) return false;
  const word = String.fromCharCode(...units.subarray(wordStart, start - 1));
  if (!/^\p{Script=Arabic}+$/u.test(word)) return false;
  if (definiteName) return !NOT_DEFINITE_NOUNS.has(word);
  return word.length >= 3 && !/(?:وا|ها|نا)$/.test(word) && !NOT_NOUNS.has(word);
}

/** Whether a normalised alias is spelled like a nisba adjective, so `readsAsAdjective` applies to it. */
export function isNisbaSpelling(name: string): boolean {
  return /^\p{Script=Arabic}+$/u.test(name) && ((name.startsWith("ال") && name.endsWith("يه")) || (!name.startsWith("ال") && name.endsWith("يا")));
}
