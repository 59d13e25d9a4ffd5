/**
 * The matcher: finds every mention of every entity in a text, in one pass.
 *
 * An Aho–Corasick automaton over normalised UTF-16 code units, so the cost is linear in the
 * text and does not grow with the size of the dictionary. Candidates are checked for whole-word
 * boundaries (Unicode letters and digits), Arabic proclitics and case-sensitive acronyms, and
 * against the context rules that tell when a name is part of something longer (a place name
 * continuing into a longer proper name, an acronym that is a currency prefix or a pronoun, an
 * Arabic country name used as its adjective). Then they are resolved leftmost-longest into
 * mentions with offsets in the original text: non-overlapping at the top level, and inside a
 * mention the names of other entities it contains, resolved by the same rule (a place inside an
 * event's name). Names that are not ours (the lexicon's and the datasets' exclusions) take part
 * as candidates of `NOT_OURS`: where one wins, it yields no mention and swallows every name
 * inside it.
 *
 * The automaton is built from the compiled table when the matcher is created: the table ships
 * normalised, sorted-ready patterns, and building goto and failure links from them is a linear
 * pass (well under a millisecond for the bundled dictionary) that costs fewer bytes than
 * shipping the links.
 */
import { isAcronymMisread } from "./acronym-guards.ts";
import { isCommissionEarner } from "./affiliate-disclosure.ts";
import { isCityMagazine, isCityMagazineName } from "./city-magazine.ts";
import { isNisbaSpelling, readsAsAdjective } from "./arabic-adjective-use.ts";
import { isLamPrefix, isProcliticPrefix, LONGEST_PROCLITIC } from "./arabic-proclitics.ts";
import { PatternFlag, type EntityRef, type MatcherTable } from "./matcher-table.ts";
import { TextNormalizer, normalizeString, type NormalizedText } from "./normalize-text.ts";
import { isAfterHouseNumber } from "./house-number.ts";
import { continuationOf } from "./proper-name-continuation.ts";
import { isSharedStateName, readsAsUsState } from "./us-state-reading.ts";
import { isInWebAddress } from "./web-address.ts";
import { isCombiningUnit, isWordUnit } from "./unicode-word.ts";

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

/** The entity of a candidate that is a name not ours (a `PatternFlag.notOurs` pattern). */
const NOT_OURS = -1;

/** Where matching a text in slices has got to: the mentions so far, and where the last name taken ends. */
export interface MatchProgress {
  readonly mentions: Mention[];
  /** The end of the last top-level name taken, ours or not: nothing may start before it. */
  reached: number;
}

/** A name taken that later candidates may lie inside: a mention (`index` in the list) or a name not ours. */
interface OpenName {
  start: number;
  end: number;
  entity: number;
  index: number;
}

const NONE = -1;
/**
 * The root state's edges for code units below U+0700 (Latin, Greek, Cyrillic, Arabic) sit in
 * a direct table: most steps of a text fall back to the root, and a table is faster there
 * than a binary search over the root's many edges. Seven kilobytes, not the 256 a full table
 * would cost in every frame of every page.
 */
const ROOT_TABLE_SIZE = 0x0700;
/**
 * Characters looked at before a slice besides the longest pattern (which may be a name not
 * ours that swallows the slice's first names): the context rules' reach, with room to spare.
 */
const SLICE_LOOKBEHIND = 160;
/** Original characters per normalised one, at most, that a slice's window allows for (marks, tatweel). */
const SLICE_LOOKAHEAD_FACTOR = 8;

/** An Aho–Corasick automaton with sorted edge lists (compressed sparse rows). */
interface Automaton {
  edgeStart: Uint32Array;
  edgeUnit: Uint16Array;
  edgeTarget: Uint32Array;
  fail: Uint32Array;
  /** The pattern that ends at a state, or NONE. */
  output: Int32Array;
  /** The nearest state along the failure chain that has an output, or NONE. */
  outputLink: Int32Array;
  /** How many units a state is from the root: the length of the partial match it stands for. */
  depth: Uint32Array;
}

