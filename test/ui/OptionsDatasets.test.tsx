// @vitest-environment happy-dom
/**
 * The settings page's datasets section, driven as a reader would, over the real dataset store
 * and library on a fake `storage.local`: what is listed, importing a valid file, every malformed
 * file refused with its JSON paths in the interface language and nothing stored, replacing,
 * enabling, disabling and removing, and failed writes.
 */
import axe from "axe-core";
import { cleanup, fireEvent, render, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import arMessages from "../../assets/_locales/ar/messages.json";
import enMessages from "../../assets/_locales/en/messages.json";
import type { Dataset } from "../../src/core/dataset-schema.ts";
import { INDEX_KEY } from "../../src/shared/imported-datasets.ts";
import { textFromMessagesJson } from "../../src/ui/interface-text.ts";
import { Options } from "../../src/ui/options/Options.tsx";
import { malformedFiles, quillmere, tenMegabytesOfJunk } from "../fixtures/datasets/test-datasets.ts";
import type { FakeStorageArea } from "../extension/fake-storage.ts";
import { bundledDataset, realDatasetServices } from "./fake-dataset-services.ts";
import { fakeSettings } from "./fake-settings-services.ts";
import { afterAnswers } from "./service-answers.ts";

let bundled: Dataset;
beforeAll(async () => {
  bundled = await bundledDataset();
});

afterEach(cleanup);

async function renderOptions(options: { language?: "ar" | "en"; storage?: FakeStorageArea } = {}) {
  const parts = realDatasetServices(bundled, options.storage);
  const services = { ...fakeSettings().services, ...parts.services };
  current = services;
  const language = options.language ?? "en";
  const text = textFromMessagesJson(language, language === "ar" ? arMessages : enMessages);
  let container: HTMLElement | null = null;
  await afterAnswers(services, () => {
    container = render(<Options services={services} text={text} />).container as HTMLElement;
  });
  // The section is a region named by its heading.
  const section = within(container!).getByRole<HTMLElement>("region", { name: text.message("optionsDatasetsHeading") });
  expect(section.id).toBe("datasets");
  return { ...parts, services, section };
}

type Rendered = Awaited<ReturnType<typeof renderOptions>>;

/** Chooses a file in the import field, as the browser's file picker does, and waits for the outcome. */
async function chooseFile(rendered: Rendered, file: File) {
  const input = rendered.section.querySelector<HTMLInputElement>("input#import-file")!;
  await afterAnswers(
    rendered.services,
    () => {
      Object.defineProperty(input, "files", { value: [file], configurable: true });
      fireEvent.change(input);
    },
    () => expect(result(rendered.section).dataset.state).toMatch(/^(imported|refused|confirm|failed)$/),
  );
}

const jsonFile = (content: string, name = "dataset.json") => new File([content], name, { type: "application/json" });

async function importQuillmere(rendered: Rendered, change: (d: ReturnType<typeof quillmere>) => void = () => {}) {
  const dataset = quillmere();
  change(dataset);
  await chooseFile(rendered, jsonFile(JSON.stringify(dataset), "quillmere-test.json"));
}

/** The services of the page rendered last: a click waits for their answers. */
let current: object = {};

async function click(element: Element | null) {
  if (!(element instanceof HTMLElement)) throw new Error("nothing to click");
  await afterAnswers(current, () => void fireEvent.click(element));
}

const item = (section: HTMLElement, id: string) => section.querySelector<HTMLElement>(`li[data-dataset="${id}"]`);
const result = (section: HTMLElement) => section.querySelector<HTMLElement>("#import-result")!;

describe("the list", () => {
  test("the bundled dataset: name, version and size, why it cannot be removed, and no control to remove or disable it", async () => {
    const { section } = await renderOptions();
    const bundledItem = item(section, "istanbul-talks-2025")!;
    expect(bundledItem.dataset.bundled).toBe("true");
    expect(bundledItem.querySelector(".dataset-name")?.textContent).toBe(`${bundled.name.en}, version ${bundled.version}`);
    expect(bundledItem.querySelector(".dataset-bundled")?.textContent).toBe("Comes with Backstory; it cannot be removed.");
    expect(bundledItem.querySelector("button")).toBeNull();
    expect(bundledItem.querySelector("input")).toBeNull();
    expect(section.querySelector("#datasets-hint")?.textContent).toContain("the one listed first keeps it");
  });

  test("an imported dataset: name, version, counts, date, its switch and its remove button", async () => {
    const rendered = await renderOptions();
    await importQuillmere(rendered);
    const imported = item(rendered.section, "quillmere-test")!;
    expect(imported.dataset.bundled).toBe("false");
    expect(imported.querySelector(".dataset-name")?.textContent).toBe("TEST DATA — Quillmere water hearing (fictional), version 1.0.0");
    expect(imported.querySelector(".dataset-counts")?.textContent).toBe("6 names · 4 facts");
    expect(imported.querySelector(".dataset-imported")?.textContent).toBe("Imported on 1 May 2026");
    const toggle = imported.querySelector<HTMLInputElement>("input.dataset-enabled")!;
    expect([toggle.getAttribute("role"), toggle.checked]).toEqual(["switch", true]);
    expect(rendered.section.querySelector(`label[for="${toggle.id}"]`)?.textContent).toBe("Highlight its names");
    expect(imported.querySelector("button.remove-dataset")?.getAttribute("aria-label")).toBe("Remove TEST DATA — Quillmere water hearing (fictional)");
  });

  test("an unreadable import is shown with the reason, and can be removed", async () => {
    const rendered = await renderOptions();
    await importQuillmere(rendered);
    rendered.storage.poke("dataset/quillmere-test/r1", { format: 1 });
    const again = await renderOptions({ storage: rendered.storage });
    const broken = item(again.section, "quillmere-test")!;
    expect(broken.querySelector(".dataset-unreadable")?.textContent).toContain("An imported dataset (“quillmere-test”) cannot be read, so it is not used.");
    expect(broken.querySelector("input")).toBeNull();
    await click(broken.querySelector("button.remove-dataset"));
    await click(broken.querySelector("button.confirm-remove"));
    expect(item(again.section, "quillmere-test")).toBeNull();
    expect(again.storage.keys()).toEqual([INDEX_KEY]);
  });
});

describe("importing a valid file", () => {
  test("saves it, says what was imported and which names stay with the bundled dataset, and lists it", async () => {
    const rendered = await renderOptions();
    await importQuillmere(rendered);
    const done = result(rendered.section);
    expect(done.getAttribute("role")).toBe("status");
    expect(done.querySelector("#import-done p")?.textContent).toBe(
      "Imported “TEST DATA — Quillmere water hearing (fictional)”, version 1.0.0: 6 names and 4 facts. Its names are now highlighted.",
    );
    const contested = [...done.querySelectorAll("#import-contested li")].map((li) => li.textContent);
    expect(contested).toEqual(["“Washington” stays with “Washington, D.C.” $.entities[5].aliases[0]"]);
    // Attribution doubts are listed, by path, and do not stop the import.
    const doubts = [...done.querySelectorAll("#import-attribution-warnings li")].map((li) => li.textContent);
    expect(doubts).toEqual([
      "an entity the fact is about is not named in the quote or its sentence $.facts[1].about[1]",
      "an entity the fact is about is not named in the quote or its sentence $.facts[2].about[1]",
      "an entity the fact is about is not named in the quote or its sentence $.facts[3].about[0]",
    ]);
    expect(item(rendered.section, "quillmere-test")).not.toBeNull();
    expect(rendered.storage.keys()).toEqual(["dataset/quillmere-test/r1", INDEX_KEY, "table/quillmere-test/r1"]);
  });

  test("the same id again asks before replacing; keeping changes nothing, replacing swaps the version", async () => {
    const rendered = await renderOptions();
    await importQuillmere(rendered);
    const before = rendered.storage.snapshot();
    await importQuillmere(rendered, (d) => void (d.version = "1.1.0"));
    const question = rendered.section.querySelector("#import-confirm")!;
    expect(question.querySelector("p")?.textContent).toBe("“TEST DATA — Quillmere water hearing (fictional)”, version 1.0.0, is already imported. Replace it with version 1.1.0?");
    // Focus moves to the question's default answer in an effect, after the question is drawn.
    await waitFor(() => expect(document.activeElement?.id).toBe("import-replace"));
    expect(rendered.storage.snapshot()).toEqual(before);
    await click(rendered.section.querySelector("#import-keep"));
    expect(result(rendered.section).textContent).toBe("Nothing was imported.");
    expect(document.activeElement?.id).toBe("import-file");
    expect(rendered.storage.snapshot()).toEqual(before);

    await importQuillmere(rendered, (d) => void (d.version = "1.1.0"));
    await click(rendered.section.querySelector("#import-replace"));
    expect(result(rendered.section).querySelector("#import-done p")?.textContent).toMatch(/^Replaced with “TEST DATA — Quillmere water hearing \(fictional\)”, version 1\.1\.0: /);
    expect(item(rendered.section, "quillmere-test")?.querySelector(".dataset-name")?.textContent).toContain("version 1.1.0");
    expect(rendered.section.querySelectorAll("li[data-dataset]")).toHaveLength(2);
  });

  test("a failed save (storage full) says so, and nothing is stored", async () => {
    const rendered = await renderOptions();
    rendered.storage.failSet = () => "QUOTA_BYTES quota exceeded";
    await importQuillmere(rendered);
    expect(result(rendered.section).textContent).toBe("“quillmere-test.json” could not be saved: QUOTA_BYTES quota exceeded. Nothing was changed.");
    expect(rendered.storage.keys()).toEqual([]);
    expect(item(rendered.section, "quillmere-test")).toBeNull();
  });
});

describe("importing a malformed file", () => {
  test.each(malformedFiles("istanbul-talks-2025").map((file) => [file.name, file] as const))(
    "%s: lists each problem with its JSON path and a message in the interface language, and stores nothing",
    async (_, malformed) => {
      const rendered = await renderOptions();
      await chooseFile(rendered, jsonFile(malformed.content, malformed.file));
      const problems = rendered.section.querySelector("#import-problems")!;
      expect(problems.querySelector(".problems-summary")?.textContent).toMatch(new RegExp(`^“${malformed.file}” was not imported, and nothing was saved\\. Problems found: \\d+$`));
      const listed = [...problems.querySelectorAll<HTMLElement>("li.problem")].map((li) => ({
        code: li.dataset.code,
        path: li.querySelector(".problem-path")?.textContent,
        text: li.querySelector(".problem-text")?.textContent ?? "",
        detail: li.querySelector(".problem-detail")?.textContent ?? "",
      }));
      for (const expected of malformed.problems) expect(listed).toContainEqual(expect.objectContaining({ code: expected.code, path: expected.path }));
      for (const problem of listed) {
        // Worded by the interface, not a message key left untranslated, with the English detail beside it.
        expect(problem.text).toMatch(/^[A-Z“].+\.$/);
        expect(problem.detail.length).toBeGreaterThan(5);
      }
      expect(rendered.storage.writes).toEqual([]);
      expect(rendered.services.saveImport).not.toHaveBeenCalled();
    },
  );

  test("the wording of each kind of problem", async () => {
    const rendered = await renderOptions();
    const wordings = new Map<string, string>();
    for (const malformed of malformedFiles("istanbul-talks-2025")) {
      await chooseFile(rendered, jsonFile(malformed.content, malformed.file));
      for (const li of rendered.section.querySelectorAll<HTMLElement>("li.problem")) {
        wordings.set(`${li.dataset.code} ${li.dataset.path}`, li.querySelector(".problem-text")?.textContent ?? "");
      }
    }
    expect(Object.fromEntries([...wordings].filter(([key]) => !key.startsWith("schema")))).toMatchObject({
      "unknown-entity $.facts[1].claimant": "No entity in the dataset has this id.",
      "unknown-source $.facts[2].source": "No source in the dataset has this id.",
      "quote-not-in-source $.facts[1].quote": "The quote is not word for word in its source's text.",
      "duplicate-id $.entities[3].id": "This id is used more than once; ids must be unique.",
      "alias-ambiguous $.entities[3].aliases[0]": "Another entity has this name too; a name must belong to one entity only.",
      "text-file $.sources[0].textFile": "A source's text must be inside the file, in “text”: “textFile” works only for datasets built into Backstory.",
      "bundled-id $.id": "This is the id of the dataset that comes with Backstory; give your dataset an id of its own.",
      "invalid-json $": "The file is not valid JSON.",
    });
    expect(wordings.get("schema $.entities[0].type")).toBe("Not one of the allowed values.");
    expect(wordings.get("schema $.entities[1].name.en")).toBe("Wrong kind of value (for example, text where a list is expected).");
    expect(wordings.get("schema $.entities[2].summary")).toBe("A required field is missing.");
    expect(wordings.get("schema $.facts[0]")).toBe("A field the dataset format does not have.");
  });

  test("10 MB of junk is refused by its size before it is read", async () => {
    const rendered = await renderOptions();
    const junk = tenMegabytesOfJunk();
    const file = jsonFile(junk.content, junk.file);
    const read = vi.spyOn(file, "text");
    await chooseFile(rendered, file);
    expect(read).not.toHaveBeenCalled();
    expect(rendered.services.checkImport).not.toHaveBeenCalled();
    const problem = rendered.section.querySelector<HTMLElement>("#import-problems li.problem")!;
    expect([problem.dataset.code, problem.dataset.path]).toEqual(["too-large", "$"]);
    expect(problem.querySelector(".problem-text")?.textContent).toBe("The file is larger than 2 MB, the most a dataset to import may be.");
    expect(rendered.storage.writes).toEqual([]);
  });

  test("the size limit is stated beside the field", async () => {
    const { section } = await renderOptions();
    const input = section.querySelector<HTMLInputElement>("#import-file")!;
    expect(input.accept).toBe("application/json,.json");
    expect(section.querySelector(`label[for="import-file"]`)?.textContent).toBe("Dataset file (JSON)");
    expect(section.querySelector(`#${input.getAttribute("aria-describedby")}`)?.textContent).toContain("at most 2 MB");
  });

  test("a file with thousands of problems lists the first hundred and counts the rest", async () => {
    const rendered = await renderOptions();
    const dataset = quillmere();
    dataset.facts = Array.from({ length: 300 }, (_, i) => ({ ...dataset.facts![0]!, id: `fact-${i}`, source: "nowhere" }));
    await chooseFile(rendered, jsonFile(JSON.stringify(dataset)));
    expect(rendered.section.querySelectorAll("li.problem")).toHaveLength(100);
    expect(rendered.section.querySelector(".problems-summary")?.textContent).toContain("Problems found: 300");
    expect(rendered.section.querySelector(".problems-more")?.textContent).toBe("…and 200 more.");
  });

  test("in Arabic: the problems are Arabic, the JSON paths stay as they are, left to right", async () => {
    const rendered = await renderOptions({ language: "ar" });
    const malformed = malformedFiles("istanbul-talks-2025").find((f) => f.name === "unknown references")!;
    await chooseFile(rendered, jsonFile(malformed.content, malformed.file));
    expect(rendered.section.querySelector(".problems-summary")?.textContent).toBe("لم يُستورد «unknown-references.json» ولم يُحفظ أي شيء. عدد المشكلات: 4");
    const first = rendered.section.querySelector("li.problem")!;
    expect(first.querySelector(".problem-path")?.textContent).toBe("$.entities[0].related[0]");
    expect(first.querySelector(".problem-path")?.getAttribute("dir")).toBe("ltr");
    expect(first.querySelector(".problem-text")?.textContent).toBe("لا يوجد في مجموعة البيانات كيان بهذا المعرّف.");
    expect(first.querySelector(".problem-detail")?.getAttribute("lang")).toBe("en");
    expect(rendered.section.querySelector("#import-hint")?.textContent).toContain("2 ميغابايت");
  });
});

describe("enabling, disabling and removing", () => {
  test("the switch turns an import's highlighting off and on", async () => {
    const rendered = await renderOptions();
    await importQuillmere(rendered);
    await click(item(rendered.section, "quillmere-test")!.querySelector("input.dataset-enabled"));
    expect((rendered.storage.snapshot()[INDEX_KEY] as { datasets: { enabled: boolean }[] }).datasets[0]!.enabled).toBe(false);
    expect(item(rendered.section, "quillmere-test")!.querySelector<HTMLInputElement>("input.dataset-enabled")!.checked).toBe(false);
    await click(item(rendered.section, "quillmere-test")!.querySelector("input.dataset-enabled"));
    expect((rendered.storage.snapshot()[INDEX_KEY] as { datasets: { enabled: boolean }[] }).datasets[0]!.enabled).toBe(true);
  });

  test("a switch change that cannot be saved shows the error and the switch as it is stored", async () => {
    const rendered = await renderOptions();
    await importQuillmere(rendered);
    rendered.storage.failSet = () => "IO error";
    await click(item(rendered.section, "quillmere-test")!.querySelector("input.dataset-enabled"));
    expect(rendered.section.querySelector("#datasets-error")?.textContent).toBe("Couldn't change the datasets: IO error. Nothing was changed.");
    expect(item(rendered.section, "quillmere-test")!.querySelector<HTMLInputElement>("input.dataset-enabled")!.checked).toBe(true);
  });

  test("removing asks first; cancelling keeps it and returns focus, confirming removes it", async () => {
    const rendered = await renderOptions();
    await importQuillmere(rendered);
    const imported = item(rendered.section, "quillmere-test")!;
    await click(imported.querySelector("button.remove-dataset"));
    const confirm = imported.querySelector(".confirm")!;
    expect(confirm.getAttribute("role")).toBe("group");
    expect(confirm.querySelector("p")?.textContent).toBe(
      "Remove “TEST DATA — Quillmere water hearing (fictional)”? Its names will no longer be highlighted, and its facts are deleted from this browser. You can import its file again later.",
    );
    expect(document.activeElement?.classList.contains("confirm-remove")).toBe(true);
    await click(confirm.querySelector("button.cancel-remove"));
    expect(rendered.storage.keys()).toContain("dataset/quillmere-test/r1");
    expect(document.activeElement?.classList.contains("remove-dataset")).toBe(true);

    await click(imported.querySelector("button.remove-dataset"));
    await click(imported.querySelector("button.confirm-remove"));
    expect(item(rendered.section, "quillmere-test")).toBeNull();
    expect(rendered.storage.keys()).toEqual([INDEX_KEY]);
    expect(document.activeElement?.id).toBe("import-file");
  });

  test("a change made elsewhere (another settings tab) shows at once", async () => {
    const rendered = await renderOptions();
    await importQuillmere(rendered);
    await afterAnswers(rendered.services, () => rendered.store.setEnabled("quillmere-test", false));
    expect(item(rendered.section, "quillmere-test")!.querySelector<HTMLInputElement>("input.dataset-enabled")!.checked).toBe(false);
    await afterAnswers(rendered.services, () => rendered.store.remove("quillmere-test"));
    expect(item(rendered.section, "quillmere-test")).toBeNull();
  });
});

describe("accessibility", () => {
  test.each(["en", "ar"] as const)("no axe violations with problems, a replacement question and a removal question shown (%s)", async (language) => {
    const rendered = await renderOptions({ language });
    await importQuillmere(rendered);
    await click(item(rendered.section, "quillmere-test")!.querySelector("button.remove-dataset"));
    await importQuillmere(rendered, (d) => void (d.version = "1.1.0"));
    expect(rendered.section.querySelector("#import-confirm")).not.toBeNull();
    const axeOptions = { runOnly: { type: "tag" as const, values: ["wcag2a", "wcag2aa"] }, rules: { "color-contrast": { enabled: false } } };
    let results = await axe.run(rendered.section, axeOptions);
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    const malformed = malformedFiles("istanbul-talks-2025")[0]!;
    await chooseFile(rendered, jsonFile(malformed.content, malformed.file));
    results = await axe.run(rendered.section, axeOptions);
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});
