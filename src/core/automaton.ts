/**
 * The matcher's Aho–Corasick automaton over normalised UTF-16 code units, in a double array.
 *
 * Transitions live in a double array (base + symbol, checked by owner) over a dense alphabet:
 * the units that occur in some pattern, numbered from 1. A unit outside it sends the automaton
 * straight back to the root. Two array reads per step, whatever the size of the dictionary.
 *
 * The states nearest the root — where a walk over ordinary text spends most of its steps, as
 * each word starts a name or two for a letter or so and then falls back — also get a full row
 * of transitions (`rows`), failure links already followed, so a step from them is one read and
 * no branch: the shallowest whole levels of the trie that fit in ROW_BUDGET. On the matcher
 * bench's corpus (3.6 M units, Node) the first 64 states' rows took `findMentions` from 172 to
 * 161 ms, and whole levels (the bundled dictionary's first three, 226 rows; the root and its
 * children for 50,000 names) the bare walk a little further; 256 rows cut at an arbitrary state
 * were slower. A full row for every state would take the bare transitions from 73 to 23 ms, but
 * the bundled dictionary's 8,575 states would need 1.7 MB.
 */

/** A free slot of `check`, a state with no output, a missing state. */
export const NONE = -1;

/** Slots tried, beyond which the search for a place for several children starts further on next time. */
const LONG_SEARCH = 16;
/** A build in steps (`buildAutomatonInSteps`) also gives back after every 4,096 patterns inserted and states placed. */
const STEP_MASK = 4095;
/**
 * Transitions in full rows at most (104 KB): the root's row and those of the shallowest whole
 * levels that fit (the bundled dictionary: the root, its 51 children and their 174 children;
 * 50,000 names: the root and its 84 children).
 */
const ROW_BUDGET = 26_000;

/**
 * Where a state's fields sit in `Automaton.cells`: each state (a slot of the double array) has
 * four Int32 cells side by side, `state << 2` onward, so that a step reads one cache line, not
 * one per array: on a dictionary of 50,000 names (half a million states, 8 MB) the walk's steps
 * below the first rows missed the cache in four arrays.
 */
export const BASE = 0;
export const CHECK = 1;
export const FAIL = 2;
export const HIT = 3;

/** An Aho–Corasick automaton in a double array. */
export interface Automaton {
  /** Normalised unit → symbol (1…), or 0 for a unit no pattern contains; as long as the largest such unit + 1. */
  symbols: Uint16Array;
  /**
   * Per state `s`, at `(s << 2) + field`:
   * - BASE: the state's children are at `base + symbol`… For a state with a full row, BASE is
   *   negative instead: its next state for `symbol` is `rows[symbol - base - 1]`.
   * - CHECK: …where CHECK names their parent (NONE for a free slot).
   * - FAIL: the failure link.
   * - HIT: the state itself if it has an output, else the nearest state along its failure chain
   *   that has one, or NONE.
   */
  cells: Int32Array;
  /** The pattern that ends at a state, or NONE; indexed by state. */
  output: Int32Array;
  /** How many units a state is from the root (the length of the partial match it stands for); indexed by state. */
  depth: Int32Array;
  /** The full rows, one after another, each as long as the alphabet + 1 (see `cells`). */
  rows: Int32Array;
}

/** A copy of `array` `size` long (at least), its new entries NONE. */
function grown(array: Int32Array, size: number): Int32Array {
  const next = new Int32Array(Math.max(size, array.length * 2)).fill(NONE);
  next.set(array);
  return next;
}

/** Numbers the units that occur in the patterns 1, 2, … in order of code unit. */
function alphabetOf(texts: readonly string[]): Uint16Array {
  let largest = -1;
  const seen = new Set<number>();
  for (let p = 0; p < texts.length; p++) {
    const text = texts[p]!;
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i);
      seen.add(u);
      if (u > largest) largest = u;
    }
  }
  const symbols = new Uint16Array(largest + 1);
  const units = Int32Array.from(seen).sort();
  for (let k = 0; k < units.length; k++) symbols[units[k]!] = k + 1;
  return symbols;
}

