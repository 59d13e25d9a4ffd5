/**
 * The format of the context cue files (`assets/lexicon/context/*.json`): lists of words that tell
 * what a name means in its sentence — a US state or the city of its name (`us-states.json`), a
 * city magazine or its city (`city-magazines.json`). Human-edited data that the matcher bundles as
 * it is, so the build checks it first, with a JSON path on every problem, like the lexicon of names
 * not ours.
 */
import * as z from "zod/mini";
import { jsonPath } from "./validate-dataset.ts";

/** A list of distinct, non-empty phrases. */
const phrases = z.array(z.string().check(z.trim(), z.minLength(1))).check(z.minLength(1));

/** `us-states.json`. */
const stateCuesSchema = z.strictObject({
  /** What the file gathers and where it comes from. */
  about: z.string().check(z.minLength(1)),
  /** Names of our places that a US state shares ("New York", «واشنطن»): the rule applies to these only. */
  sharedNames: phrases,
  /** The other states, as English writes them: a list of three states is a list of states. */
  states: phrases,
  /** Parts of the cities ("Brooklyn"): "Brooklyn, New York" stays the city. */
  cityParts: phrases,
  /** Capitalised words that are not towns ("in March, Washington imposed…", "in Ukraine, Washington has…"). */
  notTowns: phrases,
  /** Words after the name's possessive that only a state takes ("New York's congressional delegation"). */
  afterPossessive: phrases,
  /** Appositions after a comma that say "a state" ("In Washington, a state Clinton won"). */
  apposition: phrases,
  /**
   * Words in the name's sentence that only a state takes ("statute", "other states"); "# " before
   * one asks for a count before it ("8 electoral votes", "four electors": a state's share).
   */
  inSentence: phrases,
  /** Words in the sentence that keep the name the city ("mayor", "subway", "Congress"). */
  cityWords: phrases,
  /** Arabic words for "state" whose mention before the name makes it the state. */
  arabicStateWords: phrases,
  /** Words after «الولاية» that make it a term of office («الولاية الثانية»), not a state. */
  arabicTermAfter: phrases,
  /** Arabic words that keep the name the city or the government («مدينة», «العاصمة»). */
  arabicCityWords: phrases,
});

/** `city-magazines.json`. */
const magazineCuesSchema = z.strictObject({
  about: z.string().check(z.minLength(1)),
  /** Places whose city magazine is called by the place's bare name ("New York", "Chicago"). */
  names: phrases,
  /** Verbs whose object, ending its phrase, is a publication one talks to ("spoke to New York."). */
  talkedTo: phrases,
  /** Nouns after "the <name>" that make it a publication's piece ("the New York report"). */
  pieces: phrases,
});

/** The state cues, as the rule reads them. */
export type StateCues = z.infer<typeof stateCuesSchema>;
/** The city magazine cues, as the rule reads them. */
export type MagazineCues = z.infer<typeof magazineCuesSchema>;

/** One problem in a context cue file. */
interface ContextCuesProblem {
  path: string;
  message: string;
}

type Validation<T> = { ok: true; cues: T } | { ok: false; problems: ContextCuesProblem[] };

/** Checks a parsed JSON value against `schema`: shape, then no phrase listed twice in one list (in any case). */
function validateCues<T extends Record<string, unknown>>(schema: z.ZodMiniType<T>, input: unknown): Validation<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })) };
  const problems: ContextCuesProblem[] = [];
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

/** Checks `us-states.json`. */
export function validateStateCues(input: unknown): Validation<StateCues> {
  return validateCues(stateCuesSchema, input);
}

/** Checks `city-magazines.json`. */
export function validateMagazineCues(input: unknown): Validation<MagazineCues> {
  return validateCues(magazineCuesSchema, input);
}
