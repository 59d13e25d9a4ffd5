/**
 * Leftmost-longest resolution of a text's candidates into mentions, with names inside names:
 * the step after the automaton, shared by every way of finding candidates (the matcher's fused
 * walk, and the plain reference the property tests hold it to).
 */
import type { EntityRef } from "./matcher-table.ts";
import { isCombiningUnit } from "./unicode-word.ts";

/**
 * A mention: the entity (index into the table's entities) and its original offsets. A mention
 * inside a longer mention of another entity has `outer`, the index of the one that encloses it
 * in the list it was returned in.
 */
export interface Mention {
  entity: number;
  start: number;
  end: number;
  outer?: number;
}

/** Where matching a text in slices has got to: the mentions so far, and where the last name taken ends. */
export interface MatchProgress {
  readonly mentions: Mention[];
  /** The end of the last top-level name taken, ours or not: nothing may start before it. */
  reached: number;
}

/** The entity of a candidate that is a name not ours (a `PatternFlag.notOurs` pattern). */
export const NOT_OURS = -1;

/**
 * A valid match: entity (or NOT_OURS); `start` and `end` in normalised units, which order and
 * nest candidates; `from` and `to`, the original offsets of its first and last characters.
 */
export interface Candidate {
  entity: number;
  start: number;
  end: number;
  from: number;
  to: number;
}

/** A name taken that later candidates may lie inside: a mention (`index` in the list) or a name not ours. */
interface OpenName {
  start: number;
  end: number;
  entity: number;
  index: number;
}

/**
 * Adds to `progress` the mentions whose top-level name starts in [from, until) of `text` and
 * after `progress.reached`, with the mentions nested in them. Sorts `candidates` in place.
 */
export function resolveMentions(candidates: Candidate[], text: string, from: number, until: number, entities: readonly EntityRef[], progress: MatchProgress): void {
  if (candidates.length === 0) return;
  // Leftmost, then longest; of two names on the same span, the one not ours.
  if (candidates.length > 1) candidates.sort((x, y) => x.start - y.start || y.end - x.end || x.entity - y.entity);
  const { mentions } = progress;
  // The names taken that the current candidate may lie inside, outermost first.
  const open: OpenName[] = [];
  for (const c of candidates) {
    while (open.length > 0 && open[open.length - 1]!.end <= c.start) open.pop();
    const parent = open[open.length - 1];
    let outer: number | undefined;
    if (parent === undefined) {
      if (c.from < from || c.from < progress.reached) continue;
      if (c.from >= until) break;
    } else {
      // Inside a name not ours, across the end of a name taken, the same span again, or a
      // shorter alias of an entity already named around it: nothing new for the reader.
      if (parent.entity === NOT_OURS || c.end > parent.end || (c.start === parent.start && c.end === parent.end)) continue;
      if (open.some((o) => o.entity === c.entity)) continue;
      // An event's name inside a longer event's name names another event, not a part of it:
      // the April talks' "US-Russia talks in Istanbul" inside "first round of US-Russia talks in
      // Istanbul" (February) would open the wrong event's card.
      if (c.entity !== NOT_OURS && entities[c.entity]!.type === "event" && entities[parent.entity]!.type === "event") continue;
      outer = parent.index;
    }
    const name: OpenName = { start: c.start, end: c.end, entity: c.entity, index: -1 };
    open.push(name);
    const end = extendOverMarks(text, c.to);
    if (parent === undefined) progress.reached = end;
    if (c.entity === NOT_OURS) continue;
    name.index = mentions.push(outer === undefined ? { entity: c.entity, start: c.from, end } : { entity: c.entity, start: c.from, end, outer }) - 1;
  }
}

/** Moves a mention's end past combining marks that follow its last letter (a final vowel sign). */
function extendOverMarks(text: string, end: number): number {
  while (end < text.length && isCombiningUnit(text.charCodeAt(end))) end++;
  return end;
}
