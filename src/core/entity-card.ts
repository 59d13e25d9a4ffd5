/**
 * The content of one entity's card: everything the card shows, gathered from a dataset when
 * the card opens (not at page load). It crosses from the background to the content script, so
 * it has a schema and is validated where it is received.
 */
import * as z from "zod/mini";
import type { Dataset } from "./dataset-schema.ts";
import { bilingualSchema, entityTypeSchema, idSchema } from "./schema-primitives.ts";

/** A source as a card shows it beside a quote. */
const cardSourceSchema = z.strictObject({
  id: idSchema,
  title: z.string(),
  titleTranslated: z.optional(z.string()),
  publisher: bilingualSchema,
  language: z.string(),
  eventDate: z.string(),
  published: z.optional(z.string()),
});

/** A fact as a card shows it: what, who said so, and the sentence it rests on. */
const cardFactSchema = z.strictObject({
  id: idSchema,
  text: bilingualSchema,
  /** Who asserted it; null when it is the source's own reporting. */
  claimant: z.nullable(z.strictObject({ id: idSchema, name: bilingualSchema })),
  quote: z.string(),
  source: cardSourceSchema,
});

/** Everything one card shows. */
export const entityCardSchema = z.strictObject({
  dataset: z.strictObject({ id: idSchema, name: bilingualSchema, version: z.string() }),
  entity: z.strictObject({ id: idSchema, type: entityTypeSchema, name: bilingualSchema, summary: bilingualSchema }),
  facts: z.array(cardFactSchema),
  related: z.array(z.strictObject({ id: idSchema, type: entityTypeSchema, name: bilingualSchema })),
});

export type CardSource = z.infer<typeof cardSourceSchema>;
export type CardFact = z.infer<typeof cardFactSchema>;
export type EntityCard = z.infer<typeof entityCardSchema>;

/**
 * Gathers the card for `entityId` from a validated dataset, or null when it has no such entity.
 * A dangling reference throws rather than degrade: a claimant that cannot be named must never
 * turn into "reported by the source", which would be a false attribution.
 */
export function buildEntityCard(dataset: Dataset, entityId: string): EntityCard | null {
  const entity = dataset.entities.find((e) => e.id === entityId);
  if (entity === undefined) return null;
  const entities = new Map(dataset.entities.map((e) => [e.id, e]));
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const facts = dataset.facts
    .filter((fact) => fact.about.includes(entityId))
    .map((fact): CardFact => {
      const source = sources.get(fact.source);
      if (source === undefined) throw new Error(`fact "${fact.id}" names an unknown source "${fact.source}"`);
      const claimant = fact.claimant === undefined ? undefined : entities.get(fact.claimant);
      if (fact.claimant !== undefined && claimant === undefined) {
        throw new Error(`fact "${fact.id}" names an unknown claimant "${fact.claimant}"`);
      }
      return {
        id: fact.id,
        text: fact.text,
        claimant: claimant ? { id: claimant.id, name: claimant.name } : null,
        quote: fact.quote,
        source: {
          id: source.id,
          title: source.title,
          ...(source.titleTranslated !== undefined && { titleTranslated: source.titleTranslated }),
          publisher: source.publisher,
          language: source.language,
          eventDate: source.eventDate,
          ...(source.published !== undefined && { published: source.published }),
        },
      };
    });
  const related = entity.related.flatMap((id) => {
    const r = entities.get(id);
    return r ? [{ id: r.id, type: r.type, name: r.name }] : [];
  });
  return {
    dataset: { id: dataset.id, name: dataset.name, version: dataset.version },
    entity: { id: entity.id, type: entity.type, name: entity.name, summary: entity.summary },
    facts,
    related,
  };
}
