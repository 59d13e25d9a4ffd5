/**
 * What the source viewer shows for a `source`/`fact` pair: the source, the fact, and the
 * source's text cut into paragraphs with the fact's quote marked. Pure, so it is tested without
 * a DOM; the viewer only renders what this returns.
 */
import type { Dataset, Fact, Source } from "../../core/dataset-schema.ts";
import { factAttribution, type CardAttribution } from "../../core/entity-card.ts";

/** A stretch of a paragraph, marked when it is part of the quote. */
type Segment = { text: string; isQuote: boolean };

/** One paragraph of the source's text; `start` is its offset in the text (a stable key). */
export type Paragraph = { start: number; segments: Segment[] };

/** Why a requested fact cannot be shown against the source. */
type FactProblem = "unknown-fact" | "fact-from-other-source" | "quote-not-found";

/*
 * A source without bundled text ("cited only") is shown with its metadata and no paragraphs;
 * validation keeps facts off such sources, so only a bare source link can lead to one.
 */

/** The source viewer's content, or why there is none. */
export type QuoteParagraphs =
  | { kind: "unknown-source"; sourceId: string | null }
  | {
      kind: "source";
      source: Source;
      /** The fact being checked, with who said it and how. */
      fact: { fact: Fact; attribution: CardAttribution } | null;
      /** Set when a fact was asked for but cannot be shown; the source is still shown. */
      factProblem: FactProblem | null;
      paragraphs: Paragraph[];
    };

/**
 * Looks up the source and fact and cuts the text into paragraphs (one per non-blank line),
 * marking the quote's first occurrence. A quote that crosses a line break is marked in each
 * paragraph it touches. With no `sourceId`, the fact's own source is used.
 */
export function quoteParagraphs(dataset: Dataset, sourceId: string | null, factId: string | null): QuoteParagraphs {
  const requestedFact = factId === null ? undefined : dataset.facts.find((f) => f.id === factId);
  const resolvedSourceId = sourceId ?? requestedFact?.source ?? null;
  const source = dataset.sources.find((s) => s.id === resolvedSourceId);
  if (source === undefined) return { kind: "unknown-source", sourceId: resolvedSourceId };

  let factProblem: FactProblem | null = null;
  let fact: Fact | null = null;
  let quote: { start: number; end: number } | null = null;
  if (factId !== null) {
    if (requestedFact === undefined) factProblem = "unknown-fact";
    else if (requestedFact.source !== source.id) factProblem = "fact-from-other-source";
    else {
      fact = requestedFact;
      const start = source.text?.indexOf(requestedFact.quote) ?? -1;
      if (start === -1) factProblem = "quote-not-found";
      else quote = { start, end: start + requestedFact.quote.length };
    }
  }

  return {
    kind: "source",
    source,
    fact: fact === null ? null : { fact, attribution: factAttribution(dataset, fact) },
    factProblem,
    paragraphs: source.text === undefined ? [] : splitParagraphs(source.text, quote),
  };
}

function splitParagraphs(text: string, quote: { start: number; end: number } | null): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const lineBreak = /\r\n|\r|\n|\u2028|\u2029/g;
  let start = 0;
  for (;;) {
    const found = lineBreak.exec(text);
    const end = found === null ? text.length : found.index;
    if (text.slice(start, end).trim() !== "") paragraphs.push({ start, segments: segmentsOf(text, start, end, quote) });
    if (found === null) return paragraphs;
    start = found.index + found[0].length;
  }
}

function segmentsOf(text: string, start: number, end: number, quote: { start: number; end: number } | null): Segment[] {
  const markStart = quote === null ? end : Math.min(Math.max(quote.start, start), end);
  const markEnd = quote === null ? end : Math.min(Math.max(quote.end, start), end);
  const segments: Segment[] = [
    { text: text.slice(start, markStart), isQuote: false },
    { text: text.slice(markStart, markEnd), isQuote: true },
    { text: text.slice(markEnd, end), isQuote: false },
  ];
  return segments.filter((segment) => segment.text !== "");
}
