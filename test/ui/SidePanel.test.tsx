// @vitest-environment happy-dom
/** The side panel with fake services: what it lists, what it says when it cannot, and whom it follows. */
import axe from "axe-core";
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import arMessages from "../../assets/_locales/ar/messages.json";
import enMessages from "../../assets/_locales/en/messages.json";
import type { Dataset } from "../../src/core/dataset-schema.ts";
import { buildPageClaims } from "../../src/core/page-claims.ts";
import type { Reply } from "../../src/shared/messages.ts";
import type { Settings } from "../../src/shared/settings.ts";
import { textFromMessagesJson } from "../../src/ui/interface-text.ts";
import { SidePanel, type PanelServices } from "../../src/ui/side-panel/SidePanel.tsx";
import type { EntitiesOnPage } from "../../src/ui/page-state.ts";
import { BUNDLED_DATASET, readDatasetFile } from "../../scripts/lib/read-dataset-file.ts";
import { fakeSettings } from "./fake-settings-services.ts";

let dataset: Dataset;
beforeAll(async () => {
  const result = await readDatasetFile(BUNDLED_DATASET);
  if (!result.ok) throw new Error(result.problems[0]!.message);
  dataset = result.dataset;
});

const SITE = "www.aljazeera.net";
const DATASET = "istanbul-talks-2025";
const bruce = { id: "tammy-bruce", dataset: DATASET, type: "person" as const, name: { ar: "تامي بروس", en: "Tammy Bruce" }, mentions: 2 };
const lavrov = { id: "sergei-lavrov", dataset: DATASET, type: "person" as const, name: { ar: "سيرغي لافروف", en: "Sergei Lavrov" }, mentions: 1 };
const page = (entities: EntitiesOnPage["entities"], active = true): Reply<EntitiesOnPage> => ({
  ok: true,
  value: { site: SITE, active, mentions: entities.reduce((n, e) => n + e.mentions, 0), entities },
});

const containers: HTMLElement[] = [];
afterEach(() => {
  for (const container of containers.splice(0)) {
    act(() => render(null, container));
    container.remove();
  }
});

