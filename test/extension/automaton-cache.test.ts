/** The automaton kept in storage.local between pages: read back only for its own key, and only sound. */
import { afterEach, expect, test } from "vitest";
import { buildAutomaton } from "../../src/core/automaton.ts";
import { AUTOMATON_CACHE_KEY, keepAutomaton, readKeptAutomaton } from "../../src/extension/automaton-cache.ts";
import { FakeStorageArea } from "./fake-storage.ts";

const patterns = ["new york", "moscow", "istanbul", "york"];

type Base64Codec = { fromBase64?: (text: string) => Uint8Array; prototype: { toBase64?: () => string } };
const codec = Uint8Array as unknown as Base64Codec;
const native = { fromBase64: codec.fromBase64, toBase64: codec.prototype.toBase64 };

/**
 * Gives this Node the browsers' base64 codec (Chrome 140, Firefox 133) through Buffer where it
 * lacks it, or takes it away (`present` false), as an older browser is.
 */
function setCodec(present: boolean): void {
  if (!present) {
    delete codec.fromBase64;
    delete codec.prototype.toBase64;
    return;
  }
  codec.fromBase64 =
    native.fromBase64 ??
    ((text) => {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new SyntaxError("not base64");
      return new Uint8Array(Buffer.from(text, "base64"));
    });
  codec.prototype.toBase64 =
    native.toBase64 ??
    function (this: Uint8Array) {
      return Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString("base64");
    };
}

afterEach(() => {
  // Back to what this Node has.
  if (native.fromBase64 === undefined) setCodec(false);
  else {
    codec.fromBase64 = native.fromBase64;
    codec.prototype.toBase64 = native.toBase64;
  }
});

test("what one page keeps the next reads back, for the same key only", async () => {
  setCodec(true);
  const area = new FakeStorageArea();
  const automaton = buildAutomaton(patterns);
  await keepAutomaton(area, "builder:4:abc", automaton);
  expect(Object.keys(await area.get(null))).toEqual([AUTOMATON_CACHE_KEY]);
  const read = await readKeptAutomaton(area, "builder:4:abc");
  expect([...read!.cells]).toEqual([...automaton.cells]);
  expect(await readKeptAutomaton(area, "builder:4:other")).toBeNull();
  expect(await readKeptAutomaton(new FakeStorageArea(), "builder:4:abc")).toBeNull();
});

test.each<[string, unknown]>([
  ["no object", "text"],
  ["no automaton", { key: "k" }],
  ["contents that are not a string", { key: "k", automaton: 42 }],
  ["contents that are not base64", { key: "k", automaton: "%%%" }],
  ["damaged contents", { key: "k", automaton: "AAAA" }],
])("reads %s as nothing kept", async (_, entry) => {
  setCodec(true);
  expect(await readKeptAutomaton(new FakeStorageArea({ [AUTOMATON_CACHE_KEY]: entry }), "k")).toBeNull();
});

test("a storage that fails to read is nothing kept", async () => {
  setCodec(true);
  const failing = new FakeStorageArea();
  failing.failGet = "storage is gone";
  expect(await readKeptAutomaton(failing, "k")).toBeNull();
});

test("a browser without the base64 codec keeps nothing, and reads nothing kept", async () => {
  setCodec(false);
  const area = new FakeStorageArea();
  await keepAutomaton(area, "k", buildAutomaton(patterns));
  expect(await area.get(null)).toEqual({});
  setCodec(true);
  await keepAutomaton(area, "k", buildAutomaton(patterns));
  setCodec(false);
  expect(await readKeptAutomaton(area, "k")).toBeNull();
});
