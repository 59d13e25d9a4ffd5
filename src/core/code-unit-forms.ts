/**
 * The normalised form of every UTF-16 code unit (and astral code point), memoised in a typed
 * array the first time it is met, so a page only pays for the characters it contains. Both the
 * string normaliser (`normalize-text.ts`) and the matcher's fused walk read it; the rules are
 * listed there and in docs/matching.md.
 */
import { lazy } from "./lazy.ts";

/** Marks in the table: a code unit not looked at yet, one that vanishes, one that expands to several units. */
export const UNKNOWN = -1;
export const DROPPED = -2;
export const EXPANDS = -3;

const IGNORED = new Set<number>([
  0x00ad, // soft hyphen
  0x034f, // combining grapheme joiner
  0x0640, // tatweel (kashida)
  0x061c, // Arabic letter mark
  0x180e, // Mongolian vowel separator (formerly a space)
  0x200b, 0x200c, 0x200d, 0x200e, 0x200f, // zero-width space, ZWNJ, ZWJ, LRM, RLM
  0x202a, 0x202b, 0x202c, 0x202d, 0x202e, // bidi embeddings and overrides
  0x2060, 0x2061, 0x2062, 0x2063, 0x2064, // word joiner, invisible operators
  0x2066, 0x2067, 0x2068, 0x2069, // bidi isolates
  0xfeff, // byte-order mark / zero-width no-break space
]);

/** Characters mapped before decomposition (NFKD would turn ´ into a space and a mark). */
const PRE_MAP = new Map<number, string>([
  [0x2019, "'"], [0x2018, "'"], [0x201b, "'"], [0x02bc, "'"], [0x02b9, "'"], [0x2032, "'"],
  [0x0060, "'"], [0x00b4, "'"], [0xff07, "'"],
  [0x2010, "-"], [0x2011, "-"],
]);

/** Letter unifications applied after marks are dropped. */
const LETTER_MAP = new Map<string, string>([
  ["\u0671", "\u0627"], ["\u0672", "\u0627"], ["\u0673", "\u0627"], ["\u0675", "\u0627"], // alef forms → ا
  ["\u0649", "\u064a"], // alef maqsura ى → ي
  ["\u06cc", "\u064a"], // Persian yeh ی → ي
  ["\u0629", "\u0647"], // taa marbuta ة → ه
  ["\u06d5", "\u0647"], ["\u06c1", "\u0647"], // ae ە, heh goal ہ → ه
  ["\u06a9", "\u0643"], ["\u06aa", "\u0643"], // keheh ک, swash kaf ڪ → ك
  ["\u06a4", "\u0641"], // veh ڤ → ف
  ["\u067e", "\u0628"], // peh پ → ب
  ["\u0686", "\u062c"], // tcheh چ → ج
  ["\u06af", "\u0643"], // gaf گ → ك
]);
for (let d = 0; d < 10; d++) {
  LETTER_MAP.set(String.fromCharCode(0x0660 + d), String(d)); // Arabic-Indic digits
  LETTER_MAP.set(String.fromCharCode(0x06f0 + d), String(d)); // Persian digits
}

const COMBINING_MARK = lazy(() => /\p{M}/gu);
const WHITE_SPACE = lazy(() => /^\s$/u);

/** The normalised form of one code point, as a string ('' when it vanishes). */
function normalizeCodePoint(codePoint: number, foldCase: boolean): string {
  if (IGNORED.has(codePoint)) return "";
  const pre = PRE_MAP.get(codePoint);
  if (pre !== undefined) return pre;
  const char = String.fromCodePoint(codePoint);
  if (WHITE_SPACE().test(char)) return " ";
  let text = char.normalize("NFKD");
  if (foldCase) text = text.toLowerCase().normalize("NFKD");
  text = text.replace(COMBINING_MARK(), "");
  let out = "";
  for (const c of text) {
    const cp = c.codePointAt(0)!;
    if (IGNORED.has(cp)) continue;
    out += WHITE_SPACE().test(c) ? " " : (PRE_MAP.get(cp) ?? LETTER_MAP.get(c) ?? c);
  }
  return out;
}

/**
 * A memo of the normalised form of every BMP code unit seen so far, filled lazily so that
 * start-up costs nothing. `single[unit]` is the one output unit (≥ 0), DROPPED, EXPANDS (see
 * `expansion`) or UNKNOWN (call `lookup`); hot loops read it directly.
 */
export class CodeUnitForms {
  readonly single = new Int32Array(0x10000).fill(UNKNOWN);
  private readonly expansions = new Map<number, string>();
  private readonly astral = new Map<number, string>();

  constructor(private readonly foldCase: boolean) {}

  /** A single output unit (≥ 0), DROPPED, or EXPANDS (then see `expansion`). */
  lookup(unit: number): number {
    const known = this.single[unit]!;
    if (known !== UNKNOWN) return known;
    const text = normalizeCodePoint(unit, this.foldCase);
    const value = text.length === 0 ? DROPPED : text.length === 1 ? text.charCodeAt(0) : EXPANDS;
    if (value === EXPANDS) this.expansions.set(unit, text);
    this.single[unit] = value;
    return value;
  }

  /** The units a code unit whose form is EXPANDS stands for. */
  expansion(unit: number): string {
    return this.expansions.get(unit)!;
  }

  /** The normalised form of a code point outside the BMP ('' when it vanishes). */
  astralForm(codePoint: number): string {
    let text = this.astral.get(codePoint);
    if (text === undefined) {
      text = normalizeCodePoint(codePoint, this.foldCase);
      this.astral.set(codePoint, text);
    }
    return text;
  }
}

const shared: { folded?: CodeUnitForms; exact?: CodeUnitForms } = {};

/**
 * The table for one folding choice, shared by every normaliser and matcher in the realm: its
 * entries are a pure function of the code unit, so sharing is safe and a page fills it once.
 */
export function codeUnitForms(foldCase: boolean): CodeUnitForms {
  return foldCase ? (shared.folded ??= new CodeUnitForms(true)) : (shared.exact ??= new CodeUnitForms(false));
}
