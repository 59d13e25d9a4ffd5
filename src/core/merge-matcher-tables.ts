/**
 * Merges compiled matcher tables into one, so the page runs one automaton over the bundled
 * dataset and every dataset a reader imported. Each table is compiled once (the bundled one at
 * build time, an imported one when it is imported); merging only renumbers, it never
 * re-normalises.
 */
import type { EntityRef, MatcherTable, PatternRow } from "./matcher-table.ts";

/**
 * One table holding every table's entities, in order, with pattern rows renumbered to match.
 * Where two tables claim the same normalised pattern, the first table listed keeps it — the same
 * rule as `compileMatcherTable` over several datasets, so merging separately compiled tables
 * gives the table that compiling the datasets together would.
 */
export function mergeMatcherTables(tables: readonly MatcherTable[]): MatcherTable {
  if (tables.length === 1) return tables[0]!;
  const entities: EntityRef[] = [];
  const patterns: PatternRow[] = [];
  const claimed = new Set<string>();
  for (const table of tables) {
    const offset = entities.length;
    entities.push(...table.entities);
    for (const row of table.patterns) {
      if (claimed.has(row[0])) continue;
      claimed.add(row[0]);
      const [text, entity, flags, exact] = row;
      patterns.push(exact === undefined ? [text, entity + offset, flags] : [text, entity + offset, flags, exact]);
    }
  }
  return { format: 1, entities, patterns };
}
