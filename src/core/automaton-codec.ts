/**
 * The matcher's automaton as one string, kept between pages (`automaton-cache.ts`): building it
 * is most of the matcher's start on every page (20–30 ms for the bundled dictionary, cold, on
 * this kind of machine), decoding it a millisecond or two. Its arrays go into one buffer behind
 * a header of their lengths.
 *
 * A decoded automaton is checked before use: storage can be damaged, and the walk trusts the
 * automaton (a failure link that does not lead towards the root would never end it). Every
 * state's failure link and first output must be shallower (or the state itself), every
 * transition must land on a state, and every output must be one of the table's patterns.
 */
import { type Automaton, BASE, CHECK, FAIL, HIT, NONE } from "./automaton.ts";

/** The layout's version: a string of another layout is not read. */
const FORMAT = 1;
/** FORMAT, then the lengths of `cells`, `output`, `depth`, `rows` and `symbols`, as Int32. */
const HEADER = 6;

/** `automaton` as one buffer. */
export function encodeAutomaton(automaton: Automaton): Uint8Array {
  const { cells, output, depth, rows, symbols } = automaton;
  const int32s = HEADER + cells.length + output.length + depth.length + rows.length;
  // Int32 parts first, so each starts at a multiple of four bytes; the Uint16 symbols last.
  const bytes = new Uint8Array(int32s * 4 + symbols.length * 2);
  const ints = new Int32Array(bytes.buffer, 0, int32s);
  ints.set([FORMAT, cells.length, output.length, depth.length, rows.length, symbols.length]);
  let at = HEADER;
  for (const part of [cells, output, depth, rows]) {
    ints.set(part, at);
    at += part.length;
  }
  new Uint16Array(bytes.buffer, int32s * 4, symbols.length).set(symbols);
  return bytes;
}

/**
 * The automaton in `bytes` (a buffer of its own, from offset 0) if it is one this code wrote and
 * sound for a table of `patternCount` patterns, else null. The arrays are views into `bytes`.
 */
export function decodeAutomaton(bytes: Uint8Array, patternCount: number): Automaton | null {
  if (bytes.byteOffset !== 0 || bytes.length < HEADER * 4 || bytes.length % 2 !== 0) return null;
  const [format = 0, cellCount = -1, outputCount = -1, depthCount = -1, rowCount = -1, symbolCount = -1] = new Int32Array(bytes.buffer, 0, HEADER);
  if (format !== FORMAT || Math.min(cellCount, outputCount, depthCount, rowCount, symbolCount) < 0) return null;
  const int32s = HEADER + cellCount + outputCount + depthCount + rowCount;
  if (bytes.length !== int32s * 4 + symbolCount * 2) return null;
  let at = HEADER * 4;
  const take = (count: number) => {
    const part = new Int32Array(bytes.buffer, at, count);
    at += count * 4;
    return part;
  };
  const automaton: Automaton = {
    cells: take(cellCount),
    output: take(outputCount),
    depth: take(depthCount),
    rows: take(rowCount),
    symbols: new Uint16Array(bytes.buffer, int32s * 4, symbolCount),
  };
  return isSound(automaton, patternCount) ? automaton : null;
}

/** Whether a walk over `automaton` ends and reads only its own states and the table's patterns. */
function isSound({ cells, output, depth, rows, symbols }: Automaton, patternCount: number): boolean {
  const size = output.length;
  if (size === 0 || cells.length !== size * 4 || depth.length !== size || symbols.length === 0) return false;
  let alphabet = 0;
  for (let u = 0; u < symbols.length; u++) if (symbols[u]! > alphabet) alphabet = symbols[u]!;
  const width = alphabet + 1;
  if (rows.length % width !== 0 || cells[BASE]! >= 0 || depth[0] !== 0) return false; // the root has a row
  const isState = (s: number) => s === 0 || (s > 0 && s < size && cells[(s << 2) + CHECK] !== NONE);
  for (let k = 0; k < rows.length; k++) if (!isState(rows[k]!)) return false;
  for (let s = 0; s < size; s++) {
    if (!isState(s)) continue;
    const at = s << 2;
    const base = cells[at + BASE]!;
    if (base < 0 ? (-base - 1) % width !== 0 || -base - 1 >= rows.length : base + width > size) return false;
    const fail = cells[at + FAIL]!;
    if (s !== 0 && !(isState(fail) && depth[fail]! < depth[s]!)) return false;
    const hit = cells[at + HIT]!;
    if (hit !== NONE && !(isState(hit) && depth[hit]! <= depth[s]! && output[hit] !== NONE)) return false;
    const pattern = output[s]!;
    if (pattern !== NONE && !(pattern >= 0 && pattern < patternCount)) return false;
  }
  return true;
}

/**
 * A key for the patterns an automaton is built from, in their order (a pattern's index is what a
 * state's output names): their count and a 53-bit hash of their texts.
 */
export function patternsKey(texts: readonly string[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let p = 0; p < texts.length; p++) {
    const text = texts[p]!;
    for (let i = 0; i <= text.length; i++) {
      // Each text ends with a unit no text has (-1), so ["ab", "c"] and ["a", "bc"] differ.
      const unit = i < text.length ? text.charCodeAt(i) : 0xffff_ffff;
      h1 = Math.imul(h1 ^ unit, 2654435761);
      h2 = Math.imul(h2 ^ unit, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${texts.length}:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}
