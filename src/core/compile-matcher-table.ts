/**
 * Compiles validated datasets into the matcher's table: every display name and alias is
 * normalised once, here, at build time (or when a reader imports a dataset), never on page load.
 */
import { ARTICLE, startsWithArabic } from "./arabic-proclitics.ts";
import type { Dataset } from "./dataset-schema.ts";
import { PatternFlag, type EntityRef, type MatcherTable, type PatternRow } from "./matcher-table.ts";
import { mergeMatcherTables } from "./merge-matcher-tables.ts";
import { normalizeString } from "./normalize-text.ts";
import { aliasText } from "./validate-dataset.ts";

/**
 * Builds one table from several datasets. Where two datasets claim the same alias, the first
 * dataset listed keeps it (the bundled dataset comes first), so a reader's import can add
 * names but never silently take over one: that rule lives in `mergeMatcherTables`, which the
 * page also uses to combine tables compiled at different times.
 */
export function compileMatcherTable(datasets: readonly Dataset[]): MatcherTable {
  return mergeMatcherTables(datasets.map(compileDataset));
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
    const aliases = [entity.name.ar, entity.name.en, ...entity.aliases];
    for (const alias of aliases) {
      const text = aliasText(alias);
      const key = normalizeString(text);
      if (key === "") continue;
      const caseSensitive = typeof alias !== "string" && alias.caseSensitive;
      let flags = 0;
      if (caseSensitive) flags |= PatternFlag.caseSensitive;
      if (startsWithArabic(key)) flags |= PatternFlag.arabicStart;
      const exact = caseSensitive ? normalizeString(text, { foldCase: false }) : undefined;
      add(exact === undefined ? [key, index, flags] : [key, index, flags, exact]);
      // After the preposition ل the article's alef is dropped (ل + الولايات = للولايات):
      // match from the article's lam, and only after a lam proclitic.
      if (key.startsWith(ARTICLE) && key.length > ARTICLE.length + 1) {
        add([key.slice(1), index, flags | PatternFlag.elidedArticle]);
      }
    }
  }
  return { format: 1, entities, patterns };
}
