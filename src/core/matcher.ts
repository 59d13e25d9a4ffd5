/**
 * The matcher: finds every mention of every entity in a text, in one pass.
 *
 * An Aho–Corasick automaton over normalised UTF-16 code units, so the cost is linear in the
 * text and does not grow with the size of the dictionary. Normalisation is fused into the walk:
 * each code unit of the page's text is looked up once in a shared table of normalised forms
 * (`code-unit-forms.ts`) and fed to the automaton as it is read, with no normalised copy of the
 * text and no offset map; the original offsets of the last few units are kept in a small ring,
 * which is all a match needs. Matches are looked at only where a word ends (the next unit is not
 * a letter, digit or mark), and checked for Arabic proclitics and case-sensitive acronyms, and
 * against the context rules that tell when a name is part of something longer (a place name
 * continuing into a longer proper name, an acronym that is a currency prefix or a pronoun, an
 * Arabic country name used as its adjective). Then they are resolved leftmost-longest
 * (`resolve-mentions.ts`) into mentions with offsets in the original text. Names that are not
 * ours (the lexicon's and the datasets' exclusions) take part as candidates of `NOT_OURS`: where
 * one wins, it yields no mention and swallows every name inside it.
 *
 * The automaton (`automaton.ts`) is built from the compiled table (plain JSON) when the matcher
 * is created: shipping its arrays would cost the content script more bytes than the table.
 */
import { isAcronymMisread } from "./acronym-guards.ts";
import { isCommissionEarner } from "./affiliate-disclosure.ts";
import { isCityMagazine, isCityMagazineName } from "./city-magazine.ts";
import { isNisbaSpelling, readsAsAdjective } from "./arabic-adjective-use.ts";
import { isLamPrefix, isProcliticPrefix, LONGEST_PROCLITIC } from "./arabic-proclitics.ts";
import { type Automaton, BASE, buildAutomaton, buildAutomatonInSteps, CHECK, FAIL, HIT, NONE } from "./automaton.ts";
import { codeUnitForms, DROPPED, EXPANDS, UNKNOWN } from "./code-unit-forms.ts";
import { PatternFlag, type EntityRef, type MatcherTable } from "./matcher-table.ts";
import { isAfterHouseNumber } from "./house-number.ts";
import { continuationOf } from "./proper-name-continuation.ts";
import { NOT_OURS, resolveMentions, type Candidate, type MatchProgress, type Mention } from "./resolve-mentions.ts";
import { isSharedStateName, readsAsUsState } from "./us-state-reading.ts";
import { isInWebAddress } from "./web-address.ts";
import { isWordUnit } from "./unicode-word.ts";
import { isSoundInSteps } from "./automaton-codec.ts";
import { lazy } from "./lazy.ts";

export type { MatchProgress, Mention } from "./resolve-mentions.ts";

const SPACE = 0x20;
/**
 * Characters looked at before a slice besides the longest pattern (which may be a name not
 * ours that swallows the slice's first names): the context rules' reach, with room to spare.
 */
const SLICE_LOOKBEHIND = 160;
/** Original characters per normalised one, at most, that a slice's window allows for (marks, tatweel). */
const SLICE_LOOKAHEAD_FACTOR = 8;
/**
 * Normalised units before a match that its checks read: the proclitics and the word before
 * them, and the word before an Arabic name that the adjective rule reads (at most 25 units).
 */
const UNITS_BEFORE = 32;
/**
 * The unit the walk reads after the text's last: it ends a word, so a name there is reported
 * through the same call as every other, not one after the loop. A call after the loop had no
 * type feedback in V8 until a text ended on a name; the first time one did, the walk's optimised
 * code was thrown away and, in most processes, never made again: the matcher bench ran at 215 ms
 * a pass in those processes and 160 ms in the others.
 */
const END_OF_TEXT = -1;

/** Finds mentions of a compiled dictionary's entities in texts. */
export class Matcher {
  readonly entities: readonly EntityRef[];
  /** The automaton over the table's patterns (to keep for the next page). */
  readonly automaton: Automaton;
  private readonly patternLength: Uint32Array;
  private readonly patternEntity: Uint32Array;
  private readonly patternFlags: Uint8Array;
  private readonly patternExact: readonly (string | undefined)[];
  private readonly patternText: readonly string[];
  /** Which context rules a pattern's matches go through (`Check` bits). */
  private readonly patternChecks: Uint8Array;
  private readonly longestPattern: number;
  /** The last units read and the original offset each came from, at `count & ringMask`. */
  private readonly ringUnits: Uint16Array;
  private readonly ringStarts: Int32Array;
  private readonly ringMask: number;
  /** Where the last walk ended: the automaton's depth (a match still in progress) and its original start. */
  private partialDepth = 0;
  private partialStart = 0;

