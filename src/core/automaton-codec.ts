/**
 * The matcher's automaton as one buffer, kept between pages (`automaton-cache.ts`): building it
 * was most of the matcher's start on every page (30–40 ms for the bundled dictionary in the page,
 * cold, on this kind of machine); reading it back takes under a millisecond and checking it about
 * ten, in steps. Its arrays go into the buffer behind a header of their lengths.
 *
 * A decoded automaton is checked before use (`isSoundInSteps`, which the matcher's build runs):
 * storage can be damaged, and the walk trusts the automaton (a failure link that does not lead
 * towards the root would never end it). Every state's failure link and first output must be
 * shallower (or the state itself), every transition must land on a state, and every output must
 * be one of the table's patterns.
 */
import { type Automaton, BASE, CHECK, FAIL, HIT, NONE } from "./automaton.ts";

/** The layout's version: a buffer of another layout is not read. */
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
 * The automaton in `bytes` (a buffer of its own, from offset 0) if it has this code's layout,
 * else null; whether it is sound is `isSoundInSteps`'s to say. The arrays are views into `bytes`.
 */
export function decodeAutomaton(bytes: Uint8Array): Automaton | null {
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
  return {
    cells: take(cellCount),
    output: take(outputCount),
    depth: take(depthCount),
    rows: take(rowCount),
    symbols: new Uint16Array(bytes.buffer, int32s * 4, symbolCount),
  };
}

/** States checked between two of the pauses `isSoundInSteps` offers. */
const STEP_STATES = 2048;

/**
 * Whether a walk over `automaton` ends and reads only its own states and the table's patterns.
 * In steps, like the build it saves: it runs once per page, cold, about 10 ms for the bundled
 * dictionary in the page; plain loops over typed arrays.
 */
export function* isSoundInSteps({ cells, output, depth, rows, symbols }: Automaton, patternCount: number): Generator<void, boolean, void> {
  const size = output.length;
  if (size === 0 || cells.length !== size * 4 || depth.length !== size || depth[0] !== 0 || cells[BASE]! >= 0) return false; // the root has a row
  let width = 1;
  for (let u = 0; u < symbols.length; u++) if (symbols[u]! >= width) width = symbols[u]! + 1;
  if (rows.length % width !== 0) return false;
  // The states: the root and every slot whose CHECK names a parent (an index outside reads undefined).
  const isState = new Uint8Array(size);
  isState[0] = 1;
  for (let s = 1; s < size; s++) if (cells[(s << 2) + CHECK] !== NONE) isState[s] = 1;
  for (let k = 0; k < rows.length; k++) if (isState[rows[k]!] !== 1) return false;
  for (let s = 0; s < size; s++) {
    if ((s & (STEP_STATES - 1)) === STEP_STATES - 1) yield;
    if (isState[s] === 0) continue;
    const at = s << 2;
    const base = cells[at + BASE]!;
    if (base < 0 ? (-base - 1) % width !== 0 || -base - 1 >= rows.length : base + width > size) return false;
    const fail = cells[at + FAIL]!;
    if (s !== 0 && !(isState[fail] === 1 && depth[fail]! < depth[s]!)) return false;
    const hit = cells[at + HIT]!;
    if (hit !== NONE && !(isState[hit] === 1 && depth[hit]! <= depth[s]! && output[hit] !== NONE)) return false;
    const pattern = output[s]!;
    if (pattern !== NONE && !(pattern >= 0 && pattern < patternCount)) return false;
  }
  return true;
}
