/**
 * The compiled dictionary: what the build writes and the content script loads. Aliases are
 * already normalised here, so a page never re-normalises the dictionary. It is validated with
 * zod where it crosses a boundary (an imported dataset's table read back from storage).
 */
import * as z from "zod/mini";
import { bilingualSchema, entityTypeSchema, idSchema } from "./schema-primitives.ts";

/** Bits of a pattern's `flags`. */
export const PatternFlag = {
  /** Matches only when the original text, case preserved, equals `exact` ("US", not "us"). */
  caseSensitive: 1,
  /** Starts with an Arabic letter, so Arabic proclitics may be attached before it. */
  arabicStart: 2,
  /** The article form of an alias with its alef elided (للولايات): only after a lam proclitic. */
  elidedArticle: 4,
  /**
   * A longer name that contains one of our names but is not ours ("The New York Times",
   * «أمريكا اللاتينية»): it takes part in leftmost-longest like any name, and where it wins it
   * yields no mention and swallows the names inside it. Its entity index is not read.
   */
  notOurs: 8,
} as const;

/** What the page needs to know of an entity before a card opens. */
export const entityRefSchema = z.strictObject({
  id: idSchema,
  type: entityTypeSchema,
  name: bilingualSchema,
  /** The id of the dataset the entity comes from, so its card can be fetched. */
  dataset: idSchema,
});

/** One pattern: normalised text, index into `entities`, flags, and the case-preserved form. */
export const patternRowSchema = z.union([
  z.tuple([z.string().check(z.minLength(1)), z.int().check(z.minimum(0)), z.int().check(z.minimum(0), z.maximum(15))]),
  z.tuple([
    z.string().check(z.minLength(1)),
    z.int().check(z.minimum(0)),
    z.int().check(z.minimum(0), z.maximum(15)),
    z.string().check(z.minLength(1)),
  ]),
]);

/** The compiled dictionary. */
export const matcherTableSchema = z
  .strictObject({
    format: z.literal(1),
    entities: z.array(entityRefSchema),
    patterns: z.array(patternRowSchema),
  })
  .check(
    z.refine((table) => table.patterns.every(([, entity]) => entity < table.entities.length), {
      message: "a pattern refers to an entity that is not in the table",
    }),
  );

export type EntityRef = z.infer<typeof entityRefSchema>;
export type PatternRow = z.infer<typeof patternRowSchema>;
export type MatcherTable = z.infer<typeof matcherTableSchema>;
