/**
 * The dataset format: the human-edited JSON that every fact Backstory shows comes from.
 * Types are inferred from these schemas and never written twice. The cross-reference rules
 * (ids unique, references resolve, quotes verbatim, aliases unambiguous, kinds agree with their
 * claimants) live in `validate-dataset.ts`, because they need the whole document and the normaliser.
 *
 * This is format 2 (`"format": 2`): every statement on a card says who asserted it and where it
 * comes from. A file without `format` is format 1; `migrate-dataset.ts` reads it and turns it into
 * this shape.
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
export const isoDateSchema = z.iso.date();

/** A date as precise as it is known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const partialDateSchema = z
  .string()
  .check(z.regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, "must be a date written YYYY, YYYY-MM or YYYY-MM-DD"));

/** BCP 47 language of a text, e.g. `ar`. */
export const languageTagSchema = z.string().check(z.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, "must be a language tag such as ar or en"));

/** A web address; never fetched by the extension. */
const urlSchema = z.url({ protocol: /^https?$/, error: "must be an http or https address" });

/**
 * A source: where facts and background come from. A source with its full text bundled can be
 * quoted (every quote is checked verbatim offline); one without is "cited only": a card names it
 * and links it, but never shows a sentence of it as a quotation.
 */
export const sourceSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  /** The title translated, for readers of the other interface language. */
  titleTranslated: z.optional(textSchema),
  /** The publisher as the source names itself (the seed article says "وكالات", agencies). */
  publisher: bilingualSchema,
  language: languageTagSchema,
  /** The day the reported events took place, when the source reports one day's events. */
  eventDate: z.optional(isoDateSchema),
  /** The day the source was published, when known. */
  published: z.optional(isoDateSchema),
  /** Where the source was published, when known. Web addresses only. */
  url: z.optional(urlSchema),
  /** The full text, exactly as published; absent when the source is only cited. */
  text: z.optional(z.string().check(z.minLength(1))),
});

/**
 * A described group that asserted something, in both languages ("US diplomats"), with the
 * entities it belongs to, when the dataset has them.
 */
export const groupSchema = z.strictObject({
  group: bilingualSchema,
  members: z._default(z.array(idSchema), []),
});

/** Who asserted something or relayed it: an entity's id, or a described group. */
export const partySchema = z.union([idSchema, groupSchema]);

/**
 * Evidence for a statement: a fact of this dataset (its quote is the evidence), or a source,
 * optionally with a verbatim quote from it (allowed only when the source's text is bundled).
 */
export const citationSchema = z.union([
  z.strictObject({ fact: idSchema }),
  z.strictObject({ source: idSchema, quote: z.optional(z.string().check(z.minLength(1))) }),
]);

/** An editor's note on a fact or an entity, where a source is wrong or contested; itself sourced. */
export const editorNoteSchema = z.strictObject({
  text: bilingualSchema,
  sources: z.array(citationSchema).check(z.minLength(1)),
});

/**
 * One statement of an entity's background, with its sources. A format-2 file must give at least
 * one (checked in `validate-dataset.ts`); only a summary migrated from format 1 has none, and the
 * card labels it as such.
 */
export const backgroundStatementSchema = z.strictObject({
  text: bilingualSchema,
  /** When a time-bound statement held ("as of April 2025"). */
  asOf: z.optional(partialDateSchema),
  sources: z.array(citationSchema),
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
  /** Statements of background, each with its sources. */
  background: z._default(z.array(backgroundStatementSchema), []),
  /** An editor's note on the entity as a whole. */
  note: z.optional(editorNoteSchema),
  /** Ids of entities a reader may want to look at next. */
  related: z._default(z.array(idSchema), []),
});

/**
 * What kind of statement a fact is: a direct quotation, reported speech, the outlet's own
 * reporting, or the outlet's own assessment. The first two have claimants, the last two none.
 */
export const factKindSchema = z.enum(["quote", "reported", "reporting", "assessment"]);

/** A statement about one or more entities, with who made it and the sentence it rests on. */
export const factSchema = z.strictObject({
  id: idSchema,
  /** The entities this fact is about; its card lists it under each. */
  about: z.array(idSchema).check(z.minLength(1)),
  text: bilingualSchema,
  /** The id of the source the fact comes from; it must have its text bundled. */
  source: idSchema,
  /** A verbatim substring of the source's text. */
  quote: z.string().check(z.minLength(1)),
  kind: factKindSchema,
  /** Who asserted it: entities or described groups; none for the outlet's own reporting or assessment. */
  claimants: z._default(z.array(partySchema), []),
  /** The intermediary that relayed it to the source (a news agency). */
  via: z.optional(partySchema),
  note: z.optional(editorNoteSchema),
  /** Why an attribution-check warning does not apply to this fact; the card may show it. */
  attributionNote: z.optional(bilingualSchema),
});

/**
 * Facts that answer or contradict each other: two or more facts of this dataset (at least two
 * different ones, checked in `validate-dataset.ts`) and a short label, in both languages, for the
 * point in dispute. The side panel shows them side by side, each with its own attribution.
 */
export const disputeSchema = z.strictObject({
  id: idSchema,
  /** The point in dispute, e.g. "Whether the talks normalise relations". */
  label: bilingualSchema,
  /** The facts set against each other, in the order they are shown. */
  facts: z.array(idSchema),
});

/** A whole dataset: one file a reader can load, share and check. */
export const datasetSchema = z.strictObject({
  format: z.literal(2),
  id: idSchema,
  name: bilingualSchema,
  /** Semantic version of the dataset's content. */
  version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, "must be a version like 1.0.0")),
  description: z.optional(bilingualSchema),
  sources: z.array(sourceSchema).check(z.minLength(1)),
  entities: z.array(entitySchema).check(z.minLength(1)),
  facts: z._default(z.array(factSchema), []),
  /** Optional, so every format-2 file written before disputes existed stays valid. */
  disputes: z._default(z.array(disputeSchema), []),
});

export type Bilingual = z.infer<typeof bilingualSchema>;
export type EntityType = z.infer<typeof entityTypeSchema>;
export type Alias = z.infer<typeof aliasSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Group = z.infer<typeof groupSchema>;
export type Party = z.infer<typeof partySchema>;
export type Citation = z.infer<typeof citationSchema>;
export type EditorNote = z.infer<typeof editorNoteSchema>;
export type BackgroundStatement = z.infer<typeof backgroundStatementSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type FactKind = z.infer<typeof factKindSchema>;
export type Fact = z.infer<typeof factSchema>;
export type Dispute = z.infer<typeof disputeSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
/** A format-2 dataset as written on disk, before defaults are filled in. */
export type DatasetInput = z.input<typeof datasetSchema>;
