import { describe, expect, test } from "vitest";
import { groupEntities, type ListedEntity } from "../../../src/ui/popup/group-entities.ts";

function entity(id: string, type: ListedEntity["type"], en: string, ar: string, mentions: number): ListedEntity {
  return { id, type, name: { en, ar }, mentions };
}

const entities = [
  entity("istanbul", "place", "Istanbul", "إسطنبول", 2),
  entity("sergei-lavrov", "person", "Sergei Lavrov", "سيرغي لافروف", 1),
  entity("tass", "organization", "TASS", "تاس", 2),
  entity("alexander-darchiev", "person", "Alexander Darchiev", "ألكسندر دارشيف", 3),
  entity("marco-rubio", "person", "Marco Rubio", "ماركو روبيو", 1),
];

describe("groupEntities", () => {
  test("groups by type in a fixed order and leaves out types with no entities", () => {
    const groups = groupEntities(entities, "en");
    expect(groups.map((g) => g.type)).toEqual(["person", "organization", "place"]);
  });

  test("puts the most mentioned first, then orders names alphabetically in the interface language", () => {
    const [people] = groupEntities(entities, "en");
    expect(people?.entities.map((e) => e.id)).toEqual(["alexander-darchiev", "marco-rubio", "sergei-lavrov"]);
    // In Arabic, سيرغي (س) comes before ماركو (م).
    const [peopleAr] = groupEntities(entities, "ar");
    expect(peopleAr?.entities.map((e) => e.id)).toEqual(["alexander-darchiev", "sergei-lavrov", "marco-rubio"]);
  });

  test("keeps every entity exactly once and does not reorder its input", () => {
    const input = [...entities];
    const groups = groupEntities(input, "en");
    expect(groups.flatMap((g) => g.entities).map((e) => e.id).sort()).toEqual(entities.map((e) => e.id).sort());
    expect(input).toEqual(entities);
  });

  test("no entities, no groups", () => {
    expect(groupEntities([], "ar")).toEqual([]);
  });
});