  /**
   * The matcher of `table`, built in steps of a few milliseconds (see `buildAutomatonInSteps`):
   * the page lets a frame render between them. An automaton kept from an earlier page for the
   * same patterns (`automaton-codec.ts`) is used if it is sound (checked in steps too), else
   * built afresh: `automaton` then is not `kept`.
   */
  static *buildInSteps(table: MatcherTable, kept?: Automaton): Generator<void, Matcher, void> {
    const sound = kept !== undefined && (yield* isSoundInSteps(kept, table.patterns.length));
    const automaton = sound ? kept : yield* buildAutomatonInSteps(table.patterns.map((row) => row[0]));
    yield;
    return new Matcher(table, automaton);
  }

  /** `automaton`, if given, must be the one `buildInSteps` built from `table`'s patterns. */
  constructor(table: MatcherTable, automaton?: Automaton) {
    this.entities = table.entities;
    const texts = table.patterns.map((row) => row[0]);
    this.automaton = automaton ?? buildAutomaton(texts);
    this.patternLength = Uint32Array.from(texts, (t) => t.length);
    this.patternEntity = Uint32Array.from(table.patterns, (row) => row[1]);
    this.patternFlags = Uint8Array.from(table.patterns, (row) => row[2]);
    this.patternExact = table.patterns.map((row) => row[3]);
    this.patternText = texts;
    this.patternChecks = Uint8Array.from(table.patterns, ([text, entity, flags, exact]) => checksFor(text, flags, exact, table.entities[entity]));
    this.longestPattern = this.patternLength.reduce((max, n) => Math.max(max, n), 0);
    let ring = 64;
    while (ring < this.longestPattern + UNITS_BEFORE + 1) ring *= 2;
    this.ringUnits = new Uint16Array(ring);
    this.ringStarts = new Int32Array(ring);
    this.ringMask = ring - 1;
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
   * around the slice is walked: the slice plus the longest alias (and then some) after it, and a
   * few characters before it for proclitics and word boundaries.
   */
  findMentionsFrom(text: string, from: number, to: number, progress: MatchProgress): void {
    // Far enough back for a name that began before the slice, and for the word before a name
    // that the context rules read.
    const windowStart = Math.max(0, from - SLICE_LOOKBEHIND - this.longestPattern * SLICE_LOOKAHEAD_FACTOR);
    let lookahead = this.longestPattern * SLICE_LOOKAHEAD_FACTOR + SLICE_LOOKBEHIND;
    let candidates: Candidate[];
    for (;;) {
      let windowEnd = Math.min(text.length, to + lookahead);
      // Never between the two halves of a surrogate pair: the walk would read the first alone, as
      // a unit no name has, and lose a name that the pair ends.
      const last = text.charCodeAt(windowEnd - 1);
      if (last >= 0xd800 && last <= 0xdbff && windowEnd < text.length) windowEnd++;
      candidates = this.candidates(text, windowStart, windowEnd);
      // The window may end inside a name that began in the slice (padded with invisible
      // characters, so longer than allowed for), or a name may end where the window does and
      // go on beyond it: then look further.
      if (windowEnd === text.length) break;
      let cut = this.partialDepth > 0 && this.partialStart < to;
      for (let k = 0; k < candidates.length && !cut; k++) cut = candidates[k]!.end === this.unitsRead;
      if (!cut) break;
      lookahead *= 2;
    }
    resolveMentions(candidates, text, from, to, this.entities, progress);
  }

  /** How many units the last walk read. */
  private unitsRead = 0;

  /**
   * Valid matches in text[from, to), normalised as it is read: each code unit's form comes from
   * the shared table, white space runs collapse to one space, and invisible characters vanish.
   */
  private candidates(text: string, from: number, to: number): Candidate[] {
    const found: Candidate[] = [];
    const forms = codeUnitForms(true);
    const single = forms.single;
    const { symbols, cells, rows } = this.automaton;
    const alphabetEnd = symbols.length;
    const { ringUnits, ringStarts, ringMask } = this;
    let state = 0;
    /** Units read so far. */
    let count = 0;
    let lastEnd = from;
    // Start as if after a space, so leading white space vanishes like repeated white space.
    let afterSpace = true;
    // The units of a character whose form is several units, and where they come from.
    let expansion = "";
    let next = 0;
    let expansionStart = 0;
    let expansionEnd = 0;
    let i = from;
    for (;;) {
      let u: number;
      let uStart: number;
      let uEnd: number;
      if (next < expansion.length) {
        u = expansion.charCodeAt(next++);
        uStart = expansionStart;
        uEnd = expansionEnd;
      } else if (i >= to) {
        u = END_OF_TEXT;
        uStart = i;
        uEnd = i;
      } else {
        const c = text.charCodeAt(i);
        u = single[c]!;
        if (u < 0 || (c >= 0xd800 && c <= 0xdbff)) {
          // Not yet looked up, vanishing, several units, or the first half of a surrogate pair.
          if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
            const low = text.charCodeAt(i + 1);
            if (low >= 0xdc00 && low <= 0xdfff) {
              expansion = forms.astralForm(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
              next = 0;
              expansionStart = i;
              expansionEnd = i + 2;
              i += 2;
              continue;
            }
          }
          if (u === UNKNOWN) u = forms.lookup(c);
          if (u === DROPPED) {
            i++;
            continue;
          }
          if (u === EXPANDS) {
            expansion = forms.expansion(c);
            next = 0;
            expansionStart = i;
            expansionEnd = i + 1;
            i++;
            continue;
          }
        }
        uStart = i;
        uEnd = ++i;
      }
      if (u === SPACE) {
        if (afterSpace) continue;
        afterSpace = true;
      } else {
        afterSpace = false;
      }
      // A name ends here only if this unit does not continue its word.
      const hit = cells[(state << 2) + HIT]!;
      if (hit !== NONE && (u === END_OF_TEXT || !isWordUnit(u))) this.report(hit, count, lastEnd, text, found);
      if (u === END_OF_TEXT) break;
      const symbol = u < alphabetEnd ? symbols[u]! : 0;
      if (symbol === 0) {
        state = 0;
      } else {
        // The root has a full row, so the failure chain ends at one.
        for (;;) {
          const b = cells[(state << 2) + BASE]!;
          if (b < 0) {
            state = rows[symbol - b - 1]!;
            break;
          }
          const target = b + symbol;
          if (cells[(target << 2) + CHECK] === state) {
            state = target;
            break;
          }
          state = cells[(state << 2) + FAIL]!;
        }
      }
      ringUnits[count & ringMask] = u;
      ringStarts[count & ringMask] = uStart;
      count++;
      lastEnd = uEnd;
    }
    const depth = this.automaton.depth[state]!;
    this.partialDepth = depth;
    this.partialStart = depth > 0 ? ringStarts[(count - depth) & ringMask]! : -1;
    this.unitsRead = count;
    return this.withoutGlued(found);
  }

  /**
   * Adds the valid matches that end after `end` units (the last of them ending at original offset
   * `lastEnd`), the next unit being no word character: the outputs of `hit` and of every state
   * along its failure chain that has one.
   */
  private report(hit: number, end: number, lastEnd: number, text: string, found: Candidate[]): void {
    const { output, cells } = this.automaton;
    for (let h = hit; h !== NONE; h = cells[(cells[(h << 2) + FAIL]! << 2) + HIT]!) {
      const pattern = output[h]!;
      const start = end - this.patternLength[pattern]!;
      if (!this.startsWord(pattern, start)) continue;
      const from = this.ringStarts[start & this.ringMask]!;
      const flags = this.patternFlags[pattern]!;
      if (flags & PatternFlag.caseSensitive && !hasExactForm(text, from, lastEnd, this.patternExact[pattern]!)) continue;
      const checks = this.patternChecks[pattern]!;
      if (flags & PatternFlag.notOurs) {
        found.push({ entity: NOT_OURS, start, end, from, to: lastEnd });
      } else if (checks === 0) {
        found.push({ entity: this.patternEntity[pattern]!, start, end, from, to: lastEnd });
      } else if (!isLongerThing(checks, this.patternText[pattern]!, text, from, lastEnd, this.before, checks & Check.nisba ? this.unitsBefore(start) : 0)) {
        const candidate: Candidate = { entity: this.patternEntity[pattern]!, start, end, from, to: lastEnd };
        found.push(candidate);
        const continuation = checks & Check.continuation ? continuationOf(text, from, lastEnd) : -1;
        if (continuation !== -1) (this.glued ??= new Map()).set(candidate, continuation);
      }
    }
  }

  /** Names that continue into a longer proper name, with where it continues (original offset). */
  private glued: Map<Candidate, number> | undefined;

  /**
   * A name glued to the next word is part of a longer name, unless another name (ours or not)
   * starts at that word: then the two stand side by side, as in a list of places.
   */
  private withoutGlued(found: Candidate[]): Candidate[] {
    const glued = this.glued;
    if (glued === undefined) return found;
    this.glued = undefined;
    const nameStarts = new Set(found.map((c) => c.from));
    return found.filter((c) => !glued.has(c) || nameStarts.has(glued.get(c)!));
  }

  /**
   * Whether a match starting `start` units into the walk begins a word: nothing of a word
   * before it, or, before a name that starts with an Arabic letter, only proclitics.
   */
  private startsWord(pattern: number, start: number): boolean {
    const { ringUnits, ringMask } = this;
    const flags = this.patternFlags[pattern]!;
    if (!(flags & PatternFlag.arabicStart)) return start === 0 || !isWordUnit(ringUnits[(start - 1) & ringMask]!);
    let wordStart = start;
    while (wordStart > 0 && isWordUnit(ringUnits[(wordStart - 1) & ringMask]!)) {
      wordStart--;
      if (start - wordStart > LONGEST_PROCLITIC) return false;
    }
    let prefix = "";
    for (let k = wordStart; k < start; k++) prefix += String.fromCharCode(ringUnits[k & ringMask]!);
    return flags & PatternFlag.elidedArticle ? isLamPrefix(prefix) : isProcliticPrefix(prefix);
  }

  /**
   * Copies up to UNITS_BEFORE normalised units before the unit `start` of the walk into
   * `this.before`, for the rules that read them; returns how many.
   */
  private unitsBefore(start: number): number {
    const n = Math.min(start, UNITS_BEFORE);
    for (let k = 0; k < n; k++) this.before[k] = this.ringUnits[(start - n + k) & this.ringMask]!;
    return n;
  }

  private readonly before = new Uint16Array(UNITS_BEFORE);
}

/**
 * Whether text[from, to) normalised with its case kept is `exact` (a case-sensitive alias's
 * form): `normalizeString` without building the string, since "US" matches on every page.
 */
function hasExactForm(text: string, from: number, to: number, exact: string): boolean {
  const forms = codeUnitForms(false);
  let k = 0;
  let afterSpace = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // The character's form: one unit `u`, or several (`form`).
    let u = 0;
    let form: string | undefined;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        form = forms.astralForm(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
        i++;
      }
    }
    if (form === undefined) {
      u = forms.lookup(c);
      if (u === DROPPED) continue;
      if (u === EXPANDS) form = forms.expansion(c);
    }
    const units = form === undefined ? 1 : form.length;
    for (let j = 0; j < units; j++) {
      const unit = form === undefined ? u : form.charCodeAt(j);
      if (unit === SPACE) {
        if (afterSpace) continue;
        afterSpace = true;
      } else {
        afterSpace = false;
      }
      if (k === exact.length || exact.charCodeAt(k++) !== unit) return false;
    }
  }
  return k === exact.length;
}

