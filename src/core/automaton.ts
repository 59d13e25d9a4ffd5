/**
 * The matcher's Aho–Corasick automaton over normalised UTF-16 code units, in a double array.
 *
 * Transitions live in a double array (base + symbol, checked by owner) over a dense alphabet:
 * the units that occur in some pattern, numbered from 1. A unit outside it sends the automaton
 * straight back to the root, and the root's row is a direct table. Two array reads per step,
 * whatever the size of the dictionary. `buildAutomaton` builds it from the patterns' texts; the
 * bundled dictionary's comes ready-made from the build (`packed-automaton.ts`), because building
 * it is the one long piece of work a page would otherwise pay before its first scan.
 */

/** A free slot of `check`, a state with no output, a missing state. */
export const NONE = -1;

/** Slots tried, beyond which the search for a place for several children starts further on next time. */
const LONG_SEARCH = 16;

/** An Aho–Corasick automaton in a double array; every per-state array is indexed by state. */
export interface Automaton {
  /** Normalised unit → symbol (1…), or 0 for a unit no pattern contains; as long as the largest such unit + 1. */
  symbols: Uint16Array;
  /** A state's children are at `base[state] + symbol`… */
  base: Int32Array;
  /** …where `check` names their parent (NONE for a free slot). */
  check: Int32Array;
  fail: Int32Array;
  /** The pattern that ends at a state, or NONE. */
  output: Int32Array;
  /** The state itself if it has an output, else the nearest state along its failure chain that has one, or NONE. */
  firstHit: Int32Array;
  /** How many units a state is from the root: the length of the partial match it stands for. */
  depth: Int32Array;
}

/** A growable Int32 array, for building the trie without knowing its size in advance. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(value: number): number {
    if (this.length === this.data.length) this.reserve(this.length * 2);
    this.data[this.length] = value;
    return this.length++;
  }
  /** Grows the array to at least `size` entries, new ones set to NONE. */
  reserve(size: number): void {
    if (size <= this.data.length) return;
    const next = new Int32Array(Math.max(size, this.data.length * 2)).fill(NONE);
    next.set(this.data);
    this.data = next;
  }
}

/** Numbers the units that occur in the patterns 1, 2, … in order of code unit. */
function alphabetOf(texts: readonly string[]): Uint16Array {
  let largest = -1;
  const seen = new Set<number>();
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i);
      seen.add(u);
      if (u > largest) largest = u;
    }
  }
  const symbols = new Uint16Array(largest + 1);
  let next = 1;
  for (const u of [...seen].sort((a, b) => a - b)) symbols[u] = next++;
  return symbols;
}

