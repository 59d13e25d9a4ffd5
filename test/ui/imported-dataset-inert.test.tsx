// @vitest-environment happy-dom
/**
 * A valid imported dataset whose names, summary, fact texts, quote and source carry markup
 * (`<script>`, `<img onerror>`): it goes through the real import (check, store, read back) and
 * every place that shows it — the card, the popup, the settings page's list, the source viewer —
 * must show the markup as text, creating no element and running nothing.
 */
import { cleanup, render } from "@testing-library/preact";
import type { ComponentChild } from "preact";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import enMessages from "../../assets/_locales/en/messages.json";
import { compileMatcherTable } from "../../src/core/compile-matcher-table.ts";
import type { Dataset } from "../../src/core/dataset-schema.ts";
import { buildEntityCard } from "../../src/core/entity-card.ts";
import { Matcher } from "../../src/core/matcher.ts";
import { mergeMatcherTables } from "../../src/core/merge-matcher-tables.ts";
import { readIndex, readTables } from "../../src/shared/imported-datasets.ts";
import { EntityCard } from "../../src/ui/card/EntityCard.tsx";
import { textFromMessagesJson } from "../../src/ui/interface-text.ts";
import { Options } from "../../src/ui/options/Options.tsx";
import { Popup, type EntitiesOnPage } from "../../src/ui/popup/Popup.tsx";
import { SourceViewer } from "../../src/ui/source-viewer/SourceViewer.tsx";
import { hostileDataset, IMG_PAYLOAD, SCRIPT_PAYLOAD } from "../fixtures/datasets/test-datasets.ts";
import { bundledDataset, realDatasetServices } from "./fake-dataset-services.ts";
import { fakeSettings } from "./fake-settings-services.ts";
import { afterAnswers } from "./service-answers.ts";

const text = textFromMessagesJson("en", enMessages);
let parts: ReturnType<typeof realDatasetServices>;
let imported: Dataset;

beforeAll(async () => {
  parts = realDatasetServices(await bundledDataset());
  const check = await parts.services.checkImport(JSON.stringify(hostileDataset()));
  if (!check.ok) throw new Error(`the hostile dataset should be valid: ${JSON.stringify(check.problems)}`);
  expect(await parts.services.saveImport(check.prepared)).toEqual({ ok: true });
  const found = await parts.library.get("quillmere-hostile-test");
  if (!found.ok) throw new Error(found.error);
  imported = found.dataset;
});

afterEach(() => {
  cleanup();
  delete (window as { __backstoryPwned?: unknown }).__backstoryPwned;
});

/** Renders `node` and waits until the `services` it was given have answered everything it asked. */
async function mount(node: ComponentChild, services: object = {}): Promise<HTMLElement> {
  let container: HTMLElement | null = null;
  await afterAnswers(services, () => {
    container = render(node).container as HTMLElement;
  });
  return container!;
}

/** The markup shows as text, and none of it became an element or ran. */
function expectInert(container: HTMLElement, ...payloads: string[]) {
  for (const payload of payloads) expect(container.textContent).toContain(payload);
  expect(container.querySelectorAll("script, img:not([src^='icons/']), [onerror]")).toHaveLength(0);
  expect((window as { __backstoryPwned?: unknown }).__backstoryPwned).toBeUndefined();
}

describe("markup in an imported dataset is only text", () => {
  test("in the card: the entity's name and summary, a fact's text, its quote and its source's title", async () => {
    const card = buildEntityCard(imported, "ilse-varnhagen")!;
    const container = await mount(<EntityCard card={card} language="en" onLanguageChange={vi.fn()} onClose={vi.fn()} onOpenSource={vi.fn()} />);
    // The quote and the source sit in a collapsed <details>: still text in the card.
    expectInert(container, `Ilse Varnhagen ${SCRIPT_PAYLOAD}`, `Summary ${IMG_PAYLOAD}`, `Fact ${SCRIPT_PAYLOAD}`, `${SCRIPT_PAYLOAD} and ${IMG_PAYLOAD}`);
    expect(container.textContent).toContain(`TEST DATA — hostile ${IMG_PAYLOAD}`);
  });

  test("in the popup: the dataset's name and source, and the names found on the page", async () => {
    // The page would find these names with the merged table, as the content script does.
    const { entries } = await readIndex(parts.storage);
    const { tables } = await readTables(parts.storage, entries);
    const matcher = new Matcher(mergeMatcherTables([compileMatcherTable([await bundledDataset()]), ...tables]));
    const found = matcher.findMentions("Varnhagen spoke.").map((m) => matcher.entities[m.entity]!);
    expect(found.map((e) => e.name.en)).toEqual([`Ilse Varnhagen ${SCRIPT_PAYLOAD}`]);
    const page: EntitiesOnPage = { site: "news.example", active: true, mentions: 1, entities: found.map((e) => ({ ...e, mentions: 1 })) };
    const services = {
      ...fakeSettings().services,
      entitiesOnPage: vi.fn(async () => ({ ok: true as const, value: page })),
      revealEntity: vi.fn(async () => ({ ok: true as const, value: { revealed: true } })),
      listDatasets: parts.services.listDatasets,
      extensionUrl: (path: string) => `chrome-extension://backstory/${path}`,
      openUrl: vi.fn(async () => {}),
      openOptions: vi.fn(async () => {}),
      openPanel: vi.fn(async () => true),
      close: vi.fn(),
    };
    const container = await mount(<Popup services={services} text={text} />, services);
    expect(container.querySelector('.dataset-entry[data-dataset="quillmere-hostile-test"]')).not.toBeNull();
    expectInert(container, `TEST DATA — hostile ${IMG_PAYLOAD}`, `Ilse Varnhagen ${SCRIPT_PAYLOAD}`, SCRIPT_PAYLOAD);
  });

  test("in the settings page's list", async () => {
    const services = { ...fakeSettings().services, ...parts.services };
    const container = await mount(<Options services={services} text={text} />, services);
    const item = container.querySelector('li[data-dataset="quillmere-hostile-test"]')!;
    expect(item.querySelector(".dataset-name")?.textContent).toBe(`TEST DATA — hostile ${IMG_PAYLOAD}, version 1.0.0`);
    expect(item.querySelector("button.remove-dataset")?.getAttribute("aria-label")).toBe(`Remove TEST DATA — hostile ${IMG_PAYLOAD}`);
    expectInert(container, `TEST DATA — hostile ${IMG_PAYLOAD}`);
  });

  test("in the source viewer, with the quote marked", async () => {
    const scroll = vi.spyOn(HTMLElement.prototype, "scrollIntoView").mockImplementation(() => {});
    const container = await mount(<SourceViewer dataset={imported} sourceId="quillmere-courier-2025-03-03" factId="varnhagen-pause" language="en" />);
    expect(container.querySelector("mark#quote")?.textContent).toContain(SCRIPT_PAYLOAD);
    expectInert(container, SCRIPT_PAYLOAD, IMG_PAYLOAD, `Fact ${SCRIPT_PAYLOAD}`);
    scroll.mockRestore();
  });
});
