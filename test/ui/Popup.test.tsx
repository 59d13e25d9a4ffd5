// @vitest-environment happy-dom
import axe from "axe-core";
import { act, cleanup, fireEvent, render, waitFor, within } from "@testing-library/preact";
import { afterEach, describe, expect, test, vi } from "vitest";
import arMessages from "../../assets/_locales/ar/messages.json";
import enMessages from "../../assets/_locales/en/messages.json";
import type { Reply } from "../../src/shared/messages.ts";
import type { Settings } from "../../src/shared/settings.ts";
import { textFromMessagesJson } from "../../src/ui/interface-text.ts";
import { Popup, type DatasetListItem, type DatasetSummary, type EntitiesOnPage } from "../../src/ui/popup/Popup.tsx";
import { fakeSettings } from "./fake-settings-services.ts";
import { afterAnswers } from "./service-answers.ts";

const SITE = "www.aljazeera.net";

const pageWithNames: EntitiesOnPage = {
  site: SITE,
  active: true,
  mentions: 9,
  entities: [
    { id: "istanbul", dataset: "istanbul-talks-2025", type: "place", name: { ar: "إسطنبول", en: "Istanbul" }, mentions: 2 },
    { id: "sergei-lavrov", dataset: "istanbul-talks-2025", type: "person", name: { ar: "سيرغي لافروف", en: "Sergei Lavrov" }, mentions: 1 },
    { id: "tass", dataset: "istanbul-talks-2025", type: "organization", name: { ar: "تاس", en: "TASS" }, mentions: 3 },
    { id: "alexander-darchiev", dataset: "istanbul-talks-2025", type: "person", name: { ar: "ألكسندر دارشيف", en: "Alexander Darchiev" }, mentions: 3 },
  ],
};

const datasets: DatasetSummary[] = [
  {
    id: "istanbul-talks-2025",
    name: { ar: "محادثات إسطنبول الروسية الأمريكية 2025", en: "Russia–US talks in Istanbul, 2025" },
    version: "1.0.0",
    entities: 32,
    facts: 46,
    sources: [
      {
        id: "istanbul-talks-2025-04-10",
        title: "محادثات “بناءة” بين روسيا وأمريكا فى إسطنبول لتطبيع عمل البعثات",
        publisher: { ar: "وكالات", en: "Agencies" },
        date: "2025-04-10",
      },
    ],
    bundled: true,
    enabled: true,
  },
];

type Options = {
  settings?: Partial<Settings>;
  page?: Reply<EntitiesOnPage>;
  revealed?: boolean;
  language?: "ar" | "en";
  datasetsReply?: Reply<DatasetListItem[]>;
};

afterEach(cleanup);

async function renderPopup(options: Options = {}) {
  const store = fakeSettings(options.settings);
  const services = {
    ...store.services,
    entitiesOnPage: vi.fn(async () => options.page ?? { ok: true as const, value: pageWithNames }),
    revealEntity: vi.fn(async (_entity: string, _dataset: string) => ({ ok: true as const, value: { revealed: options.revealed ?? true } })),
    listDatasets: vi.fn(async () => options.datasetsReply ?? { ok: true as const, value: datasets }),
    extensionUrl: vi.fn((path: string) => `chrome-extension://backstory/${path}`),
    openUrl: vi.fn(async (_url: string) => {}),
    openOptions: vi.fn(async () => {}),
    openPanel: vi.fn(async () => true),
    close: vi.fn(),
  };
  const language = options.language ?? "en";
  const text = textFromMessagesJson(language, language === "ar" ? arMessages : enMessages);
  const { container, unmount } = render(<Popup services={services} text={text} />);
  // The main landmark, found by its role.
  const main = within(container as HTMLElement).getByRole<HTMLElement>("main");
  // Loaded: the settings (the global switch is enabled once they are), the page's names and the datasets.
  await waitFor(() => {
    expect(switchById(main, "switch-everywhere").disabled).toBe(false);
    expect(main.querySelector('#names-status[data-state="loading"]')).toBeNull();
    expect(within(main).queryByText(text.message("loading"))).toBeNull();
  });
  return { services, store, main, unmount };
}