/** The automaton that finds every one of `texts` (pattern `i` is `texts[i]`; of equal texts, the first). */
export function buildAutomaton(texts: readonly string[]): Automaton {
  const steps = buildAutomatonInSteps(texts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `buildAutomaton` in steps of a few milliseconds each, so that a page can render a frame
 * between them: the build is 20–50 ms on a cold start, right after load. It is built once per
 * page, cold: the first run of this code is the interpreter's, so it is written as plain loops
 * over typed arrays, with no call, closure or iterator per state (with them, the bundled
 * dictionary's build took 43.5 ms in the bench page; without, 21.0 ms).
 */
export function* buildAutomatonInSteps(texts: readonly string[]): Generator<void, Automaton, void> {
  const symbols = alphabetOf(texts);
  const order = texts.map((_, i) => i).sort((a, b) => (texts[a]! < texts[b]! ? -1 : texts[a]! > texts[b]! ? 1 : 0));
  yield;
  let totalUnits = 0;
  for (let p = 0; p < texts.length; p++) totalUnits += texts[p]!.length;
  // A trie as first-child / next-sibling lists, at most one state per unit plus the root.
  // Patterns are inserted in sorted order, so a state's children arrive sorted (by unit, so by
  // symbol) and the child to follow is always its most recent one.
  const capacity = totalUnits + 1;
  const symbol = new Int32Array(capacity);
  const firstChild = new Int32Array(capacity).fill(NONE);
  const lastChild = new Int32Array(capacity).fill(NONE);
  const nextSibling = new Int32Array(capacity).fill(NONE);
  const trieOutput = new Int32Array(capacity).fill(NONE);
  let trieStates = 1;
  for (let k = 0; k < order.length; k++) {
    // A large imported dictionary gives back now and then too (50,000 names: ~500 ms in all).
    if ((k & STEP_MASK) === STEP_MASK) yield;
    const p = order[k]!;
    const text = texts[p]!;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = symbols[text.charCodeAt(i)]!;
      const last = lastChild[s]!;
      if (last !== NONE && symbol[last] === c) {
        s = last;
        continue;
      }
      const child = trieStates++;
      symbol[child] = c;
      if (last === NONE) firstChild[s] = child;
      else nextSibling[last] = child;
      lastChild[s] = child;
      s = child;
    }
    if (trieOutput[s] === NONE) trieOutput[s] = p;
  }
  yield;

  // Place the trie in a double array, breadth first: each state's children go where every
  // `base + symbol` slot is free. A state with one child (most of them: the tails of names)
  // takes the lowest free slot above the root's row, so the gaps fill up. A state with several
  // children searches from a mark that moves forward whenever a search was long, so that it
  // does not walk the same crowded stretch again for every state. (The root's children take
  // slots 1 + symbol; a gap left there could only take a child of a smaller symbol.)
  let alphabet = 0;
  for (let u = 0; u < symbols.length; u++) if (symbols[u]! > alphabet) alphabet = symbols[u]!;
  let check: Int32Array = new Int32Array(trieStates + alphabet + 1).fill(NONE);
  let base: Int32Array = new Int32Array(check.length).fill(NONE);
  const slotOf = new Int32Array(trieStates);
  check[0] = 0; // the root's slot is taken
  let firstFree = alphabet + 2;
  let crowdedUntil = firstFree;
  const queue = new Int32Array(trieStates);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  while (head < tail) {
    if ((head & STEP_MASK) === STEP_MASK) yield;
    const t = queue[head++]!;
    const first = firstChild[t]!;
    if (first === NONE) continue;
    const lowest = symbol[first]!;
    while (check[firstFree] !== NONE) firstFree++;
    let b = t === 0 ? 1 : (nextSibling[first] === NONE ? firstFree : Math.max(firstFree, crowdedUntil)) - lowest;
    for (let tries = 0; ; tries++, b++) {
      if (b + alphabet + 1 > check.length) {
        check = grown(check, b + alphabet + 1);
        base = grown(base, check.length);
      }
      let fits = true;
      for (let c = first; c !== NONE; c = nextSibling[c]!) {
        if (check[b + symbol[c]!] !== NONE) {
          fits = false;
          break;
        }
      }
      if (fits) {
        if (tries > LONG_SEARCH) crowdedUntil = b + lowest;
        break;
      }
    }
    const slot = slotOf[t]!;
    base[slot] = b;
    for (let c = first; c !== NONE; c = nextSibling[c]!) {
      const childSlot = b + symbol[c]!;
      check[childSlot] = slot;
      slotOf[c] = childSlot;
      queue[tail++] = c;
    }
  }
  yield;
  // Every `base + symbol` a walk can ask for must be inside the arrays.
  let size = 1;
  for (let t = 0; t < trieStates; t++) {
    const slot = slotOf[t]!;
    if (slot + 1 > size) size = slot + 1;
    if (base[slot]! + alphabet + 1 > size) size = base[slot]! + alphabet + 1;
  }
  const double: DoubleArray = {
    base: base.slice(0, size),
    check: check.slice(0, size),
    fail: new Int32Array(size),
    output: new Int32Array(size).fill(NONE),
    firstHit: new Int32Array(size).fill(NONE),
    depth: new Int32Array(size),
  };
  for (let slot = 0; slot < size; slot++) if (double.base[slot] === NONE) double.base[slot] = 0;
  for (let t = 0; t < trieStates; t++) double.output[slotOf[t]!] = trieOutput[t]!;

  // The queue holds the trie in breadth-first order: each state after its parent and the states its failure link can reach.
  const rowStates = queue.slice(0, shallowLevels(firstChild, nextSibling, alphabet + 1));
  for (let k = 0; k < trieStates; k++) queue[k] = slotOf[queue[k]!]!;
  linkFailures(double, queue);
  yield;
  const rows = fillRows(double, { states: rowStates, slotOf, symbol, firstChild, nextSibling }, alphabet + 1);
  const cells = new Int32Array(size << 2);
  for (let slot = 0; slot < size; slot++) {
    const at = slot << 2;
    cells[at + BASE] = double.base[slot]!;
    cells[at + CHECK] = double.check[slot]!;
    cells[at + FAIL] = double.fail[slot]!;
    cells[at + HIT] = double.firstHit[slot]!;
  }
  return { symbols, cells, output: double.output, depth: double.depth, rows };
}

/**
 * How many states, breadth first, the shallowest whole levels of the trie hold that fit in
 * ROW_BUDGET transitions (`width` a row): the root at least.
 */
function shallowLevels(firstChild: Int32Array, nextSibling: Int32Array, width: number): number {
  let level = [0];
  let states = 1;
  for (;;) {
    const next: number[] = [];
    for (const t of level) for (let c = firstChild[t]!; c !== NONE; c = nextSibling[c]!) next.push(c);
    if (next.length === 0 || (states + next.length) * width > ROW_BUDGET) return states;
    states += next.length;
    level = next;
  }
}

/** The double array while it is built, one array per field (`cells` interleaves them at the end). */
interface DoubleArray {
  base: Int32Array;
  check: Int32Array;
  fail: Int32Array;
  output: Int32Array;
  firstHit: Int32Array;
  depth: Int32Array;
}

/**
 * The full rows of the trie states `trie.states` (the root first, then breadth first), `width`
 * transitions each, their states' BASE set to point at them. A state's row is its failure
 * state's row with its own children written over it: the failure state is less deep, so its row
 * is already there. Children are read from the trie's lists, not by trying every symbol: the
 * build runs cold, once per page.
 */
function fillRows(
  double: DoubleArray,
  trie: { states: Int32Array; slotOf: Int32Array; symbol: Int32Array; firstChild: Int32Array; nextSibling: Int32Array },
  width: number,
): Int32Array {
  const { base, fail } = double;
  const { states, slotOf, symbol, firstChild, nextSibling } = trie;
  const rows = new Int32Array(states.length * width);
  for (let k = 0; k < states.length; k++) {
    const t = states[k]!;
    const s = slotOf[t]!;
    const row = k * width;
    if (k > 0) {
      const from = -base[fail[s]!]! - 1;
      rows.copyWithin(row, from, from + width);
    }
    for (let c = firstChild[t]!; c !== NONE; c = nextSibling[c]!) rows[row + symbol[c]!] = slotOf[c]!;
    base[s] = -row - 1;
  }
  return rows;
}

/**
 * Sets `fail`, `firstHit` and `depth` of a double array whose `base`, `check` and `output` are
 * set. `slotsInOrder` lists every state's slot, the root first, each state after its parent and
 * after every state less deep than it, as breadth first does.
 */
function linkFailures(double: DoubleArray, slotsInOrder: Int32Array): void {
  const { base, check, fail, output, firstHit, depth } = double;
  firstHit[0] = output[0]!;
  for (let k = 1; k < slotsInOrder.length; k++) {
    const s = slotsInOrder[k]!;
    const parent = check[s]!;
    const symbol = s - base[parent]!;
    depth[s] = depth[parent]! + 1;
    let f = 0;
    if (parent !== 0) {
      let p = fail[parent]!;
      for (;;) {
        const next = base[p]! + symbol;
        if (check[next] === p) {
          f = next;
          break;
        }
        if (p === 0) break;
        p = fail[p]!;
      }
    }
    fail[s] = f;
    firstHit[s] = output[s] !== NONE ? s : firstHit[f]!;
  }
}
