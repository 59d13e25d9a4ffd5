/**
 * The source viewer page: a source's metadata and full bundled text, with the checked fact's
 * quote marked and scrolled into view, so a reader can see the sentence a card's fact rests on
 * in its context. Every dataset string is rendered as text, never as HTML.
 */
import { useEffect, useRef } from "preact/hooks";
import type { Dataset, Source } from "../../core/dataset-schema.ts";
import { cardNote } from "../../core/entity-card.ts";
import { attributionLine } from "../card/attribution-line.ts";
import { cardText, type CardLanguage } from "../card/card-strings.ts";
import { EditorNote } from "../card/EditorNote.tsx";
import { sourceViewerPath } from "../../shared/source-viewer-path.ts";
import { safeLink } from "../safe-link.ts";
import { quoteParagraphs, type Paragraph } from "./quote-paragraphs.ts";
import { sourceText, type SourceText } from "./source-strings.ts";

/** The dataset to look in, the ids from the page's URL, and the interface language. */
export type SourceViewerProps = {
  dataset: Dataset;
  sourceId: string | null;
  factId: string | null;
  language: CardLanguage;
};

/** The whole source viewer page, rendered into `<body>`. */
export function SourceViewer({ dataset, sourceId, factId, language }: SourceViewerProps) {
  const t = sourceText(language);
  const content = quoteParagraphs(dataset, sourceId, factId);
  const quoteRef = useRef<HTMLElement>(null);

  const title = content.kind === "source" ? content.source.title : t.notFoundTitle;
  useEffect(() => {
    document.title = t.pageTitle(title);
  }, [title, t]);

  useEffect(() => {
    quoteRef.current?.scrollIntoView({ block: "center" });
  }, [content.kind === "source" ? content.source.id : null, factId]);

  if (content.kind === "unknown-source") {
    return (
      <main>
        <p class="viewer-name">{t.viewerName}</p>
        <h1>{t.notFoundTitle}</h1>
        <p class="notice" role="alert">
          {content.sourceId === null ? t.noSourceGiven : t.unknownSource(content.sourceId)}
        </p>
      </main>
    );
  }

  const { source, fact, factProblem, paragraphs } = content;
  const isArabic = source.language.split("-")[0] === "ar";
  const quoted = firstQuoted(paragraphs);
  return (
    <main>
      <p class="viewer-name">{t.viewerName}</p>
      <h1 lang={source.language} dir="auto">
        {source.title}
      </h1>
      {factProblem !== null && factId !== null && (
        <p class="notice" role="alert">
          {factProblem === "unknown-fact"
            ? t.unknownFact(factId)
            : factProblem === "fact-from-other-source"
              ? t.factFromOtherSource(factId)
              : t.quoteNotFound}
        </p>
      )}
      <SourceMetadata source={source} dataset={dataset} t={t} language={language} />
      <h2>{t.fullText}</h2>
      {source.text === undefined && <p class="notice">{t.textNotBundled}</p>}
      <article class="source-text" lang={source.language}>
        {paragraphs.map((paragraph) => (
          // Known Arabic is set right-to-left outright: `auto` would pick LTR for a line that opens with a Latin name or a number.
          <p key={paragraph.start} dir={isArabic ? "rtl" : "auto"}>
            <ParagraphText paragraph={paragraph} quoteRef={paragraph === quoted ? quoteRef : null} />
          </p>
        ))}
      </article>
      {fact !== null && (
        <section class="fact" aria-labelledby="fact-heading">
          <h2 id="fact-heading">{t.factHeading}</h2>
          <p class="fact-text">{fact.fact.text[language]}</p>
          <p class="claimant">{attributionLine(fact.attribution, language)}</p>
          {fact.fact.attributionNote !== undefined && (
            <p class="attribution-note">
              {cardText(language).attributionNote}: {fact.fact.attributionNote[language]}
            </p>
          )}
          {fact.fact.note !== undefined && (
            <EditorNote
              note={cardNote(dataset, fact.fact.note, `fact "${fact.fact.id}"`)}
              language={language}
              t={cardText(language)}
              // A cited fact opens in this viewer, in place: it is the same dataset.
              onOpenSource={(source, cited) => location.assign(sourceViewerPath({ dataset: dataset.id, source, fact: cited, language }))}
            />
          )}
          {factProblem === null && (
            <p>
              <a href="#quote">{t.goToQuote}</a>
            </p>
          )}
        </section>
      )}
    </main>
  );
}

