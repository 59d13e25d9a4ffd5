/**
 * The source lines under a card statement (a background statement or an editor's note): a cited
 * fact by who said it and a link to its quote; a source by publisher, title and date, "cited"
 * when its text is not bundled, and its verbatim quote only when the text is bundled.
 */
import type { CardCitation, CardSource } from "../../core/entity-card.ts";
import { safeLink } from "../safe-link.ts";
import { attributionLine } from "./attribution-line.ts";
import type { CardLanguage, CardText } from "./card-strings.ts";

/** The language, its text, and how a cited fact's quote is opened. */
export type CitationProps = {
  language: CardLanguage;
  t: CardText;
  onOpenSource(sourceId: string, factId: string): void;
};

/** The source lines of a statement; a statement without one says so rather than pass as sourced. */
export function Citations({ citations, language, t, onOpenSource }: CitationProps & { citations: CardCitation[] }) {
  if (citations.length === 0) return <p class="citation no-source">{t.noSourceGiven}</p>;
  return (
    <ul class="citations">
      {citations.map((citation, i) => (
        <li key={i} class="citation">
          <CitationLine citation={citation} language={language} t={t} onOpenSource={onOpenSource} />
        </li>
      ))}
    </ul>
  );
}

function CitationLine({ citation, language, t, onOpenSource }: CitationProps & { citation: CardCitation }) {
  const { source } = citation;
  const date = sourceDate(source);
  if ("fact" in citation) {
    return (
      <>
        {attributionLine(citation.attribution, language)} · {t.publishedBy(source.publisher[language], date === null ? null : t.date(date))} ·{" "}
        <button type="button" class="link-button" onClick={() => onOpenSource(source.id, citation.fact)}>
          {t.seeQuote}
        </button>
      </>
    );
  }
  const url = safeLink(source.url);
  return (
    <>
      {source.publisher[language]},{" "}
      <cite lang={source.language} dir="auto">
        {source.title}
      </cite>
      {date !== null && `, ${t.date(date)}`}
      {!source.bundled && <span class="cited"> · {t.cited}</span>}
      {url !== null && (
        <>
          {" · "}
          <a href={url} target="_blank" rel="noreferrer noopener">
            {t.openSourceAddress}
          </a>
        </>
      )}
      {citation.quote !== undefined && (
        <blockquote class="quote" lang={source.language} dir="auto">
          {citation.quote}
        </blockquote>
      )}
    </>
  );
}

/** The date a source line shows: publication, else the reported events' day, else none. */
export function sourceDate(source: CardSource): string | null {
  return source.published ?? source.eventDate ?? null;
}
