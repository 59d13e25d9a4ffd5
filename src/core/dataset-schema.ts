/**
 * The dataset format: the human-edited JSON that every fact Backstory shows comes from.
 * Types are inferred from these schemas and never written twice. The cross-reference rules
 * (ids unique, references resolve, quotes verbatim, aliases unambiguous) live in
 * `validate-dataset.ts`, because they need the whole document and the normaliser.
 */
import { z } from "zod";

/** An id: lower-case ASCII words joined by hyphens, e.g. `alexander-darchiev`. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters and digits joined by hyphens");

/** A text given in both interface languages. */
export const bilingualSchema = z.strictObject({
  ar: z.string().trim().min(1),
  en: z.string().trim().min(1),
});

/** The kinds of thing a story can be about. */
export const entityTypeSchema = z.enum(["person", "place", "property", "organization", "event"]);

/**
 * One way a page may write an entity's name. A plain string matches case-insensitively; the
 * object form marks an acronym that spells a common word ("US" and "us") as case-sensitive.
 */
export const aliasSchema = z.union([
  z.string().min(1),
  z.strictObject({
    text: z.string().min(1),
    caseSensitive: z.boolean().default(false),
  }),
]);

/** A calendar date, `YYYY-MM-DD`. */
const isoDateSchema = z.iso.date();

/** A source: where facts come from, with its full text bundled so quotes can be checked offline. */
export const sourceSchema = z.strictObject({
  id: idSchema,
  title: z.string().trim().min(1),
  /** The title translated, for readers of the other interface language. */
  titleTranslated: z.string().trim().min(1).optional(),
  /** The publisher as the source names itself (the seed article says "وكالات", agencies). */
  publisher: bilingualSchema,
  /** BCP 47 language of the text, e.g. `ar`. */
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/),
  /** The day the reported events took place. */
  eventDate: isoDateSchema,
  /** The day the source was published, when known. */
  published: isoDateSchema.optional(),
  /** Where the source was published, when known; never fetched by the extension. */
  url: z.url().optional(),
  /** The full text, exactly as published; every quote must be a verbatim substring of it. */
  text: z.string().min(1),
});

/** Something a page mentions: a person, place, property, organization or event. */
export const entitySchema = z.strictObject({
  id: idSchema,
  type: entityTypeSchema,
  /** Display names; both also count as aliases. */
  name: bilingualSchema,
  aliases: z.array(aliasSchema).default([]),
  /** One sentence of background in each language. */
  summary: bilingualSchema,
  /** Ids of entities a reader may want to look at next. */
  related: z.array(idSchema).default([]),
});

/** A statement about one or more entities, with who made it and the sentence it rests on. */
export const factSchema = z.strictObject({
  id: idSchema,
  /** The entities this fact is about; its card lists it under each. */
  about: z.array(idSchema).min(1),
  text: bilingualSchema,
  /** The id of the source the fact comes from. */
  source: idSchema,
  /** A verbatim substring of the source's text. */
  quote: z.string().min(1),
  /** The entity that asserted it; absent when it is the source's own reporting. */
  claimant: idSchema.optional(),
});

/** A whole dataset: one file a reader can load, share and check. */
export const datasetSchema = z.strictObject({
  id: idSchema,
  name: bilingualSchema,
  /** Semantic version of the dataset's content. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "must be a version like 1.0.0"),
  description: bilingualSchema.optional(),
  sources: z.array(sourceSchema).min(1),
  entities: z.array(entitySchema).min(1),
  facts: z.array(factSchema).default([]),
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