/**
 * Whether the context shows that a valid match of one of our names names something else.
 * Rules read the original text around [from, to) in original offsets; the adjective rule reads
 * the normalised units before the name instead: `before[0, beforeLength)`, given only when the
 * pattern has `Check.nisba`.
 */
export function isLongerThing(checks: number, name: string, text: string, from: number, to: number, before: Uint16Array, beforeLength: number): boolean {
  if (checks & Check.acronym && isAcronymMisread(text, from, to)) return true;
  if (checks & Check.address && isInWebAddress(text, from, to)) return true;
  if (checks & Check.nisba && readsAsAdjective(name, before, beforeLength)) return true;
  if (checks & Check.state && readsAsUsState(text, from, to)) return true;
  if (checks & Check.houseNumber && isAfterHouseNumber(text, from, to)) return true;
  if (checks & Check.commission && isCommissionEarner(text, from, to)) return true;
  if (checks & Check.magazine && isCityMagazine(text, from, to)) return true;
  return false;
}

/** The context rules a pattern's matches go through. */
export const Check = {
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
const LATIN_START = lazy(() => /^\p{Script=Latin}/u);

/** The context rules (`Check` bits) a pattern's matches go through. */
export function checksFor(text: string, flags: number, exact: string | undefined, entity: EntityRef | undefined): number {
  if (flags & PatternFlag.notOurs || entity === undefined) return 0;
  let checks = 0;
  if (flags & PatternFlag.caseSensitive && exact !== undefined && ACRONYM.test(exact)) checks |= Check.acronym;
  const latin = LATIN_START().test(text);
  if (latin) checks |= Check.address | Check.commission;
  if (entity.type === "place" && latin) checks |= Check.continuation | Check.houseNumber;
  if (entity.type === "place" && isSharedStateName(text)) checks |= Check.state;
  if (entity.type === "place" && isCityMagazineName(text)) checks |= Check.magazine;
  if (entity.type === "place" && !(flags & PatternFlag.elidedArticle) && isNisbaSpelling(text)) checks |= Check.nisba;
  return checks;
}
