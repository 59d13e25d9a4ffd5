import { beforeAll, describe, expect, test, vi } from "vitest";
import type { Dataset } from "../../src/core/dataset-schema.ts";
import { buildEntityCard } from "../../src/core/entity-card.ts";
import { backgroundProtocol } from "../../src/shared/messages.ts";
import { bundledDataset, realDatasetServices } from "../ui/fake-dataset-services.ts";
import { quillmere } from "../fixtures/datasets/test-datasets.ts";

let bundled: Dataset;
beforeAll(async () => {
  bundled = await bundledDataset();
});

async function withImport() {
  const parts = realDatasetServices(bundled);
  const check = await parts.services.checkImport(JSON.stringify(quillmere()));
  if (!check.ok) throw new Error("not importable");
  await parts.store.commitImport(check.prepared);
  return parts;
}

describe("DatasetLibrary", () => {
  test("lists the bundled dataset first, then the imports, in a shape the protocol accepts", async () => {
    const { library, store } = await withImport();
    await store.setEnabled("quillmere-test", false);
    const list = await library.list();
    expect(backgroundProtocol.listDatasets.response.safeParse(list).success).toBe(true);
    expect(list.map((d) => [d.id, d.bundled, d.enabled])).toEqual([
      ["istanbul-talks-2025", true, true],
      ["quillmere-test", false, false],
    ]);
    expect(list[1]).toMatchObject({ version: "1.0.0", entities: 6, facts: 4, importedAt: "2026-05-01T10:00:00.000Z" });
  });

  test("serves an imported dataset's cards, and reads it from storage once", async () => {
    const { library, storage } = await withImport();
    const get = vi.spyOn(storage, "get");
    const found = await library.get("quillmere-test");
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    const card = buildEntityCard(found.dataset, "ilse-varnhagen")!;
    expect(card.dataset.id).toBe("quillmere-test");
    expect(card.facts.map((f) => f.attribution.claimants)).toEqual([[{ entity: "ilse-varnhagen", name: expect.objectContaining({ en: "Ilse Varnhagen" }) }]]);
    await library.get("quillmere-test");
    await library.list();
    const datasetReads = get.mock.calls.filter(([keys]) => String(keys).startsWith("dataset/"));
    expect(datasetReads).toHaveLength(1);
  });

  test("an unknown or removed id is an error value; the bundled one is always there", async () => {
    const { library, store } = await withImport();
    expect(await library.get("istanbul-talks-2025")).toMatchObject({ ok: true });
    await store.remove("quillmere-test");
    expect(await library.get("quillmere-test")).toEqual({ ok: false, error: 'no dataset has the id "quillmere-test"' });
  });

  test("a corrupted import is listed as unreadable, so it can be removed, and serves no card", async () => {
    const { library, storage } = await withImport();
    storage.poke("dataset/quillmere-test/r1", { format: 1, importedAt: "2026-05-01T10:00:00.000Z", dataset: "{oops" });
    const list = await library.list();
    expect(list[1]).toEqual({ id: "quillmere-test", bundled: false, enabled: true, unreadable: expect.stringContaining("not a valid dataset") });
    expect(backgroundProtocol.listDatasets.response.safeParse(list).success).toBe(true);
    expect(await library.get("quillmere-test")).toMatchObject({ ok: false, error: expect.stringMatching(/^dataset "quillmere-test" cannot be used: /) });
  });

  test("a replaced dataset is read afresh: revisions never change, so the cache is by revision", async () => {
    const { library, services, store } = await withImport();
    expect((await library.get("quillmere-test")).ok && "1.0.0").toBe("1.0.0");
    const next = quillmere();
    next.version = "1.1.0";
    const check = await services.checkImport(JSON.stringify(next));
    if (!check.ok) throw new Error("not importable");
    await store.commitImport(check.prepared);
    const found = await library.get("quillmere-test");
    expect(found.ok && found.dataset.version).toBe("1.1.0");
  });
});
