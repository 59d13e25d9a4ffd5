/**
 * The card a reader sees on resting on a name: who or what it is, its background with the
 * sources of every statement, and each fact with who asserted it, how it reached the source and
 * the verbatim sentence it rests on, with any editor's note. No line goes without its source. Every dataset string is rendered as text
 * (Preact escapes it); nothing here builds HTML, so a hostile dataset cannot inject markup.
 */
import { useEffect, useId, useRef, useState } from "preact/hooks";
import type { CardBackground, CardFact, CardSource, EntityCard as EntityCardData } from "../../core/entity-card.ts";
import type { EntityRef } from "../../core/matcher-table.ts";
import { attributionLine } from "./attribution-line.ts";
import { Citations, sourceDate, type CitationProps } from "./Citations.tsx";
import { EditorNote } from "./EditorNote.tsx";
import { cardText, directionOf, otherLanguage, type CardLanguage, } from "./card-strings.ts";

/** What the card shows and how it reports the reader's choices back to its owner. */
export type EntityCardProps = {
  card: EntityCardData;
  /** The card's language; it follows the page, not the browser. */
  language: CardLanguage;
  onLanguageChange(language: CardLanguage): void;
  onClose(): void;
  onOpenSource(sourceId: string, factId: string): void;
  /** For a name inside a longer name of another entity: that entity's name, offered in one step. */
  partOf?: { name: EntityRef["name"]; onOpen(): void };
  /** Move focus into the card on mount, for readers who opened it from the keyboard. */
  autoFocus?: boolean;
  /** Opens the side panel at a dispute; resolves to whether the browser opened it. */
  onOpenDispute?(disputeId: string): Promise<boolean>;
  /** Copies a fact's citation; resolves to whether it was copied. */
  onCopyCitation?(fact: CardFact): Promise<boolean>;
};

/** One entity's card, rendered inside the overlay's shadow root. */
export function EntityCard(props: EntityCardProps) {
  const { card, language, onLanguageChange, onClose, onOpenSource, partOf, autoFocus = false, onOpenDispute, onCopyCitation } = props;
  const t = cardText(language);
  const other = otherLanguage(language);
  const id = useId();
  const headingId = `${id}-name`;
  const backgroundId = `${id}-background`;
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Only on mount: re-focusing on every render would pull focus away from the language switch.
    if (autoFocus) rootRef.current?.focus({ preventScroll: true });
  }, []);

  function onKeyDown(event: KeyboardEvent) {
    // An IME uses Escape to cancel a composition; that Escape is not meant for us.
    if (event.key !== "Escape" || event.isComposing) return;
    // Ours alone: the page must not also close its own dialog behind the card.
    event.preventDefault();
    event.stopPropagation();
    onClose();
  }

  return (
    <div
      ref={rootRef}
      class="card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      // The first background statement describes the entity, as a one-line summary would; its
      // source lines and the rest stay in the dialog for those who read on.
      aria-describedby={card.background.length > 0 ? `${backgroundId}-0` : undefined}
      lang={language}
      dir={directionOf(language)}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div class="card-header">
        <span class="badge">{t.types[card.entity.type]}</span>
        <div class="card-actions">
          {/* The accessible name is the visible text (WCAG 2.5.3: a speech user says what
              they see); the longer description in the card's language is the tooltip. */}
          <button
            type="button"
            class="pill-button"
            title={t.switchAccessibleLabel}
            onClick={() => onLanguageChange(other)}
          >
            <span lang={other}>{t.switchLabel}</span>
          </button>
          <button type="button" class="icon-button" aria-label={t.close} title={t.close} onClick={() => onClose()}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </div>
      <h2 id={headingId} class="name" lang={language} dir={directionOf(language)}>
        {card.entity.name[language]}
      </h2>
      {/* An inline span, so the name keeps its own direction but lines up with the heading. */}
      <p class="other-name">
        <span lang={other} dir={directionOf(other)}>
          {card.entity.name[other]}
        </span>
      </p>
      {partOf !== undefined && (
        <button type="button" class="link-button part-of" onClick={() => partOf.onOpen()}>
          {t.partOf(partOf.name[language])}
        </button>
      )}
      {card.background.length > 0 && (
        <>
          <h3 class="section-heading">{t.background}</h3>
          <ul class="background">
            {card.background.map((statement, i) => (
              <BackgroundItem key={i} id={`${backgroundId}-${i}`} statement={statement} language={language} t={t} onOpenSource={onOpenSource} />
            ))}
          </ul>
        </>
      )}
      {card.note !== undefined && <EditorNote note={card.note} language={language} t={t} onOpenSource={onOpenSource} />}
      <h3 class="section-heading">{t.facts}</h3>
      {card.facts.length === 0 ? (
        <p class="empty">{t.noFacts}</p>
      ) : (
        <ul class="facts">
          {card.facts.map((fact) => (
            <FactItem key={fact.id} fact={fact} language={language} t={t} onOpenSource={onOpenSource} onOpenDispute={onOpenDispute} onCopyCitation={onCopyCitation} />
          ))}
        </ul>
      )}
      {card.related.length > 0 && (
        <>
          <h3 class="section-heading">{t.related}</h3>
          <ul class="related">
            {card.related.map((entity) => (
              <li key={entity.id}>{entity.name[language]}</li>
            ))}
          </ul>
        </>
      )}
      <p class="credit">{t.datasetCredit(card.dataset.name[language], card.dataset.version)}</p>
    </div>
  );
}

