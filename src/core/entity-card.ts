/**
 * The content of one entity's card: everything the card shows, gathered from a dataset when
 * the card opens (not at page load). It crosses from the background to the content script, so
 * it has a schema and is validated where it is received.
 *
 * Every statement carries its provenance with it: a fact its claimants, intermediary and kind; a
 * background statement or an editor's note its citations, each resolved to what the card prints
 * (publisher, title, date, whether the text is bundled). Nothing the card shows is left without.
 */
import * as z from "zod/mini";
import type { Citation, Dataset, EditorNote, Fact, Party, Source } from "./dataset-schema.ts";
import { bilingualSchema, entityTypeSchema, idSchema } from "./schema-primitives.ts";

/** A source as a card shows it beside a quote or a citation. */
const cardSourceSchema = z.strictObject({
  id: idSchema,
  title: z.string(),
  titleTranslated: z.optional(z.string()),
  publisher: bilingualSchema,
  language: z.string(),
  eventDate: z.optional(z.string()),
  published: z.optional(z.string()),
  url: z.optional(z.string()),
  /** Whether its text is bundled: only then can it be quoted, otherwise it is "cited". */
  bundled: z.boolean(),
});

/** Who asserted or relayed a statement: a named entity, or a group by its own label. */
export const cardPartySchema = z.union([
  z.strictObject({ entity: idSchema, name: bilingualSchema }),
  z.strictObject({ group: bilingualSchema }),
]);

/** The kind of a fact, as in the dataset. */
const cardFactKindSchema = z.enum(["quote", "reported", "reporting", "assessment"]);

/** Who said a fact and how it reached its source: what a claimant line is written from. */
const cardAttributionSchema = z.strictObject({
  kind: cardFactKindSchema,
  claimants: z.array(cardPartySchema),
  via: z.nullable(cardPartySchema),
  /** The publisher of the fact's source, named by the lines of the outlet's own reporting. */
  publisher: bilingualSchema,
});

/**
 * Evidence as a card shows it: a fact of the dataset (who said it, where, and the quote to open),
 * or a source (cited; quoted only when its text is bundled).
 */
const cardCitationSchema = z.union([
  z.strictObject({ fact: idSchema, attribution: cardAttributionSchema, source: cardSourceSchema }),
  z.strictObject({ source: cardSourceSchema, quote: z.optional(z.string()) }),
]);

/** An editor's note with its resolved sources. */
const cardNoteSchema = z.strictObject({
  text: bilingualSchema,
  sources: z.array(cardCitationSchema),
});

/** A background statement with its resolved sources; none only for a summary migrated from format 1. */
const cardBackgroundSchema = z.strictObject({
  text: bilingualSchema,
  asOf: z.optional(z.string()),
  sources: z.array(cardCitationSchema),
});

/** A fact as a card shows it: what, who said so and how, the sentence it rests on, and any note. */
export const cardFactSchema = z.strictObject({
  id: idSchema,
  text: bilingualSchema,
  attribution: cardAttributionSchema,
  quote: z.string(),
  source: cardSourceSchema,
  note: z.optional(cardNoteSchema),
  attributionNote: z.optional(bilingualSchema),
  /** The disputes the fact takes part in (absent when none): the card offers "see the other side". */
  disputes: z.optional(z.array(z.strictObject({ id: idSchema, label: bilingualSchema }))),
});

/** Everything one card shows. */
export const entityCardSchema = z.strictObject({
  dataset: z.strictObject({ id: idSchema, name: bilingualSchema, version: z.string() }),
  entity: z.strictObject({ id: idSchema, type: entityTypeSchema, name: bilingualSchema }),
  background: z.array(cardBackgroundSchema),
  note: z.optional(cardNoteSchema),
  facts: z.array(cardFactSchema),
  related: z.array(z.strictObject({ id: idSchema, type: entityTypeSchema, name: bilingualSchema })),
});

export type CardSource = z.infer<typeof cardSourceSchema>;
export type CardParty = z.infer<typeof cardPartySchema>;
export type CardAttribution = z.infer<typeof cardAttributionSchema>;
export type CardCitation = z.infer<typeof cardCitationSchema>;
export type CardNote = z.infer<typeof cardNoteSchema>;
export type CardBackground = z.infer<typeof cardBackgroundSchema>;
export type CardFact = z.infer<typeof cardFactSchema>;
export type EntityCard = z.infer<typeof entityCardSchema>;

/** A source as the card shows it. */
function cardSource(source: Source): CardSource {
  return {
    id: source.id,
    title: source.title,
    ...(source.titleTranslated !== undefined && { titleTranslated: source.titleTranslated }),
    publisher: source.publisher,
    language: source.language,
    ...(source.eventDate !== undefined && { eventDate: source.eventDate }),
    ...(source.published !== undefined && { published: source.published }),
    ...(source.url !== undefined && { url: source.url }),
    bundled: source.text !== undefined,
  };
}

