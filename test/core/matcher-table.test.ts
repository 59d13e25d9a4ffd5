/** The compiled table's schema: what a table read back from storage must be. */
import { expect, test } from "vitest";
import { matcherTableSchema } from "../../src/core/matcher-table.ts";

const entity = (id: string) => ({ id, type: "place", name: { ar: "س", en: id }, dataset: "d" });

test.each<[string, unknown[], boolean]>([
  ["patterns that refer to the entities there are", [["a", 0, 0], ["b", 1, 2, "B"]], true],
  ["a pattern that refers past the last entity", [["a", 0, 0], ["b", 2, 0]], false],
  ["a pattern that refers to the first entity after the last", [["b", 2, 0]], false],
  ["a negative entity", [["a", -1, 0]], false],
  ["flags above 15", [["a", 0, 16]], false],
  ["an empty pattern", [["", 0, 0]], false],
  ["no patterns", [], true],
])("%s: valid %s", (_case, patterns, valid) => {
  expect(matcherTableSchema.safeParse({ format: 1, entities: [entity("x"), entity("y")], patterns }).success).toBe(valid);
});