/** A growable Int32 array, for building the trie without knowing its size in advance. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(value: number): number {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = value;
    return this.length++;
  }
}

function findEdge(a: Automaton, state: number, unit: number): number {
  let lo = a.edgeStart[state]!;
  let hi = a.edgeStart[state + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const u = a.edgeUnit[mid]!;
    if (u === unit) return a.edgeTarget[mid]!;
    if (u < unit) lo = mid + 1;
    else hi = mid - 1;
  }
  return NONE;
}

function buildAutomaton(texts: readonly string[]): Automaton {
  const order = texts.map((_, i) => i).sort((a, b) => (texts[a]! < texts[b]! ? -1 : texts[a]! > texts[b]! ? 1 : 0));
  const totalUnits = texts.reduce((sum, t) => sum + t.length, 0);
  // Trie as first-child / next-sibling lists. Patterns are inserted in sorted order, so a
  // state's children arrive sorted and the child to follow is always its most recent one.
  const unit = new IntList(totalUnits + 1);
  const firstChild = new IntList(totalUnits + 1);
  const lastChild = new IntList(totalUnits + 1);
  const nextSibling = new IntList(totalUnits + 1);
  const output = new IntList(totalUnits + 1);
  const newState = (u: number): number => {
    unit.push(u);
    firstChild.push(NONE);
    lastChild.push(NONE);
    nextSibling.push(NONE);
    return output.push(NONE);
  };
  newState(0);
  for (const p of order) {
    const text = texts[p]!;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i);
      const last = lastChild.data[s]!;
      if (last !== NONE && unit.data[last] === u) {
        s = last;
        continue;
      }
      const child = newState(u);
      if (last === NONE) firstChild.data[s] = child;
      else nextSibling.data[last] = child;
      lastChild.data[s] = child;
      s = child;
    }
    if (output.data[s] === NONE) output.data[s] = p;
  }
  const states = output.length;
  const depth = new Uint32Array(states);
  const edgeStart = new Uint32Array(states + 1);
  const edgeUnit = new Uint16Array(Math.max(0, states - 1));
  const edgeTarget = new Uint32Array(Math.max(0, states - 1));
  let e = 0;
  for (let s = 0; s < states; s++) {
    edgeStart[s] = e;
    for (let c = firstChild.data[s]!; c !== NONE; c = nextSibling.data[c]!) {
      depth[c] = depth[s]! + 1;
      edgeUnit[e] = unit.data[c]!;
      edgeTarget[e] = c;
      e++;
    }
  }
  edgeStart[states] = e;
  const automaton: Automaton = {
    edgeStart,
    edgeUnit,
    edgeTarget,
    fail: new Uint32Array(states),
    output: output.data.slice(0, states),
    outputLink: new Int32Array(states).fill(NONE),
    depth,
  };
  // Failure links, breadth first.
  const queue = new Uint32Array(states);
  let head = 0;
  let tail = 0;
  for (let k = edgeStart[0]!; k < edgeStart[1]!; k++) queue[tail++] = edgeTarget[k]!;
  while (head < tail) {
    const s = queue[head++]!;
    for (let k = edgeStart[s]!; k < edgeStart[s + 1]!; k++) {
      const child = edgeTarget[k]!;
      const u = edgeUnit[k]!;
      let f = automaton.fail[s]!;
      let target = findEdge(automaton, f, u);
      while (target === NONE && f !== 0) {
        f = automaton.fail[f]!;
        target = findEdge(automaton, f, u);
      }
      const fail = target === NONE ? 0 : target;
      automaton.fail[child] = fail;
      automaton.outputLink[child] = automaton.output[fail] !== NONE ? fail : automaton.outputLink[fail]!;
      queue[tail++] = child;
    }
  }
  return automaton;
}

/** Finds mentions of a compiled dictionary's entities in texts. */
export class Matcher {
  readonly entities: readonly EntityRef[];
  private readonly automaton: Automaton;
  private readonly rootNext = new Int32Array(ROOT_TABLE_SIZE).fill(NONE);
  private readonly patternLength: Uint32Array;
  private readonly patternEntity: Uint32Array;
  private readonly patternFlags: Uint8Array;
  private readonly patternExact: readonly (string | undefined)[];
  private readonly patternText: readonly string[];
  /** Which context rules a pattern's matches go through (`Check` bits). */
  private readonly patternChecks: Uint8Array;
  private readonly longestPattern: number;
  /** The automaton's depth when the last `candidates` pass ended: a match still in progress. */
  private depthAtEnd = 0;
  private readonly normalizer = new TextNormalizer();

