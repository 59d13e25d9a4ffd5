/**
 * One claim in the side panel: what was claimed, who claimed it and through whom (worded as the
 * card words it), the verbatim quote, the source with its date, and the reader's actions: open
 * the quote in the source viewer, copy a citation. A claim that is disputed links to the dispute.
 */
import { useState } from "preact/hooks";
import type { CardFact } from "../../core/entity-card.ts";
import { citationText } from "../../shared/citation-text.ts";
import { attributionLine } from "../card/attribution-line.ts";
import { directionOf, formatDate } from "../card/card-strings.ts";
import type { InterfaceText } from "../interface-text.ts";

/** The claim, and what the panel does for it. */
export type ClaimProps = {
  fact: CardFact;
  text: InterfaceText;
  onOpenSource(fact: CardFact): void;
  copyText(text: string): Promise<void>;
  /** Moves to a dispute shown side by side; absent inside the dispute itself. */
  onShowDispute?(disputeId: string): void;
};

/** A claim with its attribution, quote, source and actions. */
export function Claim({ fact, text, onOpenSource, copyText, onShowDispute }: ClaimProps) {
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const language = text.language;
  const { source } = fact;
  const date = source.published ?? source.eventDate;
  return (
    <div class="claim" data-fact={fact.id}>
      <p class="claim-text">{fact.text[language]}</p>
      <p class="attribution">{attributionLine(fact.attribution, language)}</p>
      <blockquote class="quote" lang={source.language} dir="auto">
        {fact.quote}
      </blockquote>
      <p class="claim-source">
        {source.publisher[language]}
        {date !== undefined && `${language === "ar" ? "، " : ", "}${formatDate(date, language)}`}
        {" · "}
        <cite lang={source.language} dir="auto">
          {source.title}
        </cite>
      </p>
      {onShowDispute !== undefined &&
        fact.disputes?.map((dispute) => (
          <p key={dispute.id} class="disputed">
            <span lang={language} dir={directionOf(language)}>
              {text.message("panelDisputedWith", dispute.label[language])}
            </span>{" "}
            <button type="button" class="link-button see-dispute" data-dispute={dispute.id} onClick={() => onShowDispute(dispute.id)}>
              {text.message("panelSeeDispute")}
            </button>
          </p>
        ))}
      <div class="claim-actions">
        <button type="button" class="link-button open-quote" onClick={() => onOpenSource(fact)}>
          {text.message("panelOpenQuote")}
        </button>
        <button
          type="button"
          class="link-button copy-citation"
          onClick={() => {
            setCopy("idle");
            copyText(citationText(fact, language)).then(
              () => setCopy("copied"),
              () => setCopy("failed"),
            );
          }}
        >
          {text.message("panelCopyCitation")}
        </button>
        <span class="copy-status" role="status">
          {copy === "copied" ? text.message("panelCopied") : copy === "failed" ? text.message("panelCopyFailed") : ""}
        </span>
      </div>
    </div>
  );
}
