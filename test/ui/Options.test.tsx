// @vitest-environment happy-dom
import axe from "axe-core";
import { cleanup, fireEvent, render, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, test } from "vitest";
import arMessages from "../../assets/_locales/ar/messages.json";
import enMessages from "../../assets/_locales/en/messages.json";
import type { Reply } from "../../src/shared/messages.ts";
import type { Settings } from "../../src/shared/settings.ts";
import { textFromMessagesJson } from "../../src/ui/interface-text.ts";
import { Options, type DatasetListItem, type DatasetSummary } from "../../src/ui/options/Options.tsx";
import { stubDatasetServices } from "./fake-dataset-services.ts";
import { fakeSettings } from "./fake-settings-services.ts";
import { afterAnswers } from "./service-answers.ts";

const datasets: DatasetSummary[] = [
  {
    id: "istanbul-talks-2025",
    name: { ar: "محادثات إسطنبول الروسية الأمريكية 2025", en: "Russia–US talks in Istanbul, 2025" },
    version: "1.0.0",
    entities: 32,
    facts: 46,
    sources: [{ id: "istanbul-talks-2025-04-10", title: "t", publisher: { ar: "وكالات", en: "Agencies" }, date: "2025-04-10" }],
    bundled: true,
    enabled: true,
  },
];

type RenderOptions = {
  settings?: Partial<Settings>;
  problems?: string[];
  language?: "ar" | "en";
  datasetsReply?: Reply<DatasetListItem[]>;
  savedMs?: number;
};

afterEach(cleanup);

/** The services of the page rendered last: the steps below wait for their answers. */
let current: object = {};

async function renderOptions(options: RenderOptions = {}) {
  const store = fakeSettings(options.settings, options.problems);
  const services = { ...store.services, ...stubDatasetServices(() => options.datasetsReply ?? { ok: true, value: datasets }) };
  const language = options.language ?? "en";
  const text = textFromMessagesJson(language, language === "ar" ? arMessages : enMessages);
  current = services;
  let main: HTMLElement | null = null;
  await afterAnswers(services, () => {
    const { container } = render(<Options services={services} text={text} savedMs={options.savedMs ?? 2000} />);
    main = within(container as HTMLElement).getByRole<HTMLElement>("main");
  });
  // The settings have arrived: nothing says it is loading.
  await waitFor(() => expect(within(main!).queryByText(text.message("loading"))).toBeNull());
  return { services, store, main: main! };
}

function control(main: HTMLElement, id: string): HTMLInputElement {
  const input = main.querySelector<HTMLInputElement>(`#${id}`);
  if (input === null) throw new Error(`no #${id}`);
  return input;
}

function labelOf(main: HTMLElement, id: string): string {
  return main.querySelector(`label[for="${id}"]`)?.textContent ?? "";
}

async function click(element: HTMLElement) {
  await afterAnswers(current, () => void fireEvent.click(element));
}

async function type(input: HTMLInputElement, value: string) {
  await afterAnswers(current, () => void fireEvent.input(input, { target: { value } }));
}

/** Types a value and commits it, as leaving the field or pressing Enter does. */
async function commit(input: HTMLInputElement, value: string) {
  await type(input, value);
  await afterAnswers(current, () => void fireEvent.change(input));
}

async function addSite(main: HTMLElement, value: string) {
  await type(control(main, "site-input"), value);
  await click(control(main, "add-site-button"));
}

function listedSites(main: HTMLElement): string[] {
  return [...main.querySelectorAll("#sites .host")].map((host) => host.textContent ?? "");
}

