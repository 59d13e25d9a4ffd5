/**
 * Format 1 of the dataset format — the one before every card statement had to say who asserted
 * it — and its migration to format 2. A file without `format` is format 1; bundled, command-line
 * and imported datasets (stored imports too) are read through here, so old files keep working.
 *
 * The migration never invents provenance: a single `claimant` becomes the only claimant of
 * reported speech, a fact without one becomes the source's own reporting, and a summary becomes
 * one background statement with no sources, which the card labels "no source given".
 */
import * as z from "zod/mini";
import { aliasSchema, isoDateSchema, languageTagSchema, type Dataset } from "./dataset-schema.ts";
import { bilingualSchema, entityTypeSchema, idSchema, textSchema } from "./schema-primitives.ts";

/** A format-1 source: its text was always bundled and its event date always given. */
const sourceV1Schema = z.strictObject({
  id: idSchema,
  title: textSchema,
  titleTranslated: z.optional(textSchema),
  publisher: bilingualSchema,
  language: languageTagSchema,
  eventDate: isoDateSchema,
  published: z.optional(isoDateSchema),
  url: z.optional(z.url({ protocol: /^https?$/, error: "must be an http or https address" })),
  text: z.string().check(z.minLength(1)),
});

/** A format-1 entity: one unsourced summary sentence per language. */
const entityV1Schema = z.strictObject({
  id: idSchema,
  type: entityTypeSchema,
  name: bilingualSchema,
  aliases: z._default(z.array(aliasSchema), []),
  /** Names not this entity's (see the format-2 entity); the field came after format 1, but is read in either. */
  exclusions: z._default(z.array(z.string().check(z.minLength(1))), []),
  summary: bilingualSchema,
  related: z._default(z.array(idSchema), []),
});

/** A format-1 fact: at most one claimant, always an entity. */
const factV1Schema = z.strictObject({
  id: idSchema,
  about: z.array(idSchema).check(z.minLength(1)),
  text: bilingualSchema,
  source: idSchema,
  quote: z.string().check(z.minLength(1)),
  claimant: z.optional(idSchema),
});

/** A whole format-1 dataset. `format` is absent (or, explicitly, 1). */
export const datasetV1Schema = z.strictObject({
  format: z.optional(z.literal(1)),
  id: idSchema,
  name: bilingualSchema,
  version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, "must be a version like 1.0.0")),
  description: z.optional(bilingualSchema),
  sources: z.array(sourceV1Schema).check(z.minLength(1)),
  entities: z.array(entityV1Schema).check(z.minLength(1)),
  facts: z._default(z.array(factV1Schema), []),
});

export type DatasetV1 = z.infer<typeof datasetV1Schema>;
/** A format-1 dataset as written on disk. */
export type DatasetV1Input = z.input<typeof datasetV1Schema>;

/** Whether a parsed JSON value declares itself format 1: an object with no `format`, or `format: 1`. */
export function isFormat1(input: unknown): boolean {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return false;
  return !Object.hasOwn(input, "format") || (input as { format: unknown }).format === 1;
}

/** Turns a validated format-1 dataset into format 2. */
export function migrateDataset(v1: DatasetV1): Dataset {
  return {
    format: 2,
    id: v1.id,
    name: v1.name,
    version: v1.version,
    ...(v1.description !== undefined && { description: v1.description }),
    sources: v1.sources,
    entities: v1.entities.map(({ summary, ...entity }) => ({ ...entity, background: [{ text: summary, sources: [] }] })),
    facts: v1.facts.map(({ claimant, ...fact }) =>
      claimant === undefined ? { ...fact, kind: "reporting", claimants: [] } : { ...fact, kind: "reported", claimants: [claimant] },
    ),
    disputes: [],
  };
}

/**
 * The path in a format-1 file of what a problem found in its migrated form concerns, so the
 * author is sent to what they wrote: `claimants[0]` was `claimant`, the background was `summary`.
 */
export function format1Path(path: readonly PropertyKey[]): PropertyKey[] {
  const [collection, index, field] = path;
  if (collection === "facts" && (field === "claimants" || field === "kind")) return ["facts", index!, "claimant"];
  if (collection === "entities" && field === "background") return ["entities", index!, "summary"];
  return [...path];
}