type ItemProps = CitationProps;

function BackgroundItem({ id, statement, language, t, onOpenSource }: ItemProps & { id: string; statement: CardBackground }) {
  return (
    <li class="statement">
      <p id={id} class="statement-text">
        {statement.text[language]}
        {statement.asOf !== undefined && <span class="as-of"> ({t.asOf(statement.asOf)})</span>}
      </p>
      <Citations citations={statement.sources} language={language} t={t} onOpenSource={onOpenSource} />
    </li>
  );
}

type FactItemProps = ItemProps & { fact: CardFact } & Pick<EntityCardProps, "onOpenDispute" | "onCopyCitation">;

function FactItem({ fact, language, t, onOpenSource, onOpenDispute, onCopyCitation }: FactItemProps) {
  const { source } = fact;
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const [panelRefused, setPanelRefused] = useState(false);
  // A news report's event and publication days are usually one; the details say which is which.
  const date = sourceDate(source);
  const translatedTitle = translatedTitleFor(source, language);
  return (
    <li class="fact">
      <p class="fact-text">{fact.text[language]}</p>
      <p class="claimant">{attributionLine(fact.attribution, language)}</p>
      {onOpenDispute !== undefined &&
        fact.disputes?.map((dispute) => (
          <p key={dispute.id} class="disputed">
            {t.disputed(dispute.label[language])} —{" "}
            <button
              type="button"
              class="link-button see-other-side"
              data-dispute={dispute.id}
              onClick={() => {
                setPanelRefused(false);
                void onOpenDispute(dispute.id).then((opened) => setPanelRefused(!opened));
              }}
            >
              {t.seeOtherSide}
            </button>
          </p>
        ))}
      {panelRefused && (
        <p class="panel-hint" role="status">
          {t.openPanelHint}
        </p>
      )}
      {fact.attributionNote !== undefined && (
        <p class="attribution-note">
          {t.attributionNote}: {fact.attributionNote[language]}
        </p>
      )}
      <details class="source">
        <summary>
          {t.source}: {t.publishedBy(source.publisher[language], date === null ? null : t.date(date))}
        </summary>
        <div class="source-body">
          <blockquote class="quote" lang={source.language} dir="auto">
            {fact.quote}
          </blockquote>
          <p class="source-title">
            <cite lang={source.language} dir="auto">
              {source.title}
            </cite>
          </p>
          {translatedTitle !== null && (
            <p class="source-title-translated" lang={translatedTitle.language} dir="auto">
              {translatedTitle.text}
            </p>
          )}
          <p class="source-meta">
            {source.publisher[language]}
            {source.eventDate !== undefined && ` · ${t.eventDate}: ${t.date(source.eventDate)}`}
            {source.published !== undefined && ` · ${t.published}: ${t.date(source.published)}`}
          </p>
          <button type="button" class="link-button" onClick={() => onOpenSource(source.id, fact.id)}>
            {t.openInSourceViewer}
          </button>
          {onCopyCitation !== undefined && (
            <>
              {" "}
              <button
                type="button"
                class="link-button copy-citation"
                onClick={() => {
                  setCopy("idle");
                  void onCopyCitation(fact).then((copied) => setCopy(copied ? "copied" : "failed"));
                }}
              >
                {t.copyCitation}
              </button>
              <span class="copy-status" role="status">
                {copy === "copied" ? t.citationCopied : copy === "failed" ? t.copyFailed : ""}
              </span>
            </>
          )}
        </div>
      </details>
      {fact.note !== undefined && <EditorNote note={fact.note} language={language} t={t} onOpenSource={onOpenSource} />}
    </li>
  );
}


/**
 * The translated title when it helps this reader. The dataset defines it only as the title in
 * "the other interface language", so its language is certain for Arabic and English sources
 * (shown when that is the card's language) and unknown for others (`lang=""` says so).
 */
function translatedTitleFor(source: CardSource, language: CardLanguage): { text: string; language: string } | null {
  if (source.titleTranslated === undefined) return null;
  const sourceLanguage = source.language.split("-")[0];
  if (sourceLanguage === "ar" || sourceLanguage === "en") {
    return otherLanguage(sourceLanguage) === language ? { text: source.titleTranslated, language } : null;
  }
  return { text: source.titleTranslated, language: "" };
}