  constructor(table: MatcherTable) {
    this.entities = table.entities;
    const texts = table.patterns.map((row) => row[0]);
    this.automaton = buildAutomaton(texts);
    this.patternLength = Uint32Array.from(texts, (t) => t.length);
    this.patternEntity = Uint32Array.from(table.patterns, (row) => row[1]);
    this.patternFlags = Uint8Array.from(table.patterns, (row) => row[2]);
    this.patternExact = table.patterns.map((row) => row[3]);
    this.patternText = texts;
    this.patternChecks = Uint8Array.from(table.patterns, ([text, entity, flags, exact]) => checksFor(text, flags, exact, table.entities[entity]));
    this.longestPattern = this.patternLength.reduce((max, n) => Math.max(max, n), 0);
    const a = this.automaton;
    for (let k = a.edgeStart[0]!; k < a.edgeStart[1]!; k++) {
      const unit = a.edgeUnit[k]!;
      if (unit < ROOT_TABLE_SIZE) this.rootNext[unit] = a.edgeTarget[k]!;
    }
  }

  /** The state after reading `unit` in `state`, or NONE (no failure links followed). */
  private step(state: number, unit: number): number {
    return state === 0 && unit < ROOT_TABLE_SIZE ? this.rootNext[unit]! : findEdge(this.automaton, state, unit);
  }

  /** Every mention in `text`, in order (an outer mention before those inside it), with offsets into `text`. */
  findMentions(text: string): Mention[] {
    const progress: MatchProgress = { mentions: [], reached: 0 };
    this.findMentionsFrom(text, 0, text.length, progress);
    return progress.mentions;
  }

  /**
   * Adds to `progress` the mentions of `text` whose top-level name starts in [from, to) after
   * `progress.reached`, with the mentions nested in them, so a very long text can be matched in
   * slices, with a pause between them, and give exactly what one pass would. Only a window
   * around the slice is normalised: the slice plus the longest alias (and then some) after it,
   * and a few characters before it for proclitics and word boundaries.
   */
  findMentionsFrom(text: string, from: number, to: number, progress: MatchProgress): void {
    // Far enough back for a name that began before the slice, and for the word before a name
    // that the context rules read.
    const windowStart = Math.max(0, from - SLICE_LOOKBEHIND - this.longestPattern * SLICE_LOOKAHEAD_FACTOR);
    let lookahead = this.longestPattern * SLICE_LOOKAHEAD_FACTOR + SLICE_LOOKBEHIND;
    let windowEnd: number;
    let slice: string;
    let normalized: NormalizedText;
    let candidates: Mention[];
    for (;;) {
      windowEnd = Math.min(text.length, to + lookahead);
      slice = windowStart === 0 && windowEnd === text.length ? text : text.slice(windowStart, windowEnd);
      normalized = this.normalizer.normalize(slice);
      candidates = this.candidates(normalized, slice);
      // The window may end inside a name that began in the slice (padded with invisible
      // characters, so longer than allowed for): then look further.
      const partial = this.depthAtEnd;
      const cut = windowEnd < text.length && (
        (partial > 0 && windowStart + normalized.starts[normalized.length - partial]! < to) ||
        candidates.some((c) => c.end === normalized.length)
      );
      if (!cut) break;
      lookahead *= 2;
    }
    if (candidates.length === 0) return;
    // Leftmost, then longest; of two names on the same span, the one not ours.
    candidates.sort((x, y) => x.start - y.start || y.end - x.end || x.entity - y.entity);
    const { mentions } = progress;
    // The names taken that the current candidate may lie inside, outermost first.
    const open: OpenName[] = [];
    for (const c of candidates) {
      while (open.length > 0 && open[open.length - 1]!.end <= c.start) open.pop();
      const parent = open[open.length - 1];
      let outer: number | undefined;
      if (parent === undefined) {
        const start = windowStart + normalized.starts[c.start]!;
        if (start < from || start < progress.reached) continue;
        if (start >= to) break;
      } else {
        // Inside a name not ours, across the end of a name taken, the same span again, or a
        // shorter alias of an entity already named around it: nothing new for the reader.
        if (parent.entity === NOT_OURS || c.end > parent.end || (c.start === parent.start && c.end === parent.end)) continue;
        if (open.some((o) => o.entity === c.entity)) continue;
        // An event's name inside a longer event's name names another event, not a part of it:
        // the April talks' "US-Russia talks in Istanbul" inside "first round of US-Russia talks in
        // Istanbul" (February) would open the wrong event's card.
        if (c.entity !== NOT_OURS && this.entities[c.entity]!.type === "event" && this.entities[parent.entity]!.type === "event") continue;
        outer = parent.index;
      }
      const name: OpenName = { start: c.start, end: c.end, entity: c.entity, index: -1 };
      open.push(name);
      const end = windowStart + extendOverMarks(slice, normalized.ends[c.end - 1]!);
      if (parent === undefined) progress.reached = end;
      if (c.entity === NOT_OURS) continue;
      const start = windowStart + normalized.starts[c.start]!;
      name.index = mentions.push(outer === undefined ? { entity: c.entity, start, end } : { entity: c.entity, start, end, outer }) - 1;
    }
  }

