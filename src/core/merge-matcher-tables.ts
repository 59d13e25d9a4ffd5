/**
 * Merges compiled matcher tables into one, so the page runs one automaton over the bundled
 * dataset and every dataset a reader imported. Each table is compiled once (the bundled one at
 * build time, an imported one when it is imported); merging only renumbers, it never
 * re-normalises.
 */
import { PatternFlag, type EntityRef, type MatcherTable, type PatternRow } from "./matcher-table.ts";

/**
 * One table holding every table's entities, in order, with pattern rows renumbered to match.
 * Where two tables claim the same normalised pattern, the first table listed keeps it — the same
 * rule as `compileMatcherTable` over several datasets, so merging separately compiled tables
 * gives the table that compiling the datasets together would. One exception: a name that one
 * table lists as not ours (a blocker) gives way to a later table whose entity it names, since
 * "not ours" only ever meant "not one of that table's entities".
 */
export function mergeMatcherTables(tables: readonly MatcherTable[]): MatcherTable {
  if (tables.length === 1) return tables[0]!;
  const entities: EntityRef[] = [];
  const patterns: PatternRow[] = [];
  const claimed = new Map<string, number>();
  for (const table of tables) {
    const offset = entities.length;
    entities.push(...table.entities);
    for (const row of table.patterns) {
      const [text, entity, flags, exact] = row;
      const renumbered: PatternRow = exact === undefined ? [text, entity + offset, flags] : [text, entity + offset, flags, exact];
      const at = claimed.get(text);
      if (at === undefined) {
        claimed.set(text, patterns.push(renumbered) - 1);
      } else if (patterns[at]![2] & PatternFlag.notOurs && !(flags & PatternFlag.notOurs)) {
        patterns[at] = renumbered;
      }
    }
  }
  return { format: 1, entities, patterns };
}
