/**
 * Lexicon validation: the zod schema for shape, then the rules that make an entry useful — it
 * contains one of our names as a whole word (or it could never keep one from matching), it is
 * not itself one of our names (or it would take that name away), and it is listed once. Every
 * problem carries its JSON path (`$.entries[3].phrase`); nothing stops at the first problem.
 */
import { containsName } from "./contains-name.ts";
import { lexiconSchema, type Lexicon } from "./lexicon-schema.ts";
import { normalizeString } from "./normalize-text.ts";
import { jsonPath } from "./validate-dataset.ts";

/** One problem in a lexicon file. */
export interface LexiconProblem {
  path: string;
  message: string;
}

export type LexiconValidation = { ok: true; lexicon: Lexicon } | { ok: false; problems: LexiconProblem[] };

/**
 * Checks a parsed JSON value against the lexicon format, given our names (every display name and
 * alias of the datasets the lexicon serves) and the phrases of lexicon files already checked, so
 * that a phrase listed in two files is caught too.
 */
export function validateLexicon(input: unknown, names: readonly string[], listedBefore: ReadonlySet<string> = new Set()): LexiconValidation {
  const parsed = lexiconSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })) };
  }
  const lexicon = parsed.data;
  const problems: LexiconProblem[] = [];
  const ours = new Set(names.map((name) => normalizeString(name)));
  const seen = new Map<string, number>();
  lexicon.entries.forEach(({ phrase }, i) => {
    const path = jsonPath(["entries", i, "phrase"]);
    const key = normalizeString(phrase);
    const first = seen.get(key);
    if (ours.has(key)) problems.push({ path, message: `"${phrase}" is one of our names; a name not ours must be longer than ours` });
    else if (containsName(phrase, ours) === undefined) problems.push({ path, message: `"${phrase}" contains none of our names, so it could never keep one from matching` });
    else if (first !== undefined) problems.push({ path, message: `"${phrase}" is listed already, at ${jsonPath(["entries", first, "phrase"])}` });
    else if (listedBefore.has(key)) problems.push({ path, message: `"${phrase}" is listed already, in another lexicon file` });
    if (first === undefined) seen.set(key, i);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, lexicon };
}
