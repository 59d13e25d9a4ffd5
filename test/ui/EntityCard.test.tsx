// @vitest-environment happy-dom
import axe from "axe-core";
import { cleanup, fireEvent, render, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { buildEntityCard, type EntityCard as EntityCardData } from "../../src/core/entity-card.ts";
import { EntityCard, type EntityCardProps } from "../../src/ui/card/EntityCard.tsx";
import { formatDate } from "../../src/ui/card/card-strings.ts";
import { BUNDLED_DATASET, readDatasetFile } from "../../scripts/lib/read-dataset-file.ts";

const SOURCE_ID = "istanbul-talks-2025-04-10";

let darchiev: EntityCardData;
beforeAll(async () => {
  const result = await readDatasetFile(BUNDLED_DATASET);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  const card = buildEntityCard(result.dataset, "alexander-darchiev");
  if (card === null) throw new Error("the bundled dataset has no alexander-darchiev");
  darchiev = card;
});

afterEach(cleanup);

function renderCard(overrides: Partial<EntityCardProps> = {}) {
  const props = {
    card: darchiev,
    language: "en" as const,
    onLanguageChange: vi.fn<(language: "ar" | "en") => void>(),
    onClose: vi.fn<() => void>(),
    onOpenSource: vi.fn<(sourceId: string, factId: string) => void>(),
    ...overrides,
  };
  const { container, getByRole } = render(<EntityCard {...props} />);
  // By role and accessible name: the card must be a dialog named by its entity's name.
  const dialog = getByRole("dialog", { name: props.card.entity.name[props.language] });
  return { ...props, container, dialog };
}

function heading(dialog: HTMLElement): HTMLElement {
  const id = dialog.getAttribute("aria-labelledby");
  const element = id === null ? null : dialog.ownerDocument.getElementById(id);
  if (element === null) throw new Error(`aria-labelledby "${id}" names no element`);
  return element;
}

function factItem(dialog: HTMLElement, text: string): HTMLElement {
  const item = [...dialog.querySelectorAll<HTMLElement>(".fact")].find((li) => li.textContent?.includes(text));
  if (item === undefined) throw new Error(`no fact containing "${text}"`);
  return item;
}

/** The first button whose accessible name is `name` (throws when there is none). */
function buttonNamed(root: HTMLElement, name: string): HTMLButtonElement {
  return within(root).getAllByRole<HTMLButtonElement>("button", { name })[0]!;
}

function press(target: Element, key: string) {
  fireEvent.keyDown(target, { key });
}

describe("EntityCard in English", () => {
  test("is a non-modal dialog named by a heading with the entity's English name", () => {
    const { dialog } = renderCard();
    expect(dialog.getAttribute("aria-modal")).toBe("false");
    expect(dialog.getAttribute("tabindex")).toBe("-1");
    expect(dialog.lang).toBe("en");
    expect(dialog.dir).toBe("ltr");
    const name = heading(dialog);
    expect(name.tagName).toBe("H2");
    expect(name.textContent).toBe("Alexander Darchiev");
  });

  test("shows the Arabic name beneath, marked as right-to-left Arabic", () => {
    const { dialog } = renderCard();
    const other = dialog.querySelector<HTMLElement>(".other-name > span");
    expect(other?.textContent).toBe("ألكسندر دارشيف");
    expect(other?.lang).toBe("ar");
    expect(other?.dir).toBe("rtl");
  });

  test("shows the type and the dataset it comes from", () => {
    const { dialog } = renderCard();
    expect(dialog.querySelector(".badge")?.textContent).toBe("Person");
    expect(dialog.querySelector(".credit")?.textContent).toBe("From the dataset “Russia–US talks in Istanbul, 2025”, version 2.1.0");
  });

  test("shows the background under its label, each statement with its date and source lines", () => {
    const { dialog, onOpenSource } = renderCard();
    const list = dialog.querySelector<HTMLElement>(".background")!;
    const description = list.querySelector<HTMLElement>(".statement-text")!;
    expect(dialog.getAttribute("aria-describedby")).toBe(description.id);
    expect(list.previousElementSibling?.textContent).toBe("Background");
    const statements = [...list.querySelectorAll<HTMLElement>(":scope > .statement")];
    expect(statements).toHaveLength(darchiev.background.length);
    const first = statements[0]!;
    expect(first.querySelector(".statement-text")?.textContent).toBe(
      "Russia's ambassador to the United States; the article calls him “the new Russian ambassador to Washington”. (as of April 2025)",
    );
    const lines = [...first.querySelectorAll<HTMLElement>(".citation")].map((li) => li.textContent);
    expect(lines).toEqual([
      "According to Russian Foreign Ministry · Agencies, 10 April 2025 · the quote",
      "According to Alexander Darchiev, as reported by TASS · Agencies, 10 April 2025 · the quote",
    ]);
    fireEvent.click(buttonNamed(first, "the quote"));
    expect(onOpenSource).toHaveBeenCalledWith(SOURCE_ID, "darchiev-new-ambassador-to-washington");
    const cited = statements[1]!.querySelector<HTMLElement>(".citation")!;
    expect(cited.textContent).toBe("IFP News (from Xinhua), Putin appoints new Russian envoy to US, 6 March 2025 · cited, text not included · link");
    expect(cited.querySelector("a")?.getAttribute("href")).toBe("https://ifpnews.com/putin-new-russian-envoy-us/");
    expect(cited.querySelector("blockquote")).toBeNull();
  });

  test("lists every fact, each with its claimant line", () => {
    const { dialog } = renderCard();
    expect(dialog.querySelectorAll(".fact")).toHaveLength(darchiev.facts.length);
    const progress = factItem(dialog, "made progress towards holding a new round");
    expect(progress.querySelector(".claimant")?.textContent).toBe("According to Alexander Darchiev");
    const normalising = factItem(dialog, "progress had been made in normalising relations");
    expect(normalising.querySelector(".claimant")?.textContent).toBe("According to Alexander Darchiev, as reported by TASS");
    const quoted = factItem(dialog, "the priority of returning");
    expect(quoted.querySelector(".claimant")?.textContent).toBe("In the words of Alexander Darchiev");
    const tass = factItem(dialog, "reached it through the Russian news agency TASS");
    expect(tass.querySelector(".claimant")?.textContent).toBe("Reported by Agencies");
    expect(tass.querySelector(".attribution-note")?.textContent).toBe(
      "On the attribution: The clause names TASS as the channel of Darchiev's remarks (he is named in the sentence before); it is the article's attribution, not a statement of TASS.",
    );
  });

  test("shows an editor's note under its fact, labelled, with its source", () => {
    const { dialog } = renderCard();
    const fact = darchiev.facts.find((f) => f.note !== undefined)!;
    const note = factItem(dialog, fact.text.en).querySelector<HTMLElement>(".editor-note")!;
    expect(note.getAttribute("role")).toBe("note"); // not a landmark: a card may hold several
    expect(note.querySelector(".note-label")?.textContent).toBe("Editor's note");
    expect(note.querySelector(".note-text")?.textContent).toBe(fact.note!.text.en);
    expect(note.querySelectorAll(".citation").length).toBe(fact.note!.sources.length);
  });

  test("says so where a statement has no source, never leaving it unlabelled", () => {
    const card: EntityCardData = { ...darchiev, background: [{ text: { ar: "ملخص.", en: "Summary." }, sources: [] }] };
    const { dialog } = renderCard({ card });
    expect(dialog.querySelector(".statement .no-source")?.textContent).toBe("From the dataset, no source given");
  });

  test("opens a fact's source line to the verbatim quote, with the source's title and dates", () => {
    const { dialog } = renderCard();
    const fact = darchiev.facts.find((f) => f.id === "darchiev-priority-return-seized-property")!;
    const item = factItem(dialog, fact.text.en);
    const details = item.querySelector("details")!;
    const summary = details.querySelector("summary")!;
    expect(summary.textContent).toBe("Source: Agencies, 10 April 2025");
    expect(details.open).toBe(false);
    fireEvent.click(summary);
    expect(details.open).toBe(true);
    const quote = details.querySelector("blockquote")!;
    expect(quote.textContent).toBe(fact.quote);
    expect(quote.lang).toBe("ar");
    expect(quote.getAttribute("dir")).toBe("auto");
    expect(details.querySelector("cite")?.textContent).toBe(fact.source.title);
    expect(details.querySelector(".source-title-translated")?.textContent).toBe(fact.source.titleTranslated);
    expect(details.querySelector(".source-meta")?.textContent).toBe("Agencies · Event date: 10 April 2025");
  });

  test("lists related entities by name", () => {
    const { dialog } = renderCard();
    const names = [...dialog.querySelectorAll(".related li")].map((li) => li.textContent);
    expect(names).toEqual(darchiev.related.map((r) => r.name.en));
    expect(names).toContain("TASS");
  });

  test("says so when the entity has no facts", () => {
    const { dialog } = renderCard({ card: { ...darchiev, facts: [] } });
    expect(dialog.querySelector(".empty")?.textContent).toBe("No facts in this dataset yet");
    expect(dialog.querySelector(".facts")).toBeNull();
  });
});

describe("EntityCard in Arabic", () => {
  test("is right-to-left Arabic, headed by the Arabic name, with the English name beneath", () => {
    const { dialog } = renderCard({ language: "ar" });
    expect(dialog.lang).toBe("ar");
    expect(dialog.dir).toBe("rtl");
    expect(heading(dialog).textContent).toBe("ألكسندر دارشيف");
    const other = dialog.querySelector<HTMLElement>(".other-name > span");
    expect(other?.textContent).toBe("Alexander Darchiev");
    expect(other?.lang).toBe("en");
    expect(other?.dir).toBe("ltr");
  });

  test("uses Arabic interface text", () => {
    const { dialog } = renderCard({ language: "ar" });
    expect(dialog.querySelector(".badge")?.textContent).toBe("شخص");
    expect(factItem(dialog, "أحرزوا تقدماً").querySelector(".claimant")?.textContent).toBe("منسوب إلى: ألكسندر دارشيف");
    expect(factItem(dialog, "وصلت إليه عبر وكالة تاس").querySelector(".claimant")?.textContent).toBe("من تقرير وكالات");
    expect(factItem(dialog, "وصلت إليه عبر وكالة تاس").querySelector(".attribution-note")?.textContent).toMatch(/^ملاحظة حول النسبة: /);
    expect(dialog.querySelector(".background")?.previousElementSibling?.textContent).toBe("خلفية");
    expect(dialog.querySelector(".statement .as-of")?.textContent).toBe(" (حتى أبريل/نيسان 2025)");
    expect(dialog.querySelector("summary")?.textContent).toBe("المصدر: وكالات، 10 أبريل/نيسان 2025");
    // The Arabic source's title needs no translation for an Arabic reader.
    expect(dialog.querySelector(".source-title-translated")).toBeNull();
  });
});

describe("EntityCard controls", () => {
  test("the language switch offers Arabic in an English card, named by its visible text and described in English", () => {
    const { dialog, onLanguageChange } = renderCard();
    const button = buttonNamed(dialog, "عربي");
    expect(button.hasAttribute("aria-label")).toBe(false);
    expect(button.title).toBe("Show this card in Arabic");
    expect(button.querySelector("span")?.lang).toBe("ar");
    fireEvent.click(button);
    expect(onLanguageChange).toHaveBeenCalledExactlyOnceWith("ar");
  });

  test("the language switch offers English in an Arabic card", () => {
    const { dialog, onLanguageChange } = renderCard({ language: "ar" });
    const button = buttonNamed(dialog, "English");
    expect(button.title).toBe("اعرض البطاقة بالإنجليزية");
    fireEvent.click(button);
    expect(onLanguageChange).toHaveBeenCalledExactlyOnceWith("en");
  });

  test("the close button closes", () => {
    const { dialog, onClose } = renderCard();
    fireEvent.click(buttonNamed(dialog, "Close"));
    expect(onClose).toHaveBeenCalledOnce();
  });

  test("Escape anywhere inside the card closes it, and goes no further", () => {
    const { dialog, onClose } = renderCard();
    const outside = vi.fn();
    document.addEventListener("keydown", outside);
    try {
      press(dialog.querySelector("summary")!, "Escape");
      expect(onClose).toHaveBeenCalledOnce();
      expect(outside).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener("keydown", outside);
    }
  });

  test("other keys do not close", () => {
    const { dialog, onClose } = renderCard();
    press(dialog, "Enter");
    press(dialog, "Tab");
    expect(onClose).not.toHaveBeenCalled();
  });

  test("a fact's button opens its source at its quote", () => {
    const { dialog, onOpenSource } = renderCard();
    const fact = darchiev.facts[0]!;
    fireEvent.click(buttonNamed(factItem(dialog, fact.text.en), "Open in source viewer"));
    expect(onOpenSource).toHaveBeenCalledExactlyOnceWith(SOURCE_ID, fact.id);
  });

  test("with autoFocus, focus lands on the dialog", () => {
    const { dialog } = renderCard({ autoFocus: true });
    expect(document.activeElement).toBe(dialog);
  });

  test("without autoFocus, focus stays where it was", () => {
    const { dialog } = renderCard();
    expect(document.activeElement).not.toBe(dialog);
  });

  // Preact's useId is unique within one render root; the overlay renders one root per shadow root,
  // whose ids the shadow boundary keeps apart from the page's.
  test("two cards in one render root have distinct ids, each naming its own heading", () => {
    const callbacks = { onLanguageChange: vi.fn(), onClose: vi.fn(), onOpenSource: vi.fn() };
    const { getAllByRole } = render(
      <>
        <EntityCard card={darchiev} language="en" {...callbacks} />
        <EntityCard card={darchiev} language="ar" {...callbacks} />
      </>,
    );
    const [first, second] = getAllByRole("dialog");
    expect(first!.getAttribute("aria-labelledby")).not.toBe(second!.getAttribute("aria-labelledby"));
    expect(heading(first!).textContent).toBe("Alexander Darchiev");
    expect(heading(second!).textContent).toBe("ألكسندر دارشيف");
  });
});

describe("EntityCard and hostile data", () => {
  const payload = "<img src=x onerror=alert(1)>";

  test("renders markup in dataset strings as literal text", () => {
    const [first, ...rest] = darchiev.facts;
    const hostile: EntityCardData = {
      ...darchiev,
      entity: { ...darchiev.entity, name: { ar: payload, en: payload } },
      background: [{ text: { ar: payload, en: payload }, sources: [{ source: { ...darchiev.facts[0]!.source, title: payload, url: "javascript:alert(1)", bundled: false } }] }],
      facts: [
        {
          ...first!,
          text: { ar: payload, en: payload },
          quote: payload,
          attribution: { kind: "reported", claimants: [{ group: { ar: payload, en: payload } }], via: null, publisher: { ar: payload, en: payload } },
          source: { ...first!.source, title: payload, publisher: { ar: payload, en: payload } },
        },
        ...rest,
      ],
      related: [{ id: "x", type: "person", name: { ar: payload, en: payload } }],
    };
    const { dialog } = renderCard({ card: hostile });
    expect(heading(dialog).textContent).toBe(payload);
    expect(dialog.querySelector(".fact-text")?.textContent).toBe(payload);
    expect(dialog.querySelector("blockquote")?.textContent).toBe(payload);
    expect(dialog.querySelector(".claimant")?.textContent).toBe(`According to ${payload}`);
    expect(dialog.querySelector(".statement-text")?.textContent).toBe(payload);
    expect(dialog.querySelector(".background a")).toBeNull();
    expect(dialog.querySelector("img")).toBeNull();
    expect(document.querySelector("img")).toBeNull();
  });
});

describe("EntityCard accessibility", () => {
  test.each(["en", "ar"] as const)("has no axe violations (WCAG 2 A/AA, without colour contrast) in %s", async (language) => {
    const { dialog } = renderCard({ language });
    // Open one fact's details so the quote and its button are checked too.
    dialog.querySelector("details")!.open = true;
    const results = await axe.run(dialog, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] },
      // Contrast needs real layout and colours; the browser tests check it.
      rules: { "color-contrast": { enabled: false } },
    });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(0);
  });
});

