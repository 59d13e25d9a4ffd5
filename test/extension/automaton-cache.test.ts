/** The automaton kept in storage.local between pages: read back only for its own key, and only sound. */
import { expect, test } from "vitest";
import { buildAutomaton } from "../../src/core/automaton.ts";
import { AUTOMATON_CACHE_KEY, keepAutomaton, readKeptAutomaton } from "../../src/extension/automaton-cache.ts";
import { FakeStorageArea } from "./fake-storage.ts";

const patterns = ["new york", "moscow", "istanbul", "york"];

test("what one page keeps the next reads back, for the same key only", async () => {
  const area = new FakeStorageArea();
  const automaton = buildAutomaton(patterns);
  await keepAutomaton(area, "builder:4:abc", automaton);
  expect(Object.keys(await area.get(null))).toEqual([AUTOMATON_CACHE_KEY]);
  const read = await readKeptAutomaton(area, "builder:4:abc", patterns.length);
  expect([...read!.cells]).toEqual([...automaton.cells]);
  expect(await readKeptAutomaton(area, "builder:4:other", patterns.length)).toBeNull();
  expect(await readKeptAutomaton(new FakeStorageArea(), "builder:4:abc", patterns.length)).toBeNull();
});

test.each<[string, unknown]>([
  ["no object", "text"],
  ["no automaton", { key: "k" }],
  ["contents that are not a string", { key: "k", automaton: 42 }],
  ["contents that are not base64", { key: "k", automaton: "%%%" }],
  ["damaged contents", { key: "k", automaton: "AAAA" }],
])("reads %s as nothing kept", async (_, entry) => {
  expect(await readKeptAutomaton(new FakeStorageArea({ [AUTOMATON_CACHE_KEY]: entry }), "k", patterns.length)).toBeNull();
});

test("a storage that fails to read is nothing kept", async () => {
  const failing = new FakeStorageArea();
  failing.failGet = "storage is gone";
  expect(await readKeptAutomaton(failing, "k", patterns.length)).toBeNull();
});