/**
 * Who said `fact`, how, and through whom, with the names resolved from `dataset`. Throws on a
 * dangling reference: an unnamed claimant must never pass as the outlet's own reporting.
 */
export function factAttribution(dataset: Dataset, fact: Fact): CardAttribution {
  const party = (p: Party): CardParty => {
    if (typeof p !== "string") return { group: p.group };
    const found = dataset.entities.find((e) => e.id === p);
    if (found === undefined) throw new Error(`fact "${fact.id}" names an unknown claimant "${p}"`);
    return { entity: found.id, name: found.name };
  };
  const source = findSource(dataset, fact.source, `fact "${fact.id}"`);
  return {
    kind: fact.kind,
    claimants: fact.claimants.map(party),
    via: fact.via === undefined ? null : party(fact.via),
    publisher: source.publisher,
  };
}

function findSource(dataset: Dataset, id: string, user: string): Source {
  const found = dataset.sources.find((s) => s.id === id);
  if (found === undefined) throw new Error(`${user} names an unknown source "${id}"`);
  return found;
}

/** A citation resolved to what a card prints; `user` names what cites it, for the error. */
function cardCitation(dataset: Dataset, citation: Citation, user: string): CardCitation {
  if ("fact" in citation) {
    const fact = dataset.facts.find((f) => f.id === citation.fact);
    if (fact === undefined) throw new Error(`${user} cites an unknown fact "${citation.fact}"`);
    return { fact: fact.id, attribution: factAttribution(dataset, fact), source: cardSource(findSource(dataset, fact.source, `fact "${fact.id}"`)) };
  }
  const cited = findSource(dataset, citation.source, user);
  // A quote of a source whose text is not bundled could not be checked: it is never passed on.
  return { source: cardSource(cited), ...(citation.quote !== undefined && cited.text !== undefined && { quote: citation.quote }) };
}

/** An editor's note with its citations resolved. */
export function cardNote(dataset: Dataset, note: EditorNote, user: string): CardNote {
  return { text: note.text, sources: note.sources.map((c) => cardCitation(dataset, c, user)) };
}

/**
 * A fact as a card (and the side panel) shows it: what, who said so and how, the sentence it
 * rests on, any note, and the disputes it takes part in. The one definition of a shown fact.
 */
export function cardFact(dataset: Dataset, fact: Fact): CardFact {
  const user = `fact "${fact.id}"`;
  const disputes = dataset.disputes.filter((d) => d.facts.includes(fact.id)).map((d) => ({ id: d.id, label: d.label }));
  return {
    id: fact.id,
    text: fact.text,
    attribution: factAttribution(dataset, fact),
    quote: fact.quote,
    source: cardSource(findSource(dataset, fact.source, user)),
    ...(fact.note !== undefined && { note: cardNote(dataset, fact.note, user) }),
    ...(fact.attributionNote !== undefined && { attributionNote: fact.attributionNote }),
    ...(disputes.length > 0 && { disputes }),
  };
}

/**
 * Gathers the card for `entityId` from a validated dataset, or null when it has no such entity.
 * A dangling reference throws rather than degrade: a claimant that cannot be named must never
 * turn into "reported by the source", which would be a false attribution.
 */
export function buildEntityCard(dataset: Dataset, entityId: string): EntityCard | null {
  const entity = dataset.entities.find((e) => e.id === entityId);
  if (entity === undefined) return null;
  const entities = new Map(dataset.entities.map((e) => [e.id, e]));
  const citation = (c: Citation, user: string) => cardCitation(dataset, c, user);
  const note = (n: EditorNote, user: string) => cardNote(dataset, n, user);

  const entityUser = `entity "${entity.id}"`;
  const cardFacts = dataset.facts.filter((fact) => fact.about.includes(entityId)).map((fact) => cardFact(dataset, fact));
  const related = entity.related.flatMap((id) => {
    const r = entities.get(id);
    return r ? [{ id: r.id, type: r.type, name: r.name }] : [];
  });
  return {
    dataset: { id: dataset.id, name: dataset.name, version: dataset.version },
    entity: { id: entity.id, type: entity.type, name: entity.name },
    background: entity.background.map((statement) => ({
      text: statement.text,
      ...(statement.asOf !== undefined && { asOf: statement.asOf }),
      sources: statement.sources.map((c) => citation(c, entityUser)),
    })),
    ...(entity.note !== undefined && { note: note(entity.note, entityUser) }),
    facts: cardFacts,
    related,
  };
}
