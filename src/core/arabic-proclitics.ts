/**
 * Arabic proclitics: particles written joined to the next word. A name may carry them
 * ("وواشنطن" is "and Washington", "بالولايات المتحدة" "in the United States") and the mention
 * is still the name. The grammar, on normalised text: an optional conjunction و or ف, then an
 * optional preposition ب, ك or ل, then an optional article ال.
 */
import { lazy } from "./lazy.ts";

const CONJUNCTIONS = ["", "و", "ف"];
const PREPOSITIONS = ["", "ب", "ك", "ل"];
const ARTICLES = ["", "ال"];

/** Every prefix a name may carry, including the empty one. */
const PROCLITIC_PREFIXES: ReadonlySet<string> = new Set(
  CONJUNCTIONS.flatMap((c) => PREPOSITIONS.flatMap((p) => ARTICLES.map((a) => c + p + a))),
);

/**
 * The prefixes before a name that starts with the article's lam once the article's alef has
 * been swallowed: ل + الولايات is written للولايات, so the name is matched from its second lam.
 */
const LAM_PREFIXES: ReadonlySet<string> = new Set(["ل", "ول", "فل"]);

/** The longest proclitic prefix there is, in code units. */
export const LONGEST_PROCLITIC = 5;

/** Whether `prefix` (normalised) is a sequence of proclitics that may precede a name. */
export function isProcliticPrefix(prefix: string): boolean {
  return PROCLITIC_PREFIXES.has(prefix);
}

/** Whether `prefix` may precede a name whose article alef was elided after the preposition ل. */
export function isLamPrefix(prefix: string): boolean {
  return LAM_PREFIXES.has(prefix);
}

const ARABIC_LETTER = lazy(() => /^\p{Script=Arabic}/u);

/** Whether a normalised alias starts with an Arabic letter, and so may carry proclitics. */
export function startsWithArabic(alias: string): boolean {
  return ARABIC_LETTER().test(alias);
}

/** The normalised Arabic definite article. */
export const ARTICLE = "ال";