/** A switch by its id, checked to be a switch by role (what a screen reader announces). */
function switchById(main: HTMLElement, id: string): HTMLInputElement {
  const input = within(main)
    .getAllByRole<HTMLInputElement>("switch")
    .find((s) => s.id === id);
  if (input === undefined) throw new Error(`no switch #${id}`);
  return input;
}

/** The text of the label that names a control. */
function labelOf(main: HTMLElement, input: HTMLInputElement): string {
  return main.querySelector(`label[for="${input.id}"]`)?.textContent ?? "";
}

/** Clicks a switch and waits until the popup has the fake store's answer (a disabled switch asks nothing). */
async function toggle(input: HTMLInputElement, store: ReturnType<typeof fakeSettings>) {
  await afterAnswers(store.services, () => void fireEvent.click(input));
}

/** TASS's button, named by its name and its count in words (happy-dom, having no layout, puts a space between the two spans). */
const TASS_BUTTON = /^TASS ?, 3 mentions$/;

function nameStatus(main: HTMLElement): string | undefined {
  return main.querySelector<HTMLElement>("#names-status")?.dataset.state;
}

describe("Popup: the switches", () => {
  test("are labelled, keyboard-reachable switches", async () => {
    const { main } = await renderPopup();
    for (const id of ["switch-everywhere", "switch-site"]) {
      const input = switchById(main, id);
      expect(input.type).toBe("checkbox");
      expect(input.getAttribute("role")).toBe("switch");
      expect(input.tabIndex).toBe(0);
    }
    expect(labelOf(main, switchById(main, "switch-everywhere"))).toBe("Highlight names on all sites");
    expect(labelOf(main, switchById(main, "switch-site"))).toBe(`On this site (${SITE})`);
  });

  test("the global switch reflects the setting and writes it", async () => {
    const { main, store } = await renderPopup();
    const everywhere = switchById(main, "switch-everywhere");
    expect(everywhere.checked).toBe(true);
    await toggle(everywhere, store);
    expect(store.stored().enabled).toBe(false);
    expect(everywhere.checked).toBe(false);
    expect(nameStatus(main)).toBe("off-everywhere");
    await toggle(everywhere, store);
    expect(store.stored().enabled).toBe(true);
  });

  test("with the global switch off, the site switch is disabled and says why", async () => {
    const { main } = await renderPopup({ settings: { enabled: false } });
    const site = switchById(main, "switch-site");
    expect(site.disabled).toBe(true);
    // It still shows the site's own setting, which applies once the global switch is on.
    expect(site.checked).toBe(true);
    const hint = main.querySelector(`#${site.getAttribute("aria-describedby")}`);
    expect(hint?.textContent).toBe("Turn on “Highlight names on all sites” to choose for this site.");
  });

  test("in “all sites except” mode, turning the site off lists it, and on unlists it", async () => {
    const { main, store } = await renderPopup({ settings: { siteMode: "all-except", sites: ["example.com"] } });
    const site = switchById(main, "switch-site");
    expect(site.checked).toBe(true);
    await toggle(site, store);
    expect(store.stored()).toMatchObject({ siteMode: "all-except", sites: ["example.com", SITE] });
    expect(site.checked).toBe(false);
    expect(nameStatus(main)).toBe("off-here");
    await toggle(site, store);
    expect(store.stored()).toMatchObject({ siteMode: "all-except", sites: ["example.com"] });
  });

  test("in “only listed sites” mode, turning the site on lists it", async () => {
    const { main, store } = await renderPopup({ settings: { siteMode: "only-listed", sites: [] } });
    const site = switchById(main, "switch-site");
    expect(site.checked).toBe(false);
    expect(nameStatus(main)).toBe("off-here");
    await toggle(site, store);
    expect(store.stored()).toMatchObject({ siteMode: "only-listed", sites: [SITE] });
    expect(site.checked).toBe(true);
  });

  test("on a page without a content script, the site switch is disabled and says why", async () => {
    const { main } = await renderPopup({ page: { ok: false, error: "Could not establish connection. Receiving end does not exist." } });
    const site = switchById(main, "switch-site");
    expect(site.disabled).toBe(true);
    expect(labelOf(main, site)).toBe("On this site");
    expect(main.querySelector(`#${site.getAttribute("aria-describedby")}`)?.textContent).toBe("Backstory cannot run on this page.");
    expect(switchById(main, "switch-everywhere").disabled).toBe(false);
  });

  test("on a page without a host name (a local file), the site switch is disabled", async () => {
    const { main, store } = await renderPopup({ page: { ok: true, value: { ...pageWithNames, site: "" } } });
    const site = switchById(main, "switch-site");
    expect(site.disabled).toBe(true);
    await toggle(site, store);
    expect(store.services.saveSettings).not.toHaveBeenCalled();
  });

  test("follows settings changed elsewhere", async () => {
    const { main, store } = await renderPopup();
    act(() => store.changeElsewhere({ ...store.stored(), enabled: false }));
    await waitFor(() => expect(switchById(main, "switch-everywhere").checked).toBe(false));
    expect(switchById(main, "switch-site").disabled).toBe(true);
  });

  test("a failed save shows the error and puts the switch back", async () => {
    const { main, store } = await renderPopup();
    store.failSavesWith("QUOTA_BYTES_PER_ITEM quota exceeded");
    const everywhere = switchById(main, "switch-everywhere");
    await toggle(everywhere, store);
    expect(everywhere.checked).toBe(true);
    expect(store.stored().enabled).toBe(true);
    const error = main.querySelector("#save-error");
    expect(error?.getAttribute("role")).toBe("alert");
    expect(error?.textContent).toBe("Couldn't save the change: QUOTA_BYTES_PER_ITEM quota exceeded");
  });

  test("stops watching settings when closed", async () => {
    const { store, unmount } = await renderPopup();
    expect(store.watcherCount()).toBe(1);
    act(() => void unmount());
    expect(store.watcherCount()).toBe(0);
  });
});