describe("formatDate", () => {
  test.each([
    ["en", "2025-04-10", "10 April 2025"],
    ["en", "2025-02-27", "27 February 2025"],
    // Western digits and both month-name traditions, as pan-Arab news sites write them.
    ["ar", "2025-04-10", "10 أبريل/نيسان 2025"],
    ["ar", "2025-02-18", "18 فبراير/شباط 2025"],
    ["ar", "2025-01-01", "1 يناير/كانون الثاني 2025"],
    ["en", "not a date", "not a date"],
  ] as const)("%s %s → %s", (language, iso, expected) => {
    expect(formatDate(iso, language)).toBe(expected);
  });

  test("every month is named as CLDR names it (Intl, en-GB, ar and ar-SY), without loading locale data in the page", () => {
    const intl = (locale: string, date: Date) =>
      new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
    const month = (locale: string, date: Date) =>
      new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(date);
    for (let m = 0; m < 12; m++) {
      const date = new Date(Date.UTC(2025, m, 28));
      const iso = date.toISOString().slice(0, 10);
      expect(formatDate(iso, "en")).toBe(intl("en-GB", date));
      expect(formatDate(iso, "ar")).toBe(`28 ${month("ar-u-nu-latn", date)}/${month("ar-SY-u-nu-latn", date)} 2025`);
      expect(intl("ar-u-nu-latn", date)).toBe(`28 ${month("ar-u-nu-latn", date)} 2025`);
    }
  });
});

