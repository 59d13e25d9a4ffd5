/**
 * The plain-text citation of a claim that "Copy citation" puts on the clipboard (in the side
 * panel and on the card): who made the claim and through whom, worded as the card words it
 * (`attributionLine`), the verbatim quote, then the source — publisher, title (with its
 * translation where the dataset gives one in the reader's language), date — and its address
 * when it has one. Pure, so a test can hold it to the dataset word for word.
 */
import type { CardFact } from "../core/entity-card.ts";
import { attributionLine } from "../ui/card/attribution-line.ts";
import { formatDate, type CardLanguage } from "../ui/card/card-strings.ts";

/** Quotation marks and separators as each language writes them in running text. */
const punctuation = {
  en: { open: "“", close: "”", comma: ", ", stop: "." },
  ar: { open: "«", close: "»", comma: "، ", stop: "." },
} as const;

/**
 * The citation of `fact` in `language`, on two lines (three with an address):
 * `According to Alexander Darchiev, as reported by TASS: “…”` /
 * `Agencies, “…” [“…”], 10 April 2025.` / `https://…`.
 */
export function citationText(fact: CardFact, language: CardLanguage): string {
  const p = punctuation[language];
  const { source } = fact;
  const claim = `${attributionLine(fact.attribution, language)}: ${p.open}${fact.quote}${p.close}`;
  // The translated title is the title in the other interface language: shown to readers of that language.
  const sourceLanguage = source.language.split("-")[0];
  const translated = source.titleTranslated !== undefined && sourceLanguage !== language && (sourceLanguage === "ar" || sourceLanguage === "en");
  const title = `${p.open}${source.title}${p.close}${translated ? ` [${p.open}${source.titleTranslated}${p.close}]` : ""}`;
  // The date the card's source line shows: publication, else the reported events' day.
  const date = source.published ?? source.eventDate;
  const reference = [source.publisher[language], title, ...(date === undefined ? [] : [formatDate(date, language)])].join(p.comma) + p.stop;
  return [claim, reference, ...(source.url === undefined ? [] : [source.url])].join("\n");
}
