/**
 * The claims about the names on a page, for the side panel: every fact of a dataset about those
 * entities (shown as the card shows it, `cardFact`), grouped by who made the claim, and the
 * disputes those facts take part in with every side resolved. It crosses from the background to
 * the panel, so it has a schema and is validated where it is received.
 *
 * A group is one set of claimants: a claimant with several claims is one group, and a claim made
 * jointly ("Moscow and Washington") is the group of that set, so every fact is listed once. The
 * outlet's own reporting and assessment have no claimant: they form one group per source, named
 * by its publisher. Groups and facts keep the dataset's order, which follows the article.
 */
import * as z from "zod/mini";
import type { Dataset, Fact } from "./dataset-schema.ts";
import { cardFact, cardFactSchema, cardPartySchema, factAttribution } from "./entity-card.ts";
import { bilingualSchema, idSchema } from "./schema-primitives.ts";

/** The claims of one dataset about the entities on a page. */
export const pageClaimsSchema = z.strictObject({
  dataset: z.strictObject({ id: idSchema, name: bilingualSchema, version: z.string() }),
  /** Every fact about an entity on the page, in the dataset's order. */
  facts: z.array(cardFactSchema),
  /** The facts grouped by who made them: `claimants` for spoken claims, `outlet` for the source's own lines. */
  groups: z.array(
    z.strictObject({
      key: z.string(),
      claimants: z.array(cardPartySchema),
      /** The publisher, for the group of a source's own reporting; absent for a group of claimants. */
      outlet: z.optional(bilingualSchema),
      facts: z.array(idSchema),
    }),
  ),
  /** The disputes that a listed fact takes part in, each with every side (listed or not). */
  disputes: z.array(z.strictObject({ id: idSchema, label: bilingualSchema, facts: z.array(cardFactSchema) })),
});

export type PageClaims = z.infer<typeof pageClaimsSchema>;
export type ClaimGroup = PageClaims["groups"][number];

/** The key of a fact's group: its claimants in the order given, or the source for the outlet's own lines. */
function groupKey(fact: Fact): string {
  if (fact.claimants.length === 0) return `outlet:${fact.source}`;
  return `claimants:${JSON.stringify(fact.claimants.map((p) => (typeof p === "string" ? p : p.group.en)))}`;
}

/** Gathers the claims of `dataset` about `entityIds` (entities of other datasets are ignored). */
export function buildPageClaims(dataset: Dataset, entityIds: readonly string[]): PageClaims {
  const onPage = new Set(entityIds);
  const listed = dataset.facts.filter((fact) => fact.about.some((id) => onPage.has(id)));
  const groups = new Map<string, PageClaims["groups"][number]>();
  for (const fact of listed) {
    const key = groupKey(fact);
    let group = groups.get(key);
    if (group === undefined) {
      const attribution = factAttribution(dataset, fact);
      group = { key, claimants: attribution.claimants, ...(fact.claimants.length === 0 && { outlet: attribution.publisher }), facts: [] };
      groups.set(key, group);
    }
    group.facts.push(fact.id);
  }
  const listedIds = new Set(listed.map((f) => f.id));
  const factById = new Map(dataset.facts.map((f) => [f.id, f]));
  const disputes = dataset.disputes
    .filter((d) => d.facts.some((id) => listedIds.has(id)))
    .map((d) => ({
      id: d.id,
      label: d.label,
      facts: d.facts.map((id) => {
        const fact = factById.get(id);
        if (fact === undefined) throw new Error(`dispute "${d.id}" names an unknown fact "${id}"`);
        return cardFact(dataset, fact);
      }),
    }));
  return {
    dataset: { id: dataset.id, name: dataset.name, version: dataset.version },
    facts: listed.map((fact) => cardFact(dataset, fact)),
    groups: [...groups.values()],
    disputes,
  };
}