/** The automaton that finds every one of `texts` (pattern `i` is `texts[i]`; of equal texts, the first). */
export function buildAutomaton(texts: readonly string[]): Automaton {
  const symbols = alphabetOf(texts);
  const order = texts.map((_, i) => i).sort((a, b) => (texts[a]! < texts[b]! ? -1 : texts[a]! > texts[b]! ? 1 : 0));
  const totalUnits = texts.reduce((sum, t) => sum + t.length, 0);
  // A trie as first-child / next-sibling lists. Patterns are inserted in sorted order, so a
  // state's children arrive sorted (by unit, so by symbol) and the child to follow is always its
  // most recent one.
  const symbol = new IntList(totalUnits + 1);
  const firstChild = new IntList(totalUnits + 1);
  const lastChild = new IntList(totalUnits + 1);
  const nextSibling = new IntList(totalUnits + 1);
  const trieOutput = new IntList(totalUnits + 1);
  const newState = (s: number): number => {
    symbol.push(s);
    firstChild.push(NONE);
    lastChild.push(NONE);
    nextSibling.push(NONE);
    return trieOutput.push(NONE);
  };
  newState(0);
  for (const p of order) {
    const text = texts[p]!;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = symbols[text.charCodeAt(i)]!;
      const last = lastChild.data[s]!;
      if (last !== NONE && symbol.data[last] === c) {
        s = last;
        continue;
      }
      const child = newState(c);
      if (last === NONE) firstChild.data[s] = child;
      else nextSibling.data[last] = child;
      lastChild.data[s] = child;
      s = child;
    }
    if (trieOutput.data[s] === NONE) trieOutput.data[s] = p;
  }

  // Place the trie in a double array, breadth first: each state's children go where every
  // `base + symbol` slot is free. A state with one child (most of them: the tails of names)
  // takes the lowest free slot above the root's row, so the gaps fill up. A state with several
  // children searches from a mark that moves forward whenever a search was long, so that it
  // does not walk the same crowded stretch again for every state. (The root's children take
  // slots 1 + symbol; a gap left there could only take a child of a smaller symbol.)
  const trieStates = trieOutput.length;
  const alphabet = symbols.reduce((max, s) => Math.max(max, s), 0);
  const check = new IntList(trieStates + alphabet + 1);
  check.data.fill(NONE);
  const base = new IntList(trieStates + alphabet + 1);
  const slotOf = new Int32Array(trieStates);
  check.data[0] = 0; // the root's slot is taken
  let firstFree = alphabet + 2;
  let crowdedUntil = firstFree;
  const queue = new Int32Array(trieStates);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  const children: number[] = [];
  while (head < tail) {
    const t = queue[head++]!;
    const slot = slotOf[t]!;
    children.length = 0;
    for (let c = firstChild.data[t]!; c !== NONE; c = nextSibling.data[c]!) children.push(c);
    if (children.length === 0) continue;
    const lowest = symbol.data[children[0]!]!;
    while (check.data[firstFree] !== NONE) firstFree++;
    let b = t === 0 ? 1 : (children.length === 1 ? firstFree : Math.max(firstFree, crowdedUntil)) - lowest;
    for (let tries = 0; ; tries++) {
      check.reserve(b + alphabet + 1);
      let fits = true;
      for (const c of children) {
        if (check.data[b + symbol.data[c]!] !== NONE) {
          fits = false;
          break;
        }
      }
      if (fits) {
        if (tries > LONG_SEARCH) crowdedUntil = b + lowest;
        break;
      }
      b++;
    }
    base.reserve(b + alphabet + 1);
    base.data[slot] = b;
    for (const c of children) {
      const childSlot = b + symbol.data[c]!;
      check.data[childSlot] = slot;
      slotOf[c] = childSlot;
      queue[tail++] = c;
    }
  }
  // Every `base + symbol` a walk can ask for must be inside the arrays.
  let size = 1;
  for (let t = 0; t < trieStates; t++) size = Math.max(size, slotOf[t]! + 1, base.data[slotOf[t]!]! + alphabet + 1);
  const automaton: Automaton = {
    symbols,
    base: base.data.slice(0, size).map((b) => (b === NONE ? 0 : b)),
    check: check.data.slice(0, size),
    fail: new Int32Array(size),
    output: new Int32Array(size).fill(NONE),
    firstHit: new Int32Array(size).fill(NONE),
    depth: new Int32Array(size),
  };
  for (let t = 0; t < trieStates; t++) automaton.output[slotOf[t]!] = trieOutput.data[t]!;

  // The queue holds the trie in breadth-first order: each state after its parent and the states its failure link can reach.
  const slotsInOrder = new Int32Array(trieStates);
  for (let k = 0; k < trieStates; k++) slotsInOrder[k] = slotOf[queue[k]!]!;
  linkFailures(automaton, slotsInOrder);
  return automaton;
}

/**
 * Sets `fail`, `firstHit` and `depth` of a double array whose `base`, `check` and `output` are
 * set. `slotsInOrder` lists every state's slot, the root first, each state after its parent and
 * after every state less deep than it, as breadth first does.
 */
export function linkFailures(automaton: Automaton, slotsInOrder: Int32Array): void {
  const { base, check, fail, output, firstHit, depth } = automaton;
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