describe("Options: where names are highlighted", () => {
  test("the global switch reflects and writes the setting", async () => {
    const { main, store } = await renderOptions();
    const enabled = control(main, "option-enabled");
    expect(enabled.getAttribute("role")).toBe("switch");
    expect(labelOf(main, "option-enabled")).toBe("Highlight names on web pages");
    expect(enabled.checked).toBe(true);
    await click(enabled);
    expect(store.stored().enabled).toBe(false);
  });

  test("the site mode is a radio group that writes the setting", async () => {
    const { main, store } = await renderOptions();
    expect(main.querySelector("#site-mode legend")?.textContent).toBe("Which sites");
    expect(control(main, "site-mode-all-except").checked).toBe(true);
    expect(labelOf(main, "site-mode-only-listed")).toBe("Only the sites listed below");
    await click(control(main, "site-mode-only-listed"));
    expect(store.stored().siteMode).toBe("only-listed");
    expect(control(main, "site-mode-all-except").checked).toBe(false);
  });

  test("lists the sites, and says so when there are none", async () => {
    const { main } = await renderOptions({ settings: { sites: ["example.com", "www.bbc.co.uk"] } });
    expect(listedSites(main)).toEqual(["example.com", "www.bbc.co.uk"]);
    expect(main.querySelector('#sites button[data-site="example.com"]')?.getAttribute("aria-label")).toBe("Remove example.com");
    const empty = await renderOptions();
    expect(empty.main.querySelector("#sites-empty")?.textContent).toBe("No sites listed yet.");
  });

  test("adds a site by host name, and clears the field", async () => {
    const { main, store } = await renderOptions({ settings: { sites: ["example.com"] } });
    await addSite(main, "www.aljazeera.net");
    expect(store.stored().sites).toEqual(["example.com", "www.aljazeera.net"]);
    expect(listedSites(main)).toEqual(["example.com", "www.aljazeera.net"]);
    expect(control(main, "site-input").value).toBe("");
  });

  test("reduces a pasted address to its host", async () => {
    const { main, store } = await renderOptions();
    await addSite(main, "https://www.BBC.co.uk/arabic/articles/c1?at=1");
    expect(store.stored().sites).toEqual(["www.bbc.co.uk"]);
  });

  test.each([
    ["an empty field", "  ", "Enter a host name or an address."],
    ["text that is not a site", "not a site", "“not a site” is not a site's host name or address."],
    ["a local file", "file:///tmp/page.html", "“file:///tmp/page.html” is not a site's host name or address."],
    ["a site already listed", "https://example.com/news", "example.com is already listed."],
  ])("rejects %s with a message, and saves nothing", async (_, typed, message) => {
    const { main, services } = await renderOptions({ settings: { sites: ["example.com"] } });
    await addSite(main, typed);
    expect(services.saveSettings).not.toHaveBeenCalled();
    const input = control(main, "site-input");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toBe("site-hint site-error");
    const error = main.querySelector("#site-error");
    expect(error?.getAttribute("role")).toBe("alert");
    expect(error?.textContent).toBe(message);
    // Typing again clears the complaint.
    await type(input, "example.org");
    expect(main.querySelector("#site-error")).toBeNull();
    expect(input.getAttribute("aria-invalid")).toBe("false");
  });

  test("removes a site, moving focus to the next one", async () => {
    const { main, store } = await renderOptions({ settings: { sites: ["a.example", "b.example", "c.example"] } });
    await click(main.querySelector<HTMLButtonElement>('#sites button[data-site="b.example"]')!);
    expect(store.stored().sites).toEqual(["a.example", "c.example"]);
    expect(listedSites(main)).toEqual(["a.example", "c.example"]);
    expect(document.activeElement?.getAttribute("data-site")).toBe("c.example");
  });

  test("removing the last site moves focus to the field for adding one", async () => {
    const { main, store } = await renderOptions({ settings: { sites: ["a.example"] } });
    await click(main.querySelector<HTMLButtonElement>('#sites button[data-site="a.example"]')!);
    expect(store.stored().sites).toEqual([]);
    expect(document.activeElement?.id).toBe("site-input");
  });
});