describe("a name inside a longer name", () => {
  const talks = { ar: "المحادثات الروسية الأمريكية في إسطنبول (أبريل 2025)", en: "Russia–US talks in Istanbul (April 2025)" };

  test.each([
    ["en", "Part of: Russia–US talks in Istanbul (April 2025)"],
    ["ar", "جزء من: المحادثات الروسية الأمريكية في إسطنبول (أبريل 2025)"],
  ] as const)("in %s the card offers the longer name's card with a button that says so", (language, label) => {
    const onOpen = vi.fn<() => void>();
    const { dialog } = renderCard({ language, partOf: { name: talks, onOpen } });
    const button = dialog.querySelector<HTMLButtonElement>("button.part-of");
    expect(button?.textContent).toBe(label);
    // A real button: in the tab order, activated by Enter and Space as well as a click.
    expect(button?.type).toBe("button");
    expect(button?.tabIndex).toBe(0);
    fireEvent.click(button!);
    expect(onOpen).toHaveBeenCalledOnce();
  });

  test("a card of a name that is not inside another has no such button", () => {
    const { dialog } = renderCard();
    expect(dialog.querySelector("button.part-of")).toBeNull();
    expect(dialog.textContent).not.toContain("Part of");
  });
});

describe("disputes and citations on the card", () => {
  test("a disputed fact names the point in dispute and opens the panel there; when the browser refuses, it says how to open it", async () => {
    const onOpenDispute = vi.fn(async (_id: string) => false);
    const { dialog } = renderCard({ onOpenDispute });
    const item = factItem(dialog, "progress had been made in normalising relations");
    expect(item.querySelector(".disputed")?.textContent).toBe("Disputed: How far the talks go towards normalisation — See the other side");
    // Darchiev's other facts are not in a dispute.
    expect(dialog.querySelectorAll(".see-other-side")).toHaveLength(1);
    fireEvent.click(item.querySelector<HTMLButtonElement>(".see-other-side")!);
    expect(onOpenDispute).toHaveBeenCalledWith("how-far-normalisation-goes");
    await waitFor(() => expect(item.querySelector(".panel-hint")?.textContent).toBe("Open Backstory's side panel (Alt+Shift+P, or the sidebar menu) to see the other side."));
  });

  test("copy citation hands the card's fact to the copier and says whether it was copied", async () => {
    const onCopyCitation = vi.fn(async (_fact: EntityCardData["facts"][number]) => true);
    const { dialog } = renderCard({ onCopyCitation });
    const item = factItem(dialog, "progress had been made in normalising relations");
    fireEvent.click(item.querySelector<HTMLButtonElement>(".copy-citation")!);
    expect(onCopyCitation.mock.calls[0]![0].id).toBe("darchiev-progress-normalising-missions");
    await waitFor(() => expect(item.querySelector(".copy-status")?.textContent).toBe("Citation copied"));
  });

  test("without the handlers (a card shown elsewhere), neither control is offered", () => {
    const { dialog } = renderCard();
    expect(dialog.querySelector(".see-other-side, .copy-citation")).toBeNull();
  });
});
