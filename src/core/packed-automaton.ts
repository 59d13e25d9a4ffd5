/**
 * A built automaton written as text, so that the build can ship the bundled dictionary's
 * automaton and the page only reads it back. On the bench page, building it in the page took
 * 58 ms of one task at the start of the page (median of 7 loads; most of it the double array's
 * placement, run cold by the interpreter); reading it back takes 33 ms, and no placement.
 *
 * Only the double array's layout is written — the alphabet, and each slot's base and owner —
 * as base64 VLQ (the source-map encoding: small numbers take one or two characters): 34 KB for
 * the bundled dictionary's 8,700 slots, where the same numbers as JSON take 80 KB. The rest is
 * derived on reading: outputs and depths by walking each pattern through the array (which also
 * proves that the layout holds the table), then the failure links breadth first.
 */
import { decode, encode } from "vlq";
import { type Automaton, linkFailures, NONE } from "./automaton.ts";

/** The double array's layout, as base64 VLQ. */
export interface PackedAutomaton {
  /** The units of the alphabet in symbol order, each as its distance from the one before. */
  units: string;
  /** Per slot: 0 if no state there has children, else its `base` relative to the slot (`shiftedFromZero`). */
  base: string;
  /** Per slot: 0 if free, else the slot relative to its owner, the parent state (`shiftedFromZero`). */
  check: string;
}

/** Writes out an automaton built by `buildAutomaton`. */
export function packAutomaton(automaton: Automaton): PackedAutomaton {
  const units: number[] = [];
  let previous = 0;
  automaton.symbols.forEach((symbol, unit) => {
    if (symbol === 0) return;
    units[symbol - 1] = unit - previous;
    previous = unit;
  });
  const base = Array.from(automaton.base, (b, slot) => (b === 0 ? 0 : shiftedFromZero(b - slot)));
  const check = Array.from(automaton.check, (owner, slot) => (owner === NONE ? 0 : shiftedFromZero(slot - owner)));
  return { units: encode(units), base: encode(base), check: encode(check) };
}

/**
 * Reads back the automaton `packAutomaton` wrote for `texts` (the table's pattern texts, in
 * order). Throws if the layout does not hold every text: it was packed from another table.
 */
export function unpackAutomaton(packed: PackedAutomaton, texts: readonly string[]): Automaton {
  const units = decode(packed.units);
  let largest = 0;
  for (const step of units) largest += step;
  const symbols = new Uint16Array(units.length === 0 ? 0 : largest + 1);
  let unit = 0;
  for (let k = 0; k < units.length; k++) symbols[(unit += units[k]!)] = k + 1;

  const bases = decode(packed.base);
  const owners = decode(packed.check);
  const size = bases.length;
  if (owners.length !== size) throw new Error(`packed automaton: ${size} bases but ${owners.length} owners`);
  const base = new Int32Array(size);
  const check = new Int32Array(size);
  for (let slot = 0; slot < size; slot++) {
    const b = bases[slot]!;
    const o = owners[slot]!;
    base[slot] = b === 0 ? 0 : slot + shiftedToZero(b);
    check[slot] = o === 0 ? NONE : slot - shiftedToZero(o);
  }
  const automaton: Automaton = {
    symbols,
    base,
    check,
    fail: new Int32Array(size),
    output: new Int32Array(size).fill(NONE),
    firstHit: new Int32Array(size).fill(NONE),
    depth: new Int32Array(size),
  };

  // Walk each pattern: where it ends is its output (of equal texts, the first), and every state
  // is some pattern's prefix, so the walks find each state's depth.
  const { output, depth } = automaton;
  let deepest = 0;
  let reached = 1; // the root
  for (let p = 0; p < texts.length; p++) {
    const text = texts[p]!;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i);
      const symbol = u < symbols.length ? symbols[u]! : 0;
      const target = base[state]! + symbol;
      if (symbol === 0 || check[target] !== state) throw new Error(`packed automaton: pattern ${p} ("${text}") is not in it; it was packed from another table`);
      state = target;
      if (depth[state] === 0) reached++;
      depth[state] = i + 1;
    }
    if (output[state] === NONE) output[state] = p;
    if (text.length > deepest) deepest = text.length;
  }

  // Breadth-first order for the failure links: the states sorted by depth (a counting sort).
  const atDepth = new Int32Array(deepest + 2);
  let states = 0;
  for (let slot = 0; slot < size; slot++) {
    if (check[slot] === NONE) continue;
    atDepth[depth[slot]! + 1]!++;
    states++;
  }
  if (states !== reached) throw new Error(`packed automaton: ${states} states, of which the table's patterns reach ${reached}; it was packed from another table`);
  for (let d = 1; d < atDepth.length; d++) atDepth[d]! += atDepth[d - 1]!;
  const slotsInOrder = new Int32Array(states);
  for (let slot = 0; slot < size; slot++) if (check[slot] !== NONE) slotsInOrder[atDepth[depth[slot]!]!++] = slot;
  linkFailures(automaton, slotsInOrder);
  return automaton;
}

/** A number moved one away from 0 (0, 1, −1 → 1, 2, −1), so that 0 can stand for "nothing here". */
function shiftedFromZero(n: number): number {
  return n >= 0 ? n + 1 : n;
}

function shiftedToZero(n: number): number {
  return n > 0 ? n - 1 : n;
}