/** The page when the dataset named in its address is not there (removed, or unreadable). */
export function DatasetUnavailable({ datasetId, language }: { datasetId: string; language: CardLanguage }) {
  const t = sourceText(language);
  useEffect(() => {
    document.title = t.pageTitle(t.notFoundTitle);
  }, [t]);
  return (
    <main>
      <p class="viewer-name">{t.viewerName}</p>
      <h1>{t.notFoundTitle}</h1>
      <p class="notice" role="alert">
        {t.unknownDataset(datasetId)}
      </p>
    </main>
  );
}

function firstQuoted(paragraphs: Paragraph[]): Paragraph | undefined {
  return paragraphs.find((p) => p.segments.some((s) => s.isQuote));
}

type ParagraphTextProps = {
  paragraph: Paragraph;
  /** Set on the paragraph holding the quote's start: its mark is `#quote`, the scroll target. */
  quoteRef: { current: HTMLElement | null } | null;
};

function ParagraphText({ paragraph, quoteRef }: ParagraphTextProps) {
  return (
    <>
      {paragraph.segments.map((segment, i) =>
        !segment.isQuote ? (
          segment.text
        ) : quoteRef !== null ? (
          <mark key={i} id="quote" ref={quoteRef}>
            {segment.text}
          </mark>
        ) : (
          <mark key={i}>{segment.text}</mark>
        ),
      )}
    </>
  );
}

type SourceMetadataProps = { source: Source; dataset: Dataset; t: SourceText; language: CardLanguage };

function SourceMetadata({ source, dataset, t, language }: SourceMetadataProps) {
  const url = safeLink(source.url);
  return (
    <>
      <h2 class="visually-hidden">{t.aboutSource}</h2>
      <dl class="metadata">
        {source.titleTranslated !== undefined && (
          <div>
            <dt>{t.translatedTitle}</dt>
            <dd lang={translatedTitleLanguage(source.language)} dir="auto">
              {source.titleTranslated}
            </dd>
          </div>
        )}
        <div>
          <dt>{t.publisher}</dt>
          <dd>{source.publisher[language]}</dd>
        </div>
        <div>
          <dt>{t.language}</dt>
          <dd>{t.languageName(source.language)}</dd>
        </div>
        {source.eventDate !== undefined && (
          <div>
            <dt>{t.eventDate}</dt>
            <dd>
              <time dateTime={source.eventDate}>{t.date(source.eventDate)}</time>
            </dd>
          </div>
        )}
        {source.published !== undefined && (
          <div>
            <dt>{t.published}</dt>
            <dd>
              <time dateTime={source.published}>{t.date(source.published)}</time>
            </dd>
          </div>
        )}
        {source.url !== undefined && (
          <div>
            <dt>{t.address}</dt>
            <dd class="url" dir="ltr">
              {url === null ? (
                source.url
              ) : (
                <a href={url} rel="noreferrer noopener" target="_blank">
                  {source.url}
                </a>
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>{t.dataset}</dt>
          <dd>{t.datasetValue(dataset.name[language], dataset.version)}</dd>
        </div>
      </dl>
    </>
  );
}

/** The schema defines the translated title as "the other interface language"; unknown (`""`) otherwise. */
function translatedTitleLanguage(sourceLanguage: string): string {
  const primary = sourceLanguage.split("-")[0];
  return primary === "ar" ? "en" : primary === "en" ? "ar" : "";
}

