/**
 * The source viewer's interface text in Arabic and English, and the choice between them. The
 * viewer follows the card that opened it (`lang` in its URL), so this is a table like the card's.
 */
import { formatDate, type CardLanguage } from "../card/card-strings.ts";
import { interfaceLanguageOf } from "../interface-text.ts";

/** Every piece of interface text the source viewer shows, in one language. */
export type SourceText = {
  /** The document title for a source. */
  pageTitle(sourceTitle: string): string;
  viewerName: string;
  notFoundTitle: string;
  noSourceGiven: string;
  unknownSource(sourceId: string): string;
  /** The address names a dataset that is neither bundled nor imported (or no longer readable). */
  unknownDataset(datasetId: string): string;
  unknownFact(factId: string): string;
  factFromOtherSource(factId: string): string;
  quoteNotFound: string;
  aboutSource: string;
  translatedTitle: string;
  publisher: string;
  language: string;
  eventDate: string;
  published: string;
  address: string;
  dataset: string;
  datasetValue(name: string, version: string): string;
  fullText: string;
  factHeading: string;
  /** For a source that is only cited: its text is not part of the dataset. */
  textNotBundled: string;
  goToQuote: string;
  /** A BCP 47 language code as a name, e.g. `ar` → "Arabic". */
  languageName(code: string): string;
  /** A `YYYY-MM-DD` date as readers of this language expect it. */
  date(isoDate: string): string;
};

function languageNamer(language: CardLanguage): (code: string) => string {
  return (code) => {
    try {
      return new Intl.DisplayNames([language], { type: "language" }).of(code) ?? code;
    } catch {
      // A malformed tag throws; the code itself is still informative.
      return code;
    }
  };
}

const ar: SourceText = {
  pageTitle: (sourceTitle) => `${sourceTitle} — عارض المصادر`,
  viewerName: "Backstory · عارض المصادر",
  notFoundTitle: "المصدر غير موجود",
  noSourceGiven: "لم يُحدَّد أي مصدر في رابط هذه الصفحة.",
  unknownSource: (sourceId) => `لا يوجد مصدر بالمعرّف «${sourceId}» في مجموعة البيانات هذه.`,
  unknownDataset: (datasetId) => `لا توجد مجموعة بيانات بالمعرّف «${datasetId}»، لا مضمّنة ولا مستوردة؛ ربما حُذفت أو تعذّرت قراءتها.`,
  unknownFact: (factId) => `لا توجد حقيقة بالمعرّف «${factId}» في مجموعة البيانات هذه؛ يُعرض المصدر دون تمييز اقتباس.`,
  factFromOtherSource: (factId) => `الحقيقة «${factId}» مأخوذة من مصدر آخر؛ يُعرض هذا المصدر دون تمييز اقتباس.`,
  quoteNotFound: "لم يُعثر على اقتباس هذه الحقيقة حرفياً في نص المصدر.",
  aboutSource: "عن المصدر",
  translatedTitle: "العنوان مترجماً",
  publisher: "الناشر",
  language: "اللغة",
  eventDate: "تاريخ الحدث",
  published: "تاريخ النشر",
  address: "الرابط",
  dataset: "مجموعة البيانات",
  datasetValue: (name, version) => `${name}، الإصدار ${version}`,
  fullText: "النص الكامل",
  factHeading: "الحقيقة قيد التحقق",
  textNotBundled: "نص هذا المصدر غير مرفق بمجموعة البيانات؛ هو مرجع مذكور فقط، ولا يُقتبس منه.",
  goToQuote: "انتقل إلى الاقتباس في النص",
  languageName: languageNamer("ar"),
  date: (isoDate) => formatDate(isoDate, "ar"),
};

const en: SourceText = {
  pageTitle: (sourceTitle) => `${sourceTitle} — source viewer`,
  viewerName: "Backstory · source viewer",
  notFoundTitle: "Source not found",
  noSourceGiven: "This page's address names no source.",
  unknownSource: (sourceId) => `There is no source with the id “${sourceId}” in this dataset.`,
  unknownDataset: (datasetId) => `No dataset with the id “${datasetId}” is bundled or imported; it may have been removed, or it cannot be read.`,
  unknownFact: (factId) => `There is no fact with the id “${factId}” in this dataset; the source is shown without a highlighted quote.`,
  factFromOtherSource: (factId) => `The fact “${factId}” comes from another source; this source is shown without a highlighted quote.`,
  quoteNotFound: "This fact's quote was not found verbatim in the source's text.",
  aboutSource: "About this source",
  translatedTitle: "Translated title",
  publisher: "Publisher",
  language: "Language",
  eventDate: "Event date",
  published: "Published",
  address: "Address",
  dataset: "Dataset",
  datasetValue: (name, version) => `${name}, version ${version}`,
  fullText: "Full text",
  factHeading: "The fact being checked",
  textNotBundled: "This source's text is not part of the dataset: it is cited, never quoted.",
  goToQuote: "Go to the quote in the text",
  languageName: languageNamer("en"),
  date: (isoDate) => formatDate(isoDate, "en"),
};

/** The source viewer's interface text in `language`. */
export function sourceText(language: CardLanguage): SourceText {
  return language === "ar" ? ar : en;
}

/**
 * The viewer's interface language: the `lang` parameter (the card's language) when valid,
 * else Arabic for browsers set to Arabic, else English.
 */
export function viewerLanguage(langParam: string | null, navigatorLanguage: string | undefined): CardLanguage {
  if (langParam === "ar" || langParam === "en") return langParam;
  return interfaceLanguageOf(navigatorLanguage ?? "");
}