  /** Valid matches as (entity or NOT_OURS, start, end) in normalised units, in order of their end. */
  private candidates(normalized: NormalizedText, original: string): Mention[] {
    const a = this.automaton;
    const { units, length } = normalized;
    const found: Mention[] = [];
    /** Names that continue into a longer proper name, with where it continues (original offset). */
    let glued: Map<Mention, number> | undefined;
    let state = 0;
    for (let i = 0; i < length; i++) {
      const u = units[i]!;
      let next = this.step(state, u);
      while (next === NONE && state !== 0) {
        state = a.fail[state]!;
        next = this.step(state, u);
      }
      state = next === NONE ? 0 : next;
      let hit = a.output[state] !== NONE ? state : a.outputLink[state]!;
      while (hit !== NONE) {
        const pattern = a.output[hit]!;
        const end = i + 1;
        const start = end - this.patternLength[pattern]!;
        if (this.isValid(pattern, start, end, normalized, original)) {
          const checks = this.patternChecks[pattern]!;
          if (this.patternFlags[pattern]! & PatternFlag.notOurs) found.push({ entity: NOT_OURS, start, end });
          else if (checks === 0) found.push({ entity: this.patternEntity[pattern]!, start, end });
          else if (!this.isLongerThing(checks, pattern, start, end, normalized, original)) {
            const candidate = { entity: this.patternEntity[pattern]!, start, end };
            found.push(candidate);
            const continuation = checks & Check.continuation ? continuationOf(original, normalized.starts[start]!, normalized.ends[end - 1]!) : -1;
            if (continuation !== -1) (glued ??= new Map()).set(candidate, continuation);
          }
        }
        hit = a.outputLink[hit]!;
      }
    }
    this.depthAtEnd = a.depth[state]!;
    if (glued === undefined) return found;
    // A name glued to the next word is part of a longer name, unless another name (ours or not)
    // starts at that word: then the two stand side by side, as in a list of places.
    const nameStarts = new Set(found.map((c) => normalized.starts[c.start]!));
    return found.filter((c) => !glued.has(c) || nameStarts.has(glued.get(c)!));
  }

