/**
 * The attribution check: for every fact, find the quote's sentence in its source and ask whether
 * the fact attributes it as the sentence does. Pure; run by `check-dataset`, the build (the
 * bundled dataset may have no unexplained warning) and the import (warnings shown, not blocking).
 *
 * - `claimant-not-in-sentence`: a claimant is given, but neither it (a name or alias, found with
 *   the matcher; for a group, its label or a member) nor a role word that can refer to it («السفير»,
 *   "the ministry") appears in the quote's sentence or the one before — where a pronoun or a
 *   clitic («وأضاف») would have named it.
 * - `unattributed-speech`: the sentence attributes speech (قال، أكد، بحسب، "said", "according
 *   to" …) and the fact has no claimant.
 * - `about-not-named`: an entity the fact is `about` is named neither in the quote nor in its
 *   sentence, so its card would present a statement that does not mention it.
 *
 * A fact's `attributionNote` explains its warnings: they are still reported, marked explained.
 */
import { attributesSpeech, mentionsRole } from "./attribution-words.ts";
import { compileMatcherTable } from "./compile-matcher-table.ts";
import type { Dataset, Entity, Party } from "./dataset-schema.ts";
import { Matcher } from "./matcher.ts";
import { normalizeString } from "./normalize-text.ts";
import { splitSentences, type SentenceRange } from "./split-sentences.ts";
import { jsonPath } from "./validate-dataset.ts";

/** What an attribution warning is about; stable, so interfaces can word it. */
export type AttributionCode = "claimant-not-in-sentence" | "unattributed-speech" | "about-not-named";

/** One doubt about how a fact is attributed. */
export interface AttributionWarning {
  /** The JSON path of what it concerns: `$.facts[3].claimants[0]`, `$.facts[3]`, `$.facts[3].about[1]`. */
  path: string;
  code: AttributionCode;
  factId: string;
  /** In English, for dataset authors. */
  reason: string;
  /** Whether the fact's `attributionNote` explains it. */
  explained: boolean;
}

/** The quote's sentences (all it touches) and the one before, as offsets into the source's text. */
interface QuoteContext {
  sentence: string;
  window: string;
}

function quoteContext(text: string, sentences: readonly SentenceRange[], quote: string): QuoteContext | null {
  const start = text.indexOf(quote);
  if (start === -1) return null;
  const end = start + quote.length;
  const first = sentences.findIndex((s) => s.end > start);
  if (first === -1) return null;
  let last = first;
  while (last + 1 < sentences.length && sentences[last + 1]!.start < end) last++;
  const from = sentences[first]!.start;
  const to = sentences[last]!.end;
  const before = first > 0 ? sentences[first - 1]!.start : from;
  return { sentence: text.slice(from, to), window: text.slice(before, to) };
}

/** Checks every fact of a validated dataset; warnings in fact order. */
export function checkAttribution(dataset: Dataset): AttributionWarning[] {
  const entities = new Map(dataset.entities.map((e) => [e.id, e]));
  const sentencesBySource = new Map<string, SentenceRange[]>();
  // One matcher per entity, not one for the dataset: the page's matcher keeps the longest of
  // overlapping names, so "the talks between Moscow and Washington" (an event) would hide Moscow.
  const matchers = new Map<string, Matcher>();
  const isNamed = (id: string, text: string): boolean => {
    let matcher = matchers.get(id);
    // Stryker disable next-line ConditionalExpression: a memo; building the matcher again gives the same answer.
    if (matcher === undefined) {
      const entity = entities.get(id);
      if (entity === undefined) return false;
      // Stryker disable next-line ArrayDeclaration: compiling reads names only, never facts.
      matchers.set(id, (matcher = new Matcher(compileMatcherTable([{ ...dataset, entities: [entity], facts: [] }]))));
    }
    return matcher.findMentions(text).length > 0;
  };

  const warnings: AttributionWarning[] = [];
  dataset.facts.forEach((fact, f) => {
    const source = dataset.sources.find((s) => s.id === fact.source);
    if (source?.text === undefined) return; // validation reports it
    let sentences = sentencesBySource.get(source.id);
    // Stryker disable next-line ConditionalExpression: a memo; splitting the text again gives the same sentences.
    if (sentences === undefined) sentencesBySource.set(source.id, (sentences = splitSentences(source.text)));
    const context = quoteContext(source.text, sentences, fact.quote);
    if (context === null) return; // validation reports it
    const warn = (path: PropertyKey[], code: AttributionCode, reason: string) =>
      warnings.push({ path: jsonPath(["facts", f, ...path]), code, factId: fact.id, reason, explained: fact.attributionNote !== undefined });

    const windowText = normalizeString(context.window);
    const namedInWindow = (id: string) => isNamed(id, context.window);
    fact.claimants.forEach((claimant, c) => {
      if (!refersTo(claimant, namedInWindow, windowText, entities)) {
        warn(["claimants", c], "claimant-not-in-sentence", `${describe(claimant)} is neither named nor referred to in the quote's sentence or the one before`);
      }
    });

    if (fact.claimants.length === 0 && attributesSpeech(normalizeString(context.sentence))) {
      warn([], "unattributed-speech", `the quote's sentence attributes speech, but fact "${fact.id}" has no claimant`);
    }

    fact.about.forEach((id, a) => {
      // The quote lies within its sentence, so a name in the quote is a name in the sentence.
      if (!isNamed(id, context.sentence)) {
        warn(["about", a], "about-not-named", `"${id}" is named neither in the quote nor in its sentence`);
      }
    });
  });
  return warnings;
}

/** Whether the window names a claimant, or refers to it by a role word its type allows. */
function refersTo(claimant: Party, named: (id: string) => boolean, windowText: string, entities: ReadonlyMap<string, Entity>): boolean {
  if (typeof claimant === "string") {
    const entity = entities.get(claimant);
    return named(claimant) || (entity !== undefined && mentionsRole(windowText, entity.type));
  }
  const label = [claimant.group.ar, claimant.group.en].map((l) => normalizeString(l));
  return (
    label.some((l) => l !== "" && windowText.includes(l)) ||
    claimant.members.some(named) ||
    mentionsRole(windowText, "group")
  );
}

function describe(claimant: Party): string {
  return typeof claimant === "string" ? `claimant "${claimant}"` : `the group "${claimant.group.en}"`;
}