async function settle() {
  await act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** Renders the panel following tab 1, whose page is `pages[tabId]`. */
async function renderPanel(options: { pages?: Record<number, Reply<EntitiesOnPage>>; settings?: Partial<Settings>; language?: "ar" | "en" } = {}) {
  const pages = options.pages ?? { 1: page([bruce]) };
  const store = fakeSettings(options.settings);
  let events: Parameters<PanelServices["watchEvents"]>[0] | null = null;
  const services = {
    ...store.services,
    initialTab: vi.fn(async () => 1),
    watchEvents: vi.fn((listener: Parameters<PanelServices["watchEvents"]>[0]) => {
      events = listener;
    }),
    entitiesOnPage: vi.fn(async (tabId: number) => pages[tabId] ?? { ok: false as const, error: "no content script" }),
    revealEntity: vi.fn(async () => ({ ok: true as const, value: { revealed: true } })),
    pageClaims: vi.fn(async (entities: { dataset: string; id: string }[]) => ({ ok: true as const, value: [buildPageClaims(dataset, entities.map((e) => e.id))] })),
    openSource: vi.fn(async () => {}),
    copyText: vi.fn(async (_text: string) => {}),
    takePanelFocus: vi.fn(async () => null),
  } satisfies PanelServices;
  const language = options.language ?? "en";
  const container = document.createElement("div");
  document.body.append(container);
  containers.push(container);
  act(() => render(<SidePanel services={services} text={textFromMessagesJson(language, language === "ar" ? arMessages : enMessages)} />, container));
  // The tab, then its page, then the claims about its names: three rounds of replies.
  for (let i = 0; i < 3; i++) await settle();
  return { services, main: container.querySelector("main")!, events: () => events!, pages };
}

const state = (main: HTMLElement) => main.querySelector("#names-status")?.getAttribute("data-state") ?? null;

describe("SidePanel", () => {
  test("lists the page's names, Tammy Bruce's claims as one group and her dispute with both sides", async () => {
    const { main } = await renderPanel();
    expect([...main.querySelectorAll("#entities button")].map((b) => b.getAttribute("data-entity"))).toEqual(["tammy-bruce"]);
    expect([...main.querySelectorAll(".claimant-group h3")].map((h) => h.textContent)).toEqual(["Agencies, own reporting (1)", "Tammy Bruce (2)"]);
    expect([...main.querySelectorAll(".dispute .side .claim")].map((c) => c.getAttribute("data-fact"))).toEqual([
      "darchiev-progress-normalising-missions",
      "bruce-talks-only-about-embassies",
    ]);
  });

  test.each<[string, Partial<Settings>, Reply<EntitiesOnPage>, string, string]>([
    ["off on this site", { sites: [SITE] }, page([bruce]), "off-here", "Highlighting is off on this site."],
    ["off everywhere", { enabled: false }, page([bruce]), "off-everywhere", "Highlighting is off on all sites."],
    ["a page with no known names", {}, page([]), "none", "No names from the dataset were found on this page."],
    ["a page Backstory cannot read", {}, { ok: false, error: "no content script" }, "unavailable", ""],
  ])("says so on %s", async (_case, settings, reply, expected, message) => {
    const { main } = await renderPanel({ settings, pages: { 1: reply } });
    expect(state(main)).toBe(expected);
    if (message !== "") expect(main.querySelector("#names-status")!.textContent).toBe(message);
    expect(main.querySelector(".claims")).toBeNull();
  });

  test("follows the tab the reader switches to, and asks again when the followed tab's names change", async () => {
    const { main, events, services, pages } = await renderPanel({ pages: { 1: page([bruce]), 2: page([lavrov]) } });
    act(() => events().tabActivated(2));
    await settle();
    expect(main.dataset.tab).toBe("2");
    expect([...main.querySelectorAll("#entities button")].map((b) => b.getAttribute("data-entity"))).toEqual(["sergei-lavrov"]);
    pages[2] = page([lavrov, bruce]);
    act(() => events().tabChanged(1)); // not the followed tab: nothing asked
    await settle();
    expect(services.entitiesOnPage).toHaveBeenCalledTimes(2);
    act(() => events().tabChanged(2));
    await settle();
    expect([...main.querySelectorAll("#entities button")].map((b) => b.getAttribute("data-entity"))).toEqual(["tammy-bruce", "sergei-lavrov"]);
  });

  test("after a tab switch it says it is loading until the new tab answers, never listing the last tab's names", async () => {
    const { main, events, services } = await renderPanel({ pages: { 1: page([bruce]) } });
    let answer: (reply: Reply<EntitiesOnPage>) => void = () => {};
    services.entitiesOnPage.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    act(() => events().tabActivated(2));
    await settle();
    expect(main.dataset.tab).toBe("2");
    expect(state(main)).toBe("loading");
    expect(main.querySelectorAll("#entities button")).toHaveLength(0);
    expect(main.querySelector(".claims")).toBeNull();
    answer(page([lavrov]));
    await settle();
    expect([...main.querySelectorAll("#entities button")].map((b) => b.getAttribute("data-entity"))).toEqual(["sergei-lavrov"]);
    // The followed tab's own update keeps its list while the new answer is on its way.
    services.entitiesOnPage.mockImplementationOnce(() => new Promise(() => {}));
    act(() => events().tabChanged(2));
    await settle();
    expect([...main.querySelectorAll("#entities button")].map((b) => b.getAttribute("data-entity"))).toEqual(["sergei-lavrov"]);
  });

  test("copy citation copies the claim's citation in the interface language", async () => {
    const { main, services } = await renderPanel({ language: "ar" });
    act(() => main.querySelector<HTMLButtonElement>(".claimant-group .claim[data-fact='bruce-talks-only-about-embassies'] .copy-citation")!.click());
    await settle();
    expect(services.copyText).toHaveBeenCalledWith(
      "اقتباس مباشر من: تامي بروس: «هذه المحادثات تتعلق فقط بعمل سفاراتنا، وليست تطبيعًا عامًا للعلاقات الثنائية»\nوكالات، «محادثات “بناءة” بين روسيا وأمريكا فى إسطنبول لتطبيع عمل البعثات»، 10 أبريل/نيسان 2025.",
    );
    expect(main.querySelector(".claimant-group .claim[data-fact='bruce-talks-only-about-embassies'] .copy-status")!.textContent).toBe("نُسخ الاستشهاد");
  });

  test.each(["en", "ar"] as const)("in %s: the document's direction and no axe-core violations", async (language) => {
    const { main } = await renderPanel({ language });
    expect(main.querySelectorAll(".dispute .side")).toHaveLength(2);
    expect([main.lang, main.dir]).toEqual([language, language === "ar" ? "rtl" : "ltr"]);
    const result = await axe.run(main, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] }, rules: { "color-contrast": { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