describe("Popup: the names on the page", () => {
  test("are counted and grouped by type, most mentioned first", async () => {
    const { main } = await renderPopup();
    expect(main.querySelector("#names-summary")?.textContent).toBe("9 mentions of 4 names");
    const groups = [...main.querySelectorAll("#entities > li")].map((group) => ({
      heading: group.querySelector("h3")?.textContent,
      names: [...group.querySelectorAll("button")].map((b) => b.querySelector(".entity-name")?.textContent),
    }));
    expect(groups).toEqual([
      { heading: "People", names: ["Alexander Darchiev", "Sergei Lavrov"] },
      { heading: "Organizations", names: ["TASS"] },
      { heading: "Places", names: ["Istanbul"] },
    ]);
  });

  test("each name is a button with its id and its count, read out in words", async () => {
    const { main } = await renderPopup();
    const button = main.querySelector<HTMLButtonElement>('#entities button[data-entity="alexander-darchiev"]');
    expect(button?.type).toBe("button");
    expect(button?.querySelector(".count")?.textContent).toBe("3");
    expect(button?.querySelector(".count")?.getAttribute("aria-hidden")).toBe("true");
    expect(button?.querySelector(".visually-hidden")?.textContent).toBe(", 3 mentions");
    expect(main.querySelector('#entities button[data-entity="sergei-lavrov"] .visually-hidden')?.textContent).toBe(", 1 mention");
  });

  test("choosing a name reveals it on the page and closes the popup", async () => {
    const { main, services } = await renderPopup();
    fireEvent.click(within(main).getByRole("button", { name: TASS_BUTTON }));
    await waitFor(() => expect(services.close).toHaveBeenCalledOnce());
    expect(services.revealEntity).toHaveBeenCalledExactlyOnceWith("tass", "istanbul-talks-2025");
  });

  test("a name no longer on the page says so and keeps the popup open", async () => {
    const { main, services } = await renderPopup({ revealed: false });
    fireEvent.click(within(main).getByRole("button", { name: TASS_BUTTON }));
    // An alert, so a screen reader announces it.
    expect((await within(main).findByRole("alert")).textContent).toBe("That name is no longer on the page.");
    expect(services.close).not.toHaveBeenCalled();
  });

  test.each([
    ["no names found", { page: { ok: true, value: { ...pageWithNames, mentions: 0, entities: [] } } }, "none", "No names from the dataset were found on this page."],
    ["overlay off on this site", { settings: { sites: [SITE] } }, "off-here", "Highlighting is off on this site."],
    ["overlay off everywhere", { settings: { enabled: false } }, "off-everywhere", "Highlighting is off on all sites."],
    [
      "page cannot be scanned",
      { page: { ok: false, error: "Receiving end does not exist." } },
      "unavailable",
      "Backstory can't read this page. Browser pages and extension stores are closed to extensions; a page that was open before Backstory was installed or updated needs reloading.",
    ],
    ["overlay just turned on, scan not started", { page: { ok: true, value: { ...pageWithNames, active: false, mentions: 0, entities: [] } } }, "scanning", "Looking for names…"],
  ] as const)("empty state: %s", async (_, options, state, message) => {
    const { main } = await renderPopup(options as Options);
    const status = main.querySelector("#names-status");
    expect(status?.getAttribute("data-state")).toBe(state);
    expect(status?.textContent).toBe(message);
    expect(main.querySelector("#entities")).toBeNull();
  });

  test("asks the page again every refreshMs while open", async () => {
    vi.useFakeTimers();
    try {
      const store = fakeSettings();
      const entitiesOnPage = vi.fn(async () => ({ ok: true as const, value: pageWithNames }));
      const services = {
        ...store.services,
        entitiesOnPage,
        revealEntity: vi.fn(),
        listDatasets: vi.fn(async () => ({ ok: true as const, value: datasets })),
        extensionUrl: (path: string) => path,
        openUrl: vi.fn(),
        openOptions: vi.fn(),
        openPanel: vi.fn(),
        close: vi.fn(),
      };
      const { unmount } = render(<Popup services={services} text={textFromMessagesJson("en", enMessages)} refreshMs={1000} />);
      expect(entitiesOnPage).toHaveBeenCalledTimes(1);
      await act(async () => void (await vi.advanceTimersByTimeAsync(3000)));
      expect(entitiesOnPage).toHaveBeenCalledTimes(4);
      act(() => void unmount());
      await vi.advanceTimersByTimeAsync(3000);
      expect(entitiesOnPage).toHaveBeenCalledTimes(4);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("Popup: the dataset and settings", () => {
  test("shows the dataset's name and version, and its source with a link to the source viewer", async () => {
    const { main, services } = await renderPopup();
    expect(main.querySelector(".dataset-name")?.textContent).toBe("Russia–US talks in Istanbul, 2025, version 1.0.0");
    const source = main.querySelector('.source[data-source="istanbul-talks-2025-04-10"]')!;
    expect(source.querySelector("cite")?.textContent).toBe(datasets[0]!.sources[0]!.title);
    expect(source.querySelector(".source-meta")?.textContent).toBe("Agencies, 10 April 2025");
    const link = within(source as HTMLElement).getByRole<HTMLAnchorElement>("link", { name: "Read the source" });
    const url = "chrome-extension://backstory/source.html?dataset=istanbul-talks-2025&source=istanbul-talks-2025-04-10&lang=en";
    expect(link.getAttribute("href")).toBe(url);
    expect(link.textContent).toBe("Read the source");
    fireEvent.click(link);
    await waitFor(() => expect(services.openUrl).toHaveBeenCalledExactlyOnceWith(url));
    expect(services.close).toHaveBeenCalledOnce();
  });

  test("shows every dataset in use: the bundled one and each enabled import, not a disabled or unreadable one", async () => {
    const imported = (id: string, enabled: boolean): DatasetSummary => ({
      ...datasets[0]!,
      id,
      name: { ar: `مستوردة ${id}`, en: `Imported ${id}` },
      version: "2.0.0",
      sources: [{ id: `${id}-source`, title: `Source of ${id}`, publisher: { ar: "ناشر", en: "Publisher" }, date: "2025-03-03" }],
      bundled: false,
      enabled,
      importedAt: "2026-01-02T03:04:05.000Z",
    });
    const { main } = await renderPopup({
      datasetsReply: {
        ok: true,
        value: [...datasets, imported("on-one", true), imported("off-one", false), { id: "broken-one", bundled: false, enabled: true, unreadable: "its data is unreadable" }],
      },
    });
    const shown = [...main.querySelectorAll<HTMLElement>(".dataset-entry")].map((entry) => entry.dataset.dataset);
    expect(shown).toEqual(["istanbul-talks-2025", "on-one"]);
    const entry = main.querySelector('.dataset-entry[data-dataset="on-one"]')!;
    expect(entry.querySelector(".dataset-name")?.textContent).toBe("Imported on-one, version 2.0.0");
    expect(entry.querySelector("a.open-source")?.getAttribute("href")).toBe(
      "chrome-extension://backstory/source.html?dataset=on-one&source=on-one-source&lang=en",
    );
  });

  test("says so when the dataset's details are unavailable", async () => {
    const { main } = await renderPopup({ datasetsReply: { ok: false, error: "no reply" } });
    expect(main.querySelector(".dataset .empty")?.textContent).toBe("The dataset's details are unavailable.");
  });

  test("the settings button opens the settings page", async () => {
    const { main, services } = await renderPopup();
    const button = within(main).getByRole("button", { name: "Settings" });
    expect(button.id).toBe("open-settings");
    fireEvent.click(button);
    await waitFor(() => expect(services.openOptions).toHaveBeenCalledOnce());
  });
});

describe("the side panel button", () => {
  test("opens the panel from the click, then closes the popup", async () => {
    const { main, services } = await renderPopup();
    const button = within(main).getByRole("button", { name: "Open the side panel" });
    expect(button.id).toBe("open-panel");
    fireEvent.click(button);
    // Called within the click itself: a side panel opens only while the user action is current.
    expect(services.openPanel).toHaveBeenCalledOnce();
    await waitFor(() => expect(services.close).toHaveBeenCalledOnce());
  });
});

describe("Popup in Arabic", () => {
  test("is right-to-left Arabic throughout", async () => {
    const { main } = await renderPopup({ language: "ar" });
    expect(main.lang).toBe("ar");
    expect(main.dir).toBe("rtl");
    expect(main.querySelector("h2")?.textContent).toBe("الأسماء في هذه الصفحة");
    expect(labelOf(main, switchById(main, "switch-everywhere"))).toBe("إبراز الأسماء في كل المواقع");
    expect(labelOf(main, switchById(main, "switch-site"))).toBe(`في هذا الموقع (${SITE})`);
    expect(main.querySelector("#names-summary")?.textContent).toBe("9 إشارات إلى 4 أسماء");
    expect([...main.querySelectorAll("#entities h3")].map((h) => h.textContent)).toEqual(["أشخاص", "مؤسسات", "أماكن"]);
    expect(main.querySelector('[data-entity="alexander-darchiev"] .entity-name')?.textContent).toBe("ألكسندر دارشيف");
    expect(main.querySelector('[data-entity="alexander-darchiev"] .visually-hidden')?.textContent).toBe(", 3 إشارات");
    expect(main.querySelector(".dataset-name")?.textContent).toBe("محادثات إسطنبول الروسية الأمريكية 2025، الإصدار 1.0.0");
    expect(main.querySelector(".source-meta")?.textContent).toBe("وكالات، 10 أبريل/نيسان 2025");
    expect(main.querySelector("a.open-source")?.getAttribute("href")).toContain("&lang=ar");
  });
});

describe("Popup accessibility", () => {
  test("has a main landmark and a level-one heading with the extension's name", async () => {
    const { main } = await renderPopup();
    expect(main.querySelector("h1")?.textContent).toBe("Backstory");
  });

  test.each([
    ["en", {}],
    ["ar", {}],
    ["en", { settings: { enabled: false } }],
    ["ar", { page: { ok: false, error: "Receiving end does not exist." } }],
  ] as const)("has no axe violations (WCAG 2 A/AA, without colour contrast) in %s, %j", async (language, options) => {
    const { main } = await renderPopup({ language, ...(options as Options) });
    const results = await axe.run(main, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] },
      // Contrast needs real layout and colours; the browser tests check it.
      rules: { "color-contrast": { enabled: false } },
    });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(0);
  });
});