describe("Options: cards", () => {
  test("the hover delay is a labelled number from 0 to 3000, saved when committed", async () => {
    const { main, store, services } = await renderOptions();
    const delay = control(main, "hover-delay");
    expect(labelOf(main, "hover-delay")).toBe("Delay before a card opens, in milliseconds");
    expect([delay.type, delay.min, delay.max, delay.value]).toEqual(["number", "0", "3000", "350"]);
    await type(delay, "5");
    expect(services.saveSettings).not.toHaveBeenCalled();
    await commit(delay, "500");
    expect(store.stored().hoverDelayMs).toBe(500);
    await commit(delay, "0");
    expect(store.stored().hoverDelayMs).toBe(0);
  });

  test.each(["3001", "-1", "2.5", ""])("rejects a hover delay of %j with a message, and saves nothing", async (value) => {
    const { main, services } = await renderOptions();
    const delay = control(main, "hover-delay");
    await commit(delay, value);
    expect(services.saveSettings).not.toHaveBeenCalled();
    expect(delay.getAttribute("aria-invalid")).toBe("true");
    expect(main.querySelector("#hover-delay-error")?.textContent).toBe("Enter a whole number from 0 to 3000.");
  });

  test.each([
    ["card-language-ar", { cardLanguage: "ar" }],
    ["card-language-en", { cardLanguage: "en" }],
    ["highlight-style-underline", { highlightStyle: "underline" }],
  ] as const)("choosing #%s writes %j", async (id, expected) => {
    const { main, store } = await renderOptions();
    await click(control(main, id));
    expect(store.stored()).toMatchObject(expected);
    expect(control(main, id).checked).toBe(true);
  });

  test("the radio groups show the stored choice", async () => {
    const { main } = await renderOptions({ settings: { cardLanguage: "en", highlightStyle: "underline" } });
    expect(control(main, "card-language-auto").checked).toBe(false);
    expect(control(main, "card-language-en").checked).toBe(true);
    expect(control(main, "highlight-style-underline").checked).toBe(true);
    expect(control(main, "highlight-style-background").checked).toBe(false);
    expect(labelOf(main, "card-language-auto")).toBe("The page's language");
    expect(labelOf(main, "highlight-style-background")).toBe("Background colour");
    expect(labelOf(main, "highlight-style-underline")).toBe("Underline (slower on long pages)");
  });
});

describe("Options: saving", () => {
  test("says “Saved” in a polite live region after a change, briefly", async () => {
    const { main } = await renderOptions({ savedMs: 50 });
    const status = main.querySelector("#save-status")!;
    expect(status.getAttribute("aria-live")).toBe("polite");
    expect(status.textContent).toBe("");
    await click(control(main, "card-language-ar"));
    expect(status.textContent).toBe("Saved");
    // Cleared after `savedMs`.
    await waitFor(() => expect(status.textContent).toBe(""));
  });

  test("a failed save shows the error and keeps the previous value displayed", async () => {
    const { main, store } = await renderOptions({ settings: { sites: ["example.com"] } });
    store.failSavesWith("QUOTA_BYTES quota exceeded");
    await click(control(main, "card-language-ar"));
    expect(control(main, "card-language-auto").checked).toBe(true);
    expect(control(main, "card-language-ar").checked).toBe(false);
    const error = main.querySelector("#save-error");
    expect(error?.getAttribute("role")).toBe("alert");
    expect(error?.textContent).toBe("Couldn't save the change: QUOTA_BYTES quota exceeded");
    expect(main.querySelector("#save-status")?.textContent).toBe("");

    const delay = control(main, "hover-delay");
    await commit(delay, "900");
    expect(delay.value).toBe("350");

    await addSite(main, "www.aljazeera.net");
    expect(listedSites(main)).toEqual(["example.com"]);
    // What was typed stays, to try again.
    expect(control(main, "site-input").value).toBe("www.aljazeera.net");
    expect(store.stored().sites).toEqual(["example.com"]);

    store.failSavesWith(null);
    await click(control(main, "add-site-button"));
    expect(store.stored().sites).toEqual(["example.com", "www.aljazeera.net"]);
    expect(main.querySelector("#save-error")).toBeNull();
  });

  test("follows settings changed elsewhere", async () => {
    const { main, store } = await renderOptions();
    await afterAnswers(current, () => store.changeElsewhere({ ...store.stored(), enabled: false, sites: ["example.com"], hoverDelayMs: 1200 }));
    expect(control(main, "option-enabled").checked).toBe(false);
    expect(listedSites(main)).toEqual(["example.com"]);
    expect(control(main, "hover-delay").value).toBe("1200");
  });

  test("lists what was repaired when the stored settings were corrupted", async () => {
    const problems = ["settings.hoverDelayMs is invalid; using the default", "settings.colour is unknown; dropped"];
    const { main } = await renderOptions({ problems });
    const notice = main.querySelector("#settings-repaired")!;
    expect(notice.querySelector("p")?.textContent).toBe("Some saved settings could not be read and were reset to their defaults:");
    expect([...notice.querySelectorAll("li")].map((li) => li.textContent)).toEqual(problems);
    const clean = await renderOptions();
    expect(clean.main.querySelector("#settings-repaired")).toBeNull();
  });
});

