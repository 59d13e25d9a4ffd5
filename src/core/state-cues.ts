/**
 * The format of the state cues (`assets/lexicon/context/us-states.json`): what tells a US state
 * from the city that shares its name. Human-edited data, checked at build time with a JSON path on
 * every problem, like the lexicon of names not ours.
 */
import * as z from "zod/mini";
import { jsonPath } from "./validate-dataset.ts";

/** A list of distinct, non-empty phrases. */
const phrases = z.array(z.string().check(z.trim(), z.minLength(1))).check(z.minLength(1));

/** The state cues file. */
const stateCuesSchema = z.strictObject({
  /** What the file gathers and where it comes from. */
  about: z.string().check(z.minLength(1)),
  /** Names of our places that a US state shares ("New York", «واشنطن»): the rule applies to these only. */
  sharedNames: phrases,
  /** The other states, as English writes them: a list of three states is a list of states. */
  states: phrases,
  /** Parts of the cities ("Brooklyn"): "Brooklyn, New York" stays the city. */
  cityParts: phrases,
  /** Words after the name's possessive that only a state takes ("New York's congressional delegation"). */
  afterPossessive: phrases,
  /** Appositions after a comma that say "a state" ("In Washington, a state Clinton won"). */
  apposition: phrases,
  /** Words in the name's sentence that only a state takes ("statute", "other states", "electoral votes"). */
  inSentence: phrases,
  /** Words in the sentence that keep the name the city ("mayor", "subway", "Congress"). */
  cityWords: phrases,
  /** Arabic words for "state" whose mention before the name makes it the state. */
  arabicStateWords: phrases,
  /** Arabic words that keep the name the city or the government («مدينة», «العاصمة»). */
  arabicCityWords: phrases,
});

/** The state cues, as the rule reads them. */
export type StateCues = z.infer<typeof stateCuesSchema>;

/** One problem in the state cues file. */
interface StateCuesProblem {
  path: string;
  message: string;
}

/** Checks a parsed JSON value against the state cues format: shape, then no phrase listed twice in one list. */
export function validateStateCues(input: unknown): { ok: true; cues: StateCues } | { ok: false; problems: StateCuesProblem[] } {
  const parsed = stateCuesSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })) };
  const problems: StateCuesProblem[] = [];
  for (const [key, value] of Object.entries(parsed.data)) {
    if (!Array.isArray(value)) continue;
    const seen = new Map<string, number>();
    value.forEach((phrase: string, i) => {
      const lower = phrase.toLowerCase();
      const first = seen.get(lower);
      if (first !== undefined) problems.push({ path: jsonPath([key, i]), message: `"${phrase}" is listed already, at ${jsonPath([key, first])}` });
      else seen.set(lower, i);
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, cues: parsed.data };
}
