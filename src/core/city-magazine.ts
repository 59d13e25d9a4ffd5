/**
 * City magazines named like their city: New York magazine is "New York" in its own articles and in
 * others' ("three days after the suit was filed, New York published the accounts"), as Chicago,
 * Boston or Philadelphia magazines are. A reader resting on "spoke to New York about her
 * harassment" should not get the city's card. Only two shapes are read as the magazine, since a
 * city is also named for its government ("New York published new guidance", "New York reported
 * 500 cases" stay the city):
 * - the object of talking, ending its phrase: "spoke to New York about", "told New York.",
 *   "in an interview with New York," (but "told New York voters" is a modifier, and stays);
 * - "the <name> <piece>" ending its phrase: "after the New York report, Ailes…".
 * The names and words are data (`assets/lexicon/context/city-magazines.json`), checked by
 * `context-cues.ts`.
 */
import cuesFile from "../../assets/lexicon/context/city-magazines.json";
import type { MagazineCues } from "./context-cues.ts";
import { normalizeString } from "./normalize-text.ts";
import { lazy } from "./lazy.ts";

const cues: MagazineCues = cuesFile;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternation = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");

const NAMES: ReadonlySet<string> = new Set(cues.names.map((name) => normalizeString(name)));
const TALKED_TO = lazy(() => new RegExp(String.raw`(?:^|[^\p{L}])(?:${alternation(cues.talkedTo)})[ \u00a0]+$`, "iu"));
/** The phrase ends after the name: punctuation, or a word that starts what was said or when. */
const PHRASE_ENDS = lazy(() => /^(?:[.,;:)!?”"—–]|[ \u00a0]+(?:about|that|in|last|this|on|earlier|for|when|after|before|of)(?![\p{L}\p{N}]))/u);
const THE_BEFORE = lazy(() => /(?:^|[^\p{L}])[Tt]he[ \u00a0]+$/u);
const PIECE_AFTER = lazy(() => new RegExp(String.raw`^[ \u00a0]+(?:${alternation(cues.pieces)})[.,;:)!?”"—–]`, "u"));
/** Characters either side of the name the rule reads. */
const REACH = 32;

/** Whether a normalised alias is a place whose city magazine bears its bare name, so the rule applies to its matches. */
export function isCityMagazineName(alias: string): boolean {
  return NAMES.has(alias);
}

/** Whether the name at [start, end) of `text` (one of the magazines' names) names the magazine. */
export function isCityMagazine(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - REACH), start);
  const after = text.slice(end, end + REACH);
  // The tests of what follows are anchored at the name, so cheaper: they go first.
  return (PHRASE_ENDS().test(after) && TALKED_TO().test(before)) || (PIECE_AFTER().test(after) && THE_BEFORE().test(before));
}
