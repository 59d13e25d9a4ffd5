/**
 * Compiles validated datasets into the matcher's table: every display name, alias and
 * exclusion is normalised once, here, at build time (or when a reader imports a dataset), never
 * on page load.
 */
import { ARTICLE, startsWithArabic } from "./arabic-proclitics.ts";
import type { Dataset } from "./dataset-schema.ts";
import { PatternFlag, type EntityRef, type MatcherTable, type PatternRow } from "./matcher-table.ts";
import { mergeMatcherTables } from "./merge-matcher-tables.ts";
import { normalizeString } from "./normalize-text.ts";
import { aliasText } from "./validate-dataset.ts";

/**
 * Builds one table from several datasets, plus `notOurs`: the bundled lexicon's longer names
 * that contain one of our names but are not ours (blockers). Where two datasets claim the same
 * alias, the first dataset listed keeps it (the bundled dataset comes first), so a reader's
 * import can add names but never silently take over one: that rule lives in
 * `mergeMatcherTables`, which the page also uses to combine tables compiled at different times.
 */
export function compileMatcherTable(datasets: readonly Dataset[], notOurs: readonly string[] = []): MatcherTable {
  const table = mergeMatcherTables(datasets.map(compileDataset));
  if (notOurs.length === 0) return table;
  const claimed = new Set(table.patterns.map((row) => row[0]));
  const patterns = [...table.patterns];
  for (const phrase of notOurs) {
    for (const row of patternRows(phrase, 0, false, PatternFlag.notOurs)) {
      if (claimed.has(row[0])) continue;
      claimed.add(row[0]);
      patterns.push(row);
    }
  }
  return { ...table, patterns };
}

/**
 * The rows a name compiles to: its normalised form, and for an Arabic name with the article
 * also the form with the article's alef elided after the preposition ل (ل + الولايات =
 * للولايات), matched from the article's lam and only after a lam proclitic.
 */
function patternRows(text: string, entity: number, caseSensitive: boolean, extraFlags: number): PatternRow[] {
  const key = normalizeString(text);
  if (key === "") return [];
  let flags = extraFlags;
  if (caseSensitive) flags |= PatternFlag.caseSensitive;
  if (startsWithArabic(key)) flags |= PatternFlag.arabicStart;
  const exact = caseSensitive ? normalizeString(text, { foldCase: false }) : undefined;
  const rows: PatternRow[] = [exact === undefined ? [key, entity, flags] : [key, entity, flags, exact]];
  if (key.startsWith(ARTICLE) && key.length > ARTICLE.length + 1) {
    rows.push([key.slice(1), entity, flags | PatternFlag.elidedArticle]);
  }
  return rows;
}

/** One dataset's table; a name written twice (or alike after normalisation) is kept once. */
function compileDataset(dataset: Dataset): MatcherTable {
  const entities: EntityRef[] = [];
  const patterns: PatternRow[] = [];
  const claimed = new Set<string>();
  const add = (row: PatternRow) => {
    if (claimed.has(row[0])) return;
    claimed.add(row[0]);
    patterns.push(row);
  };
  for (const entity of dataset.entities) {
    const index = entities.push({ id: entity.id, type: entity.type, name: entity.name, dataset: dataset.id }) - 1;
    for (const alias of [entity.name.ar, entity.name.en, ...entity.aliases]) {
      // Stryker disable next-line ConditionalExpression: a string alias has no caseSensitive property, so the mutant's undefined is false too.
      const caseSensitive = typeof alias !== "string" && alias.caseSensitive;
      patternRows(aliasText(alias), index, caseSensitive, 0).forEach(add);
    }
  }
  // Exclusions after every alias, so a phrase that is some entity's name stays that name.
  dataset.entities.forEach((entity, index) => {
    for (const phrase of entity.exclusions) patternRows(phrase, index, false, PatternFlag.notOurs).forEach(add);
  });
  return { format: 1, entities, patterns };
}
