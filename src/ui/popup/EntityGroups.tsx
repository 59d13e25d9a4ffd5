/** The names found on a page, grouped by type, each a button that reveals its next mention: the popup's list and the side panel's. */
import type { EntityType } from "../../core/dataset-schema.ts";
import { countText, type InterfaceText, type MessageKey } from "../interface-text.ts";
import type { EntitiesOnPage } from "../page-state.ts";
import { groupEntities } from "./group-entities.ts";

const typeHeadings: Record<EntityType, MessageKey> = {
  person: "popupTypePerson",
  place: "popupTypePlace",
  property: "popupTypeProperty",
  organization: "popupTypeOrganization",
  event: "popupTypeEvent",
};

type EntityGroupsProps = {
  entities: EntitiesOnPage["entities"];
  text: InterfaceText;
  /** Called with the entity chosen: show its next mention and card. */
  onReveal(entity: string, dataset: string): void;
};

/** The entities grouped by type, with their mention counts (read out as words, shown as a number). */
export function EntityGroups({ entities, text, onReveal }: EntityGroupsProps) {
  const language = text.language;
  return (
    <ul id="entities" class="groups">
      {groupEntities(entities, language).map((group) => (
        <li key={group.type} class="group" data-type={group.type}>
          <h3 id={`group-${group.type}`}>{text.message(typeHeadings[group.type])}</h3>
          <ul class="entities" aria-labelledby={`group-${group.type}`}>
            {group.entities.map((entity) => (
              <li key={`${entity.dataset}/${entity.id}`}>
                <button type="button" class="entity" data-entity={entity.id} data-dataset={entity.dataset} onClick={() => onReveal(entity.id, entity.dataset)}>
                  <span class="entity-name">{entity.name[language]}</span>
                  <span class="count" aria-hidden="true">
                    {entity.mentions}
                  </span>
                  <span class="visually-hidden">, {countText(text, "mentions", entity.mentions)}</span>
                </button>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
