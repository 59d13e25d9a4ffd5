/**
 * The card's interface text in Arabic and English. The card speaks the page's language, not the
 * browser's, so this is a plain table rather than `browser.i18n` (which only knows the UI locale).
 */
import type { EntityType } from "../../core/dataset-schema.ts";

/** The languages the card (and the source viewer) can be shown in. */
export type CardLanguage = "ar" | "en";

/** Every piece of interface text the card shows, in one language. */
export type CardText = {
  types: Record<EntityType, string>;
  /** The line under a fact that names who asserted it. */
  accordingTo(claimant: string): string;
  /** The claimant line of a fact that is the source's own reporting. */
  reportedBySource: string;
  source: string;
  /** The collapsed source line: publisher and date. */
  publishedBy(publisher: string, date: string): string;
  eventDate: string;
  published: string;
  openInSourceViewer: string;
  close: string;
  /** The switch's visible text: the *other* language's name, written in that language. */
  switchLabel: string;
  /** The switch's accessible name, in this card's language. */
  switchAccessibleLabel: string;
  facts: string;
  /** The control on a name inside a longer name that switches the card to the longer one. */
  partOf(name: string): string;
  related: string;
  noFacts: string;
  datasetCredit(name: string, version: string): string;
  /** A `YYYY-MM-DD` date as readers of this language expect it. */
  date(isoDate: string): string;
};

const ar: CardText = {
  types: { person: "شخص", place: "مكان", property: "عقار", organization: "مؤسسة", event: "حدث" },
  accordingTo: (claimant) => `بحسب ${claimant}`,
  reportedBySource: "من تقرير المصدر نفسه",
  source: "المصدر",
  publishedBy: (publisher, date) => `${publisher}، ${date}`,
  eventDate: "تاريخ الحدث",
  published: "تاريخ النشر",
  openInSourceViewer: "افتح في عارض المصادر",
  close: "إغلاق",
  switchLabel: "English",
  switchAccessibleLabel: "اعرض البطاقة بالإنجليزية",
  facts: "الحقائق",
  partOf: (name) => `جزء من: ${name}`,
  related: "ذو صلة",
  noFacts: "لا توجد حقائق في مجموعة البيانات هذه بعد",
  datasetCredit: (name, version) => `من مجموعة البيانات «${name}»، الإصدار ${version}`,
  date: (isoDate) => formatDate(isoDate, "ar"),
};

const en: CardText = {
  types: { person: "Person", place: "Place", property: "Property", organization: "Organization", event: "Event" },
  accordingTo: (claimant) => `According to ${claimant}`,
  reportedBySource: "Reported by the source",
  source: "Source",
  publishedBy: (publisher, date) => `${publisher}, ${date}`,
  eventDate: "Event date",
  published: "Published",
  openInSourceViewer: "Open in source viewer",
  close: "Close",
  switchLabel: "عربي",
  switchAccessibleLabel: "Show this card in Arabic",
  facts: "Facts",
  partOf: (name) => `Part of: ${name}`,
  related: "Related",
  noFacts: "No facts in this dataset yet",
  datasetCredit: (name, version) => `From the dataset “${name}”, version ${version}`,
  date: (isoDate) => formatDate(isoDate, "en"),
};

/** The card's interface text in `language`. */
export function cardText(language: CardLanguage): CardText {
  return language === "ar" ? ar : en;
}

/** The other interface language: what the card's language switch offers. */
export function otherLanguage(language: CardLanguage): CardLanguage {
  return language === "ar" ? "en" : "ar";
}

/** The text direction of an interface language. */
export function directionOf(language: CardLanguage): "rtl" | "ltr" {
  return language === "ar" ? "rtl" : "ltr";
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string): Intl.DateTimeFormat {
  let format = dateFormats.get(locale);
  if (format === undefined) {
    // UTC both ways: a `YYYY-MM-DD` date parsed as UTC midnight must not slip a day west of Greenwich.
    format = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  return format;
}

/**
 * Formats a `YYYY-MM-DD` date for readers of `language`; anything else is returned unchanged.
 *
 * Arabic: Western digits (`nu-latn`), as pan-Arab news sites (Al Jazeera, Al Arabiya, BBC Arabic)
 * and the bundled article itself write dates, and both month-name traditions joined the way those
 * sites do, "10 أبريل/نيسان 2025", so Egyptian/Gulf and Levantine/Iraqi readers each see their own.
 * English: day–month–year ("10 April 2025"), the order the rest of the project writes.
 */
export function formatDate(isoDate: string, language: CardLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return isoDate;
  if (language === "en") return dateFormat("en-GB").format(date);
  const levantineMonth = dateFormat("ar-SY-u-nu-latn")
    .formatToParts(date)
    .find((part) => part.type === "month")?.value;
  return dateFormat("ar-u-nu-latn")
    .formatToParts(date)
    .map((part) =>
      part.type === "month" && levantineMonth !== undefined && levantineMonth !== part.value
        ? `${part.value}/${levantineMonth}`
        : part.value,
    )
    .join("");
}
