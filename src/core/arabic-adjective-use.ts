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

/** The word that ends right before `end` in `text`, if a single space separates it from what follows. */
function previousWord(text: string, end: number): string | undefined {
  if (text[end - 1] !== " ") return undefined;
  const start = text.lastIndexOf(" ", end - 2) + 1;
  const word = text.slice(start, end - 1);
  return /^\p{Script=Arabic}+$/u.test(word) ? word : undefined;
}

/**
 * Whether the name `name` (normalised, one word, no proclitic before it) is used as an adjective,
 * given the normalised text before it.
 */
export function readsAsAdjective(name: string, before: string): boolean {
  const word = previousWord(before, before.length);
  if (word === undefined) return false;
  if (name.startsWith("ال") && name.endsWith("يه")) return word.startsWith("ال") && !NOT_DEFINITE_NOUNS.has(word);
  if (name.endsWith("يا")) {
    return word.length >= 3 && word.endsWith("ا") && !word.startsWith("ال") && !/(?:وا|ها|نا)$/.test(word) && !NOT_NOUNS.has(word);
  }
  return false;
}

/** Whether a normalised alias is spelled like a nisba adjective, so `readsAsAdjective` applies to it. */
export function isNisbaSpelling(name: string): boolean {
  return /^\p{Script=Arabic}+$/u.test(name) && ((name.startsWith("ال") && name.endsWith("يه")) || (!name.startsWith("ال") && name.endsWith("يا")));
}
