/**
 * Whether a longer phrase contains a name as a whole word, by the matcher's own rules (after
 * normalisation; Unicode word boundaries; Arabic proclitics allowed before an Arabic name). The
 * check behind "a name that is not ours must contain one of ours", for dataset exclusions and
 * the bundled lexicon alike: a phrase that contains none of our names could never block one.
 */
import { isProcliticPrefix, startsWithArabic } from "./arabic-proclitics.ts";
import { normalizeString } from "./normalize-text.ts";
import { isWordUnit } from "./unicode-word.ts";

/**
 * The first of `keys` (names already normalised with `normalizeString`, so a long list is
 * normalised once, not once per phrase) that `phrase` contains as a whole word, or undefined.
 */
export function containsName(phrase: string, keys: Iterable<string>): string | undefined {
  const text = normalizeString(phrase);
  for (const key of keys) {
    if (key === "") continue;
    for (let at = text.indexOf(key); at !== -1; at = text.indexOf(key, at + 1)) {
      const end = at + key.length;
      if (end < text.length && isWordUnit(text.charCodeAt(end))) continue;
      let wordStart = at;
      while (wordStart > 0 && isWordUnit(text.charCodeAt(wordStart - 1))) wordStart--;
      if (wordStart === at || (startsWithArabic(key) && isProcliticPrefix(text.slice(wordStart, at)))) return key;
    }
  }
  return undefined;
}
