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
  /** Reported speech: who asserted it. */
  accordingTo(claimants: string): string;
  /** A direct quotation: whose words they are. */
  inTheWordsOf(claimants: string): string;
  /** The outlet's own reporting, by the source's publisher. */
  reportedBy(publisher: string): string;
  /** The outlet's own assessment, by the source's publisher. */
  assessmentOf(publisher: string): string;
  /** The intermediary after a claimant line: ", as reported by TASS". */
  via(intermediary: string): string;
  /** The intermediary after the outlet's own line: ", citing TASS". */
  citing(intermediary: string): string;
  /** Names joined as a list: "A and B", "A, B and C". */
  list(names: readonly string[]): string;
  background: string;
  /** When a time-bound statement held; `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  asOf(date: string): string;
  /** The source line of a background statement migrated from a summary without sources. */
  noSourceGiven: string;
  /** Said of a source whose text is not bundled: named, never quoted. */
  cited: string;
  /** The link from a cited fact to its quote in the source viewer. */
  seeQuote: string;
  /** The link to a source's own address. */
  openSourceAddress: string;
  editorsNote: string;
  /** The label of a written reason why an attribution-check warning does not apply. */
  attributionNote: string;
  source: string;
  /** The collapsed source line: publisher and date, when there is one. */
  publishedBy(publisher: string, date: string | null): string;
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
  /** Marks a fact the dataset sets against another; `label` is the point in dispute. */
  disputed(label: string): string;
  /** The control that opens the side panel at the dispute. */
  seeOtherSide: string;
  /** Said when the browser would not open the side panel from the card (Firefox). */
  openPanelHint: string;
  copyCitation: string;
  citationCopied: string;
  copyFailed: string;
};

const ar: CardText = {
  types: { person: "شخص", place: "مكان", property: "عقار", organization: "مؤسسة", event: "حدث" },
  // A label and a colon, not «بحسب» or «قال»: a group's label is written in the nominative
  // («دبلوماسيون أميركيون»), which «بحسب» would put in the genitive, and a verb would have to
  // agree with the speaker's gender, which the dataset does not record.
  accordingTo: (claimants) => `منسوب إلى: ${claimants}`,
  inTheWordsOf: (claimants) => `اقتباس مباشر من: ${claimants}`,
  reportedBy: (publisher) => `من تقرير ${publisher}`,
  assessmentOf: (publisher) => `تقدير المصدر نفسه (${publisher})`,
  via: (intermediary) => `، نقلاً عن ${intermediary}`,
  citing: (intermediary) => `، نقلاً عن ${intermediary}`,
  // Arabic repeats «و» before every item after the first, joined to the word that follows.
  list: (names) => names.join(" و"),
  background: "خلفية",
  asOf: (date) => `حتى ${formatPartialDate(date, "ar")}`,
  noSourceGiven: "من مجموعة البيانات، دون ذكر مصدر",
  cited: "مرجع مذكور، نصه غير مرفق",
  seeQuote: "الاقتباس",
  openSourceAddress: "الرابط",
  editorsNote: "ملاحظة المحرر",
  attributionNote: "ملاحظة حول النسبة",
  source: "المصدر",
  publishedBy: (publisher, date) => (date === null ? publisher : `${publisher}، ${date}`),
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
  disputed: (label) => `موضع خلاف: ${label}`,
  seeOtherSide: "اعرض الجانب الآخر",
  openPanelHint: "افتح اللوحة الجانبية لـ«خلفية» (Alt+Shift+P أو قائمة الشريط الجانبي) لترى الجانب الآخر.",
  copyCitation: "انسخ الاستشهاد",
  citationCopied: "نُسخ الاستشهاد",
  copyFailed: "تعذّر نسخ الاستشهاد",
};

const en: CardText = {
  types: { person: "Person", place: "Place", property: "Property", organization: "Organization", event: "Event" },
  accordingTo: (claimants) => `According to ${claimants}`,
  inTheWordsOf: (claimants) => `In the words of ${claimants}`,
  reportedBy: (publisher) => `Reported by ${publisher}`,
  assessmentOf: (publisher) => `The source's own assessment (${publisher})`,
  via: (intermediary) => `, as reported by ${intermediary}`,
  citing: (intermediary) => `, citing ${intermediary}`,
  list: (names) => (names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`),
  background: "Background",
  asOf: (date) => `as of ${formatPartialDate(date, "en")}`,
  noSourceGiven: "From the dataset, no source given",
  cited: "cited, text not included",
  seeQuote: "the quote",
  openSourceAddress: "link",
  editorsNote: "Editor's note",
  attributionNote: "On the attribution",
  source: "Source",
  publishedBy: (publisher, date) => (date === null ? publisher : `${publisher}, ${date}`),
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
  disputed: (label) => `Disputed: ${label}`,
  seeOtherSide: "See the other side",
  openPanelHint: "Open Backstory's side panel (Alt+Shift+P, or the sidebar menu) to see the other side.",
  copyCitation: "Copy citation",
  citationCopied: "Citation copied",
  copyFailed: "Could not copy the citation",
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

/**
 * Month names, January first. Written out rather than asked of `Intl.DateTimeFormat`: the first
 * formatter of each locale loads the browser's locale data (~38 ms for the three a card used,
 * measured on the bench page), inside the frame in which a pointer first crosses a name and the
 * card is rendered ahead. The names are what CLDR gives for en-GB, ar and ar-SY.
 */
const MONTHS = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  /** As Egypt and the Gulf name them. */
  ar: ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
  /** As the Levant and Iraq name them. */
  levantine: ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"],
};

/** A UTC date written as "10 April 2025" (or "April 2025" without the day); in Arabic "10 أبريل/نيسان 2025". */
function writeDate(date: Date, language: CardLanguage, withDay: boolean): string {
  const month = date.getUTCMonth();
  const name = language === "en" ? MONTHS.en[month] : `${MONTHS.ar[month]}/${MONTHS.levantine[month]}`;
  return `${withDay ? `${date.getUTCDate()} ` : ""}${name} ${date.getUTCFullYear()}`;
}

/**
 * Formats a date as precise as it is known — `YYYY`, `YYYY-MM` or `YYYY-MM-DD` — as `formatDate`
 * does: "April 2025", «أبريل/نيسان 2025», "2025".
 */
export function formatPartialDate(date: string, language: CardLanguage): string {
  if (/^\d{4}$/.test(date)) return date;
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  if (month === null) return formatDate(date, language);
  const day = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  if (Number.isNaN(day.getTime())) return date;
  return writeDate(day, language, false);
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
  return writeDate(date, language, true);
}