describe("Options: datasets", () => {
  test("a separate section lists each dataset's name, version and size", async () => {
    const { main } = await renderOptions();
    const section = main.querySelector("section#datasets")!;
    expect(section.querySelector("h2")?.textContent).toBe("Datasets");
    const item = section.querySelector('li[data-dataset="istanbul-talks-2025"]')!;
    expect(item.querySelector(".dataset-name")?.textContent).toBe("Russia–US talks in Istanbul, 2025, version 1.0.0");
    expect(item.querySelector(".dataset-counts")?.textContent).toBe("32 names · 46 facts");
  });

  test("says so when the list is unavailable", async () => {
    const { main } = await renderOptions({ datasetsReply: { ok: false, error: "no reply" } });
    expect(main.querySelector("#datasets .empty")?.textContent).toBe("The list of datasets is unavailable: no reply");
  });
});

describe("Options in Arabic", () => {
  test("is right-to-left Arabic throughout", async () => {
    const { main } = await renderOptions({ language: "ar", settings: { sites: ["example.com"] } });
    expect(main.lang).toBe("ar");
    expect(main.dir).toBe("rtl");
    expect(main.querySelector("h1")?.textContent).toBe("إعدادات Backstory");
    expect(labelOf(main, "option-enabled")).toBe("إبراز الأسماء في صفحات الويب");
    expect(labelOf(main, "card-language-ar")).toBe("العربية");
    expect(main.querySelector('#sites button[data-site="example.com"]')?.getAttribute("aria-label")).toBe("احذف example.com");
    // Host names stay left-to-right inside the Arabic page.
    expect(main.querySelector("#sites .host")?.getAttribute("dir")).toBe("ltr");
    expect(control(main, "site-input").dir).toBe("ltr");
    expect(main.querySelector("#datasets .dataset-counts")?.textContent).toBe("32 اسمًا · 46 حقيقة");
  });

  test("its validation messages are Arabic", async () => {
    const { main } = await renderOptions({ language: "ar" });
    await addSite(main, "not a site");
    expect(main.querySelector("#site-error")?.textContent).toBe("«not a site» ليس اسم نطاق ولا عنوان موقع.");
  });
});

describe("Options accessibility", () => {
  test("has a main landmark, a level-one heading and a label on every control", async () => {
    const { main } = await renderOptions({ settings: { sites: ["example.com"] } });
    expect(main.querySelector("h1")?.textContent).toBe("Backstory settings");
    for (const input of main.querySelectorAll("input")) {
      expect(main.querySelector(`label[for="${input.id}"]`), input.id).not.toBeNull();
    }
  });

  test.each(["en", "ar"] as const)("has no axe violations (WCAG 2 A/AA, without colour contrast) in %s", async (language) => {
    const { main, store } = await renderOptions({
      language,
      settings: { sites: ["example.com", "www.bbc.co.uk"] },
      problems: ["settings.sites is invalid; using the default"],
    });
    // Show the error states too.
    await addSite(main, "not a site");
    await commit(control(main, "hover-delay"), "5000");
    store.failSavesWith("QUOTA_BYTES quota exceeded");
    await click(control(main, "card-language-en"));
    expect(main.querySelector("#save-error")).not.toBeNull();
    const results = await axe.run(main, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] },
      // Contrast needs real layout and colours; the browser tests check it.
      rules: { "color-contrast": { enabled: false } },
    });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(0);
  });
});
