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

/**
 * While `resolveMentions` runs: the names taken that the current candidate may lie inside,
 * outermost first, and for each the index of its mention in the list (-1 for a name not ours).
 * Two arrays kept from call to call, not an object a name and two arrays a call: on the bench's
 * 2 MB page this function's allocations during the scan went from 4.2 MB to 2.2–2.5 MB (the
 * mentions themselves; sampled heap profiles), together with sorting only runs out of order.
 */
const openNames: Candidate[] = [];
const openMentionIndex: number[] = [];

/**
 * Adds to `progress` the mentions whose top-level name starts in [from, until) of `text` and
 * after `progress.reached`, with the mentions nested in them. Sorts `candidates` in place.
 */
export function resolveMentions(candidates: Candidate[], text: string, from: number, until: number, entities: readonly EntityRef[], progress: MatchProgress): void {
  if (candidates.length === 0) return;
  // Leftmost, then longest; of two names on the same span, the one not ours. The walk reports
  // names in the order they end, which is already this order unless a name lies inside another.
  if (!isInOrder(candidates)) candidates.sort(byPosition);
  const { mentions } = progress;
  const open = openNames;
  const openIndex = openMentionIndex;
  for (const c of candidates) {
    while (open.length > 0 && open[open.length - 1]!.end <= c.start) {
      open.pop();
      openIndex.pop();
    }
    const parent = open[open.length - 1];
    let outer: number | undefined;
    if (parent === undefined) {
      if (c.from < from || c.from < progress.reached) continue;
      if (c.from >= until) break;
    } else {
      // Inside a name not ours, across the end of a name taken, the same span again, or a
      // shorter alias of an entity already named around it: nothing new for the reader.
      if (parent.entity === NOT_OURS || c.end > parent.end || (c.start === parent.start && c.end === parent.end)) continue;
      if (isOpen(open, c.entity)) continue;
      // An event's name inside a longer event's name names another event, not a part of it:
      // the April talks' "US-Russia talks in Istanbul" inside "first round of US-Russia talks in
      // Istanbul" (February) would open the wrong event's card.
      if (c.entity !== NOT_OURS && entities[c.entity]!.type === "event" && entities[parent.entity]!.type === "event") continue;
      outer = openIndex[openIndex.length - 1];
    }
    const end = extendOverMarks(text, c.to);
    if (parent === undefined) progress.reached = end;
    open.push(c);
    if (c.entity === NOT_OURS) openIndex.push(-1);
    else openIndex.push(mentions.push(outer === undefined ? { entity: c.entity, start: c.from, end } : { entity: c.entity, start: c.from, end, outer }) - 1);
  }
  open.length = 0;
  openIndex.length = 0;
}

/** Leftmost, then longest; of two names on the same span, the one not ours (NOT_OURS is -1). */
function byPosition(x: Candidate, y: Candidate): number {
  return x.start - y.start || y.end - x.end || x.entity - y.entity;
}

/** Whether the candidates are sorted by `byPosition` already (no sort, and its scratch array, for them). */
function isInOrder(candidates: readonly Candidate[]): boolean {
  for (let k = 1; k < candidates.length; k++) if (byPosition(candidates[k - 1]!, candidates[k]!) > 0) return false;
  return true;
}

/** Whether a name of `entity` is among the open names. */
function isOpen(open: readonly Candidate[], entity: number): boolean {
  for (let k = 0; k < open.length; k++) if (open[k]!.entity === entity) return true;
  return false;
}

/** Moves a mention's end past combining marks that follow its last letter (a final vowel sign). */
function extendOverMarks(text: string, end: number): number {
  while (end < text.length && isCombiningUnit(text.charCodeAt(end))) end++;
  return end;
}
