/**
 * The settings page's dataset services for tests, made of the real parts — `DatasetStore` and
 * `DatasetLibrary` over a fake `storage.local` — so a test drives the page and checks what was
 * stored. `stubDatasetServices` answers a fixed list and does nothing else.
 */
import { vi } from "vitest";
import { compileMatcherTable } from "../../src/core/compile-matcher-table.ts";
import type { Dataset } from "../../src/core/dataset-schema.ts";
import { DatasetLibrary } from "../../src/extension/dataset-library.ts";
import { DatasetStore } from "../../src/extension/dataset-store.ts";
import { watchIndex } from "../../src/shared/imported-datasets.ts";
import type { DatasetListItem, Reply } from "../../src/shared/messages.ts";
import type { DatasetServices } from "../../src/ui/options/DatasetsSection.tsx";
import { BUNDLED_DATASET, readDatasetFile } from "../../scripts/lib/read-dataset-file.ts";
import { FakeStorageArea } from "../extension/fake-storage.ts";

/** The bundled dataset, read and validated as the build reads it. */
export async function bundledDataset(): Promise<Dataset> {
  const result = await readDatasetFile(BUNDLED_DATASET);
  if (!result.ok) throw new Error("the bundled dataset is invalid");
  return result.dataset;
}

/** Dataset services over a fake storage area, with the real store and library. */
export function realDatasetServices(bundled: Dataset, storage = new FakeStorageArea()) {
  let revision = 0;
  const store = new DatasetStore(storage, {
    version: "0.1.0",
    now: () => new Date("2026-05-01T10:00:00.000Z"),
    newRevision: () => `r${++revision}`,
  });
  const library = new DatasetLibrary(bundled, store);
  const table = compileMatcherTable([bundled]);
  const services = {
    listDatasets: vi.fn(async (): Promise<Reply<DatasetListItem[]>> => ({ ok: true, value: await library.list() })),
    checkImport: vi.fn((text: string) => store.prepareImport(text, { id: bundled.id, table })),
    saveImport: vi.fn((prepared: Parameters<DatasetServices["saveImport"]>[0]) => store.commitImport(prepared)),
    setDatasetEnabled: vi.fn((id: string, enabled: boolean) => store.setEnabled(id, enabled)),
    removeDataset: vi.fn((id: string) => store.remove(id)),
    watchDatasets: vi.fn((onChange: () => void, signal: AbortSignal) => watchIndex(storage.onChanged, onChange, signal)),
  } satisfies DatasetServices;
  return { services, storage, store, library };
}

/** Dataset services that list `reply` and change nothing. */
export function stubDatasetServices(reply: () => Reply<DatasetListItem[]>) {
  const unused = async () => ({ ok: false as const, error: "not in this test" });
  return {
    listDatasets: vi.fn(async () => reply()),
    checkImport: vi.fn(async () => ({ ok: false as const, problems: [] })),
    saveImport: vi.fn(unused),
    setDatasetEnabled: vi.fn(unused),
    removeDataset: vi.fn(unused),
    watchDatasets: vi.fn(),
  } satisfies DatasetServices;
}
