/**
 * A plain reference for the matcher, for property tests: the text normalised into a string with
 * an offset map (`TextNormalizer`), every pattern searched for at every position with
 * `indexOf`, the same word, proclitic and case checks written out on the normalised string, and
 * the same context rules and resolution. Slow and obvious, so that the fused automaton can be
 * held to it.
 */
import { isLamPrefix, isProcliticPrefix, LONGEST_PROCLITIC } from "../../src/core/arabic-proclitics.ts";
import { Check, checksFor, isLongerThing } from "../../src/core/matcher.ts";
import { PatternFlag, type MatcherTable } from "../../src/core/matcher-table.ts";
import { normalizeString, TextNormalizer } from "../../src/core/normalize-text.ts";
import { continuationOf } from "../../src/core/proper-name-continuation.ts";
import { NOT_OURS, resolveMentions, type Candidate, type Mention } from "../../src/core/resolve-mentions.ts";
import { isWordUnit } from "../../src/core/unicode-word.ts";

/** Every mention of the table's entities in `text`, found the slow way. */
export function referenceMentions(table: MatcherTable, text: string): Mention[] {
  const normalized = new TextNormalizer().normalize(text);
  const units = Array.from(normalized.units.subarray(0, normalized.length));
  const string = String.fromCharCode(...units);
  const found: Candidate[] = [];
  const glued = new Map<Candidate, number>();
  table.patterns.forEach(([pattern, entity, flags, exact]) => {
    const checks = checksFor(pattern, flags, exact, table.entities[entity]);
    for (let start = string.indexOf(pattern); start !== -1; start = string.indexOf(pattern, start + 1)) {
      const end = start + pattern.length;
      if (end < string.length && isWordUnit(units[end]!)) continue;
      if (flags & PatternFlag.arabicStart) {
        let wordStart = start;
        while (wordStart > 0 && isWordUnit(units[wordStart - 1]!)) wordStart--;
        const prefix = string.slice(wordStart, start);
        if (prefix.length > LONGEST_PROCLITIC) continue;
        if (flags & PatternFlag.elidedArticle ? !isLamPrefix(prefix) : !isProcliticPrefix(prefix)) continue;
      } else if (start > 0 && isWordUnit(units[start - 1]!)) {
        continue;
      }
      const from = normalized.starts[start]!;
      const to = normalized.ends[end - 1]!;
      if (flags & PatternFlag.caseSensitive && normalizeString(text.slice(from, to), { foldCase: false }) !== exact) continue;
      const before = Uint16Array.from(units.slice(0, start));
      if (!(flags & PatternFlag.notOurs) && isLongerThing(checks, pattern, text, from, to, before, before.length)) continue;
      const candidate: Candidate = { entity: flags & PatternFlag.notOurs ? NOT_OURS : entity, start, end, from, to };
      found.push(candidate);
      const continuation = checks & Check.continuation ? continuationOf(text, from, to) : -1;
      if (continuation !== -1) glued.set(candidate, continuation);
    }
  });
  // A name glued to a longer proper name stays a name only beside another name.
  const nameStarts = new Set(found.map((c) => c.from));
  const candidates = found.filter((c) => !glued.has(c) || nameStarts.has(glued.get(c)!));
  // The matcher finds candidates in order of their end; resolution sorts them stably.
  candidates.sort((x, y) => x.end - y.end);
  const progress = { mentions: [] as Mention[], reached: 0 };
  resolveMentions(candidates, text, 0, text.length, table.entities, progress);
  return progress.mentions;
}
