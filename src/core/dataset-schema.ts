/**
 * The dataset format: the human-edited JSON that every fact Backstory shows comes from.
 * Types are inferred from these schemas and never written twice. The cross-reference rules
 * (ids unique, references resolve, quotes verbatim, aliases unambiguous) live in
 * `validate-dataset.ts`, because they need the whole document and the normaliser.
 *
 * Schemas use `zod/mini`, the tree-shakeable form of zod: the content script shares them and
 * runs on every page, and classic zod would add ~450 KB to it.
 */
import * as z from "zod/mini";

export { bilingualSchema, entityTypeSchema, idSchema, textSchema } from "./schema-primitives.ts";
import { bilingualSchema, entityTypeSchema, idSchema, textSchema } from "./schema-primitives.ts";

/**
 * One way a page may write an entity's name. A plain string matches case-insensitively; the
 * object form marks an acronym that spells a common word ("US" and "us") as case-sensitive.
 */
export const aliasSchema = z.union([
  z.string().check(z.minLength(1)),
  z.strictObject({
    text: z.string().check(z.minLength(1)),
    caseSensitive: z._default(z.boolean(), false),
  }),
]);

/** A calendar date, `YYYY-MM-DD`. */
const isoDateSchema = z.iso.date();

/** A source: where facts come from, with its full text bundled so quotes can be checked offline. */
export const sourceSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  /** The title translated, for readers of the other interface language. */
  titleTranslated: z.optional(textSchema),
  /** The publisher as the source names itself (the seed article says "وكالات", agencies). */
  publisher: bilingualSchema,
  /** BCP 47 language of the text, e.g. `ar`. */
  language: z.string().check(z.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, "must be a language tag such as ar or en")),
  /** The day the reported events took place. */
  eventDate: isoDateSchema,
  /** The day the source was published, when known. */
  published: z.optional(isoDateSchema),
  /** Where the source was published, when known; never fetched by the extension. Web addresses only. */
  url: z.optional(z.url({ protocol: /^https?$/, error: "must be an http or https address" })),
  /** The full text, exactly as published; every quote must be a verbatim substring of it. */
  text: z.string().check(z.minLength(1)),
});

/** Something a page mentions: a person, place, property, organization or event. */
export const entitySchema = z.strictObject({
  id: idSchema,
  type: entityTypeSchema,
  /** Display names; both also count as aliases. */
  name: bilingualSchema,
  aliases: z._default(z.array(aliasSchema), []),
  /**
   * Longer names that contain one of this entity's names but name something else ("George
   * Washington" for the city): where one is on the page, the name inside it is not a mention.
   */
  exclusions: z._default(z.array(z.string().check(z.minLength(1))), []),
  /** One sentence of background in each language. */
  summary: bilingualSchema,
  /** Ids of entities a reader may want to look at next. */
  related: z._default(z.array(idSchema), []),
});

/** A statement about one or more entities, with who made it and the sentence it rests on. */
export const factSchema = z.strictObject({
  id: idSchema,
  /** The entities this fact is about; its card lists it under each. */
  about: z.array(idSchema).check(z.minLength(1)),
  text: bilingualSchema,
  /** The id of the source the fact comes from. */
  source: idSchema,
  /** A verbatim substring of the source's text. */
  quote: z.string().check(z.minLength(1)),
  /** The entity that asserted it; absent when it is the source's own reporting. */
  claimant: z.optional(idSchema),
});

/** A whole dataset: one file a reader can load, share and check. */
export const datasetSchema = z.strictObject({
  id: idSchema,
  name: bilingualSchema,
  /** Semantic version of the dataset's content. */
  version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, "must be a version like 1.0.0")),
  description: z.optional(bilingualSchema),
  sources: z.array(sourceSchema).check(z.minLength(1)),
  entities: z.array(entitySchema).check(z.minLength(1)),
  facts: z._default(z.array(factSchema), []),
});

export type Bilingual = z.infer<typeof bilingualSchema>;
export type EntityType = z.infer<typeof entityTypeSchema>;
export type Alias = z.infer<typeof aliasSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type Fact = z.infer<typeof factSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
/** A dataset as written on disk, before defaults are filled in. */
export type DatasetInput = z.input<typeof datasetSchema>;
