/**
 * The lexicon of names that are not ours: longer names that contain one of the bundled dataset's
 * names but name something else — a newspaper ("The New York Times"), a region («أمريكا
 * اللاتينية»), a person ("George Washington"). Human-edited JSON in `assets/lexicon/`, one file
 * per language; the build validates it (`validate-lexicon.ts`) and compiles its phrases into the
 * matcher's automaton beside the names, where leftmost-longest lets them win.
 */
import * as z from "zod/mini";

/** What kind of thing a phrase names: for the people who extend the lexicon, and for counting. */
const lexiconKindSchema = z.enum([
  "media",
  "institution",
  "company",
  "region",
  "person",
  "territory",
  "sports",
  "event",
  "work",
]);

/** One longer name that is not ours. */
const lexiconEntrySchema = z.strictObject({
  /** The name as pages write it; matched like an alias (normalised, whole words, Arabic proclitics). */
  phrase: z.string().check(z.trim(), z.minLength(1)),
  kind: lexiconKindSchema,
});

/** One lexicon file. */
export const lexiconSchema = z.strictObject({
  /** BCP 47 language (or `mul` for a file that gathers several languages of one script). */
  language: z.string().check(z.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, "must be a language tag such as ar or en")),
  /** What the file gathers and where its entries come from, in a sentence or two. */
  about: z.string().check(z.minLength(1)),
  entries: z.array(lexiconEntrySchema).check(z.minLength(1)),
});

export type Lexicon = z.infer<typeof lexiconSchema>;