  private isValid(pattern: number, start: number, end: number, normalized: NormalizedText, original: string): boolean {
    const { units, length } = normalized;
    if (end < length && isWordUnit(units[end]!)) return false;
    const flags = this.patternFlags[pattern]!;
    if (flags & PatternFlag.arabicStart) {
      let wordStart = start;
      while (wordStart > 0 && isWordUnit(units[wordStart - 1]!)) {
        wordStart--;
        if (start - wordStart > LONGEST_PROCLITIC) return false;
      }
      const prefix = String.fromCharCode(...units.subarray(wordStart, start));
      if (flags & PatternFlag.elidedArticle ? !isLamPrefix(prefix) : !isProcliticPrefix(prefix)) return false;
    } else if (start > 0 && isWordUnit(units[start - 1]!)) {
      return false;
    }
    if (flags & PatternFlag.caseSensitive) {
      const slice = original.slice(normalized.starts[start]!, normalized.ends[end - 1]!);
      if (normalizeString(slice, { foldCase: false }) !== this.patternExact[pattern]) return false;
    }
    return true;
  }

  /** Whether the context shows that a valid match of one of our names names something else. */
  private isLongerThing(checks: number, pattern: number, start: number, end: number, normalized: NormalizedText, original: string): boolean {
    const from = normalized.starts[start]!;
    const to = normalized.ends[end - 1]!;
    if (checks & Check.acronym && isAcronymMisread(original, from, to)) return true;
    if (checks & Check.address && isInWebAddress(original, from, to)) return true;
    if (checks & Check.nisba && readsAsAdjective(this.patternText[pattern]!, normalized.units, start)) return true;
    if (checks & Check.state && readsAsUsState(original, from, to)) return true;
    if (checks & Check.houseNumber && isAfterHouseNumber(original, from, to)) return true;
    if (checks & Check.commission && isCommissionEarner(original, from, to)) return true;
    if (checks & Check.magazine && isCityMagazine(original, from, to)) return true;
    return false;
  }
}

/** The context rules a pattern's matches go through. */
const Check = {
  /** A case-sensitive acronym ("US"): currency prefix, locale code, pronoun in capitals. */
  acronym: 1,
  /** A Latin-script place name: glued to a capitalised word into a longer proper name. */
  continuation: 2,
  /** An Arabic place name spelled like its adjective: used as the adjective. */
  nisba: 4,
  /** A Latin-script name: part of a web or e-mail address. */
  address: 8,
  /** A place named like a US state ("New York", «واشنطن»): a sentence that names the state. */
  state: 16,
  /** A Latin-script place name: a street after a house number ("at 80 New York."). */
  houseNumber: 32,
  /** A Latin-script name: the publisher in an affiliate disclosure ("may earn New York a commission"). */
  commission: 64,
  /** A place whose city magazine bears its name ("New York"): the magazine talked to or its report. */
  magazine: 128,
} as const;

const ACRONYM = /^[A-Z]{2,4}$/;
const LATIN_START = /^\p{Script=Latin}/u;

function checksFor(text: string, flags: number, exact: string | undefined, entity: EntityRef | undefined): number {
  if (flags & PatternFlag.notOurs || entity === undefined) return 0;
  let checks = 0;
  if (flags & PatternFlag.caseSensitive && exact !== undefined && ACRONYM.test(exact)) checks |= Check.acronym;
  if (LATIN_START.test(text)) checks |= Check.address | Check.commission;
  if (entity.type === "place" && LATIN_START.test(text)) checks |= Check.continuation | Check.houseNumber;
  if (entity.type === "place" && isSharedStateName(text)) checks |= Check.state;
  if (entity.type === "place" && isCityMagazineName(text)) checks |= Check.magazine;
  if (entity.type === "place" && !(flags & PatternFlag.elidedArticle) && isNisbaSpelling(text)) checks |= Check.nisba;
  return checks;
}

/** Moves a mention's end past combining marks that follow its last letter (a final vowel sign). */
function extendOverMarks(text: string, end: number): number {
  while (end < text.length && isCombiningUnit(text.charCodeAt(end))) end++;
  return end;
}
