/** The popup's list of names: the entities on a page, grouped by type. */
import type { EntityType } from "../../core/dataset-schema.ts";
import type { CardLanguage } from "../card/card-strings.ts";

/** The fields of an entity on a page that the list shows. */
export type ListedEntity = { id: string; type: EntityType; name: { ar: string; en: string }; mentions: number };

/** One group of the list: the entities of one type. */
export type EntityGroup<E extends ListedEntity> = { type: EntityType; entities: E[] };

/** The order of the groups: who, then which institutions, then where, what and when. */
const ENTITY_TYPE_ORDER: readonly EntityType[] = ["person", "organization", "place", "property", "event"];

/**
 * Groups entities by type in `ENTITY_TYPE_ORDER`, leaving out empty groups. Within a group the
 * most mentioned come first, then names in the interface language's alphabetical order.
 */
export function groupEntities<E extends ListedEntity>(entities: readonly E[], language: CardLanguage): EntityGroup<E>[] {
  const collator = new Intl.Collator(language);
  return ENTITY_TYPE_ORDER.map((type) => ({
    type,
    entities: entities
      .filter((entity) => entity.type === type)
      .sort((a, b) => b.mentions - a.mentions || collator.compare(a.name[language], b.name[language])),
  })).filter((group) => group.entities.length > 0);
}
