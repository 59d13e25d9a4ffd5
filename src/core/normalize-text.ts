/**
 * Text normalisation for matching, with an offset map back to the original text.
 *
 * The rules (documented with examples in docs/matching.md, one test row each):
 * - compatibility decomposition (NFKD), then every combining mark is dropped: Latin accents
 *   (Türkiye = Turkiye), Arabic short vowels and other tashkeel, the hamza and madda that NFKD splits
 *   off alef (أ إ آ → ا) and the carriers (ؤ → و, ئ → ي); Arabic presentation forms (ﻻ → لا);
 * - case folding (lower case), unless a caller asks for the case-preserving form;
 * - dropped outright: tatweel, soft hyphen, zero-width space/joiners, bidirectional marks and
 *   embeddings, byte-order mark, combining grapheme joiner;
 * - any run of white space (NBSP, line breaks, thin spaces …) becomes one space;
 * - letter variants unified: ٱ ٲ ٳ ٵ → ا, ى → ي, ة → ه, ە ہ → ه, ی → ي, ک ڪ → ك, and the letters
 *   Arabic news uses to transliterate foreign names: ڤ → ف, پ → ب, چ → ج, گ → ك;
 * - Arabic-Indic and Persian digits → ASCII digits;
 * - typographic apostrophes and primes → ', the Unicode hyphens ‐ ‑ → -.
 *
 * Every code point of the input maps to zero or more code units of the output; `starts[i]` and
 * `ends[i]` give the original range of the code point that produced output unit `i`.
 */

/** The result of normalising one text: `units[0..length)` with their original ranges. */
export interface NormalizedText {
  /** Normalised UTF-16 code units; only the first `length` are meaningful. */
  readonly units: Uint16Array;
  readonly length: number;
  /** Original start offset of the code point that produced each unit. */
  readonly starts: Uint32Array;
  /** Original end offset (exclusive) of the code point that produced each unit. */
  readonly ends: Uint32Array;
}

const SPACE = 0x20;
/** Table marks: a code unit not looked at yet, one that vanishes, one that expands to several units. */
const UNKNOWN = -1;
const DROPPED = -2;
const EXPANDS = -3;

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

const COMBINING_MARK = /\p{M}/gu;
const WHITE_SPACE = /^\s$/u;

/** The normalised form of one code point, as a string ('' when it vanishes). */
function normalizeCodePoint(codePoint: number, foldCase: boolean): string {
  if (IGNORED.has(codePoint)) return "";
  const pre = PRE_MAP.get(codePoint);
  if (pre !== undefined) return pre;
  const char = String.fromCodePoint(codePoint);
  if (WHITE_SPACE.test(char)) return " ";
  let text = char.normalize("NFKD");
  if (foldCase) text = text.toLowerCase().normalize("NFKD");
  text = text.replace(COMBINING_MARK, "");
  let out = "";
  for (const c of text) {
    const cp = c.codePointAt(0)!;
    if (IGNORED.has(cp)) continue;
    out += WHITE_SPACE.test(c) ? " " : (PRE_MAP.get(cp) ?? LETTER_MAP.get(c) ?? c);
  }
  return out;
}

/**
 * A memo of the normalised form of every BMP code unit seen so far, filled lazily so that
 * start-up costs nothing: a page only pays for the characters it contains.
 */
class CodeUnitTable {
  private readonly single = new Int32Array(0x10000).fill(UNKNOWN);
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

  expansion(unit: number): string {
    return this.expansions.get(unit)!;
  }

  astralForm(codePoint: number): string {
    let text = this.astral.get(codePoint);
    if (text === undefined) {
      text = normalizeCodePoint(codePoint, this.foldCase);
      this.astral.set(codePoint, text);
    }
    return text;
  }
}

/**
 * Normalises texts into reusable buffers. The hot path (one call per text run on a page)
 * allocates nothing once the buffers have grown to the longest run seen.
 */
export class TextNormalizer {
  private readonly table: CodeUnitTable;
  private units = new Uint16Array(256);
  private starts = new Uint32Array(256);
  private ends = new Uint32Array(256);

  constructor(options: { foldCase?: boolean } = {}) {
    this.table = new CodeUnitTable(options.foldCase ?? true);
  }

  /** Normalises `text`; the result's arrays are reused by the next call. */
  normalize(text: string): NormalizedText {
    this.reserve(text.length + 8);
    const table = this.table;
    let units = this.units;
    let starts = this.starts;
    let ends = this.ends;
    let length = 0;
    // Start as if after a space, so leading white space vanishes like repeated white space.
    let afterSpace = true;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const unit = text.charCodeAt(i);
      let end = i + 1;
      let single: number;
      let expansion = "";
      if (unit >= 0xd800 && unit <= 0xdbff && end < n) {
        const low = text.charCodeAt(end);
        if (low >= 0xdc00 && low <= 0xdfff) {
          end++;
          expansion = table.astralForm(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
          // An astral combining mark (a musical or Brahmi vowel sign, say) vanishes.
          single = expansion === "" ? DROPPED : EXPANDS;
        } else {
          single = table.lookup(unit);
        }
      } else {
        single = table.lookup(unit);
      }
      if (single >= 0) {
        if (single === SPACE) {
          if (!afterSpace) {
            units[length] = SPACE;
            starts[length] = i;
            ends[length] = end;
            length++;
            afterSpace = true;
          }
        } else {
          units[length] = single;
          starts[length] = i;
          ends[length] = end;
          length++;
          afterSpace = false;
        }
      } else if (single === EXPANDS) {
        if (expansion === "") expansion = table.expansion(unit);
        if (length + expansion.length >= units.length) {
          this.grow(length + expansion.length + n - i);
          units = this.units;
          starts = this.starts;
          ends = this.ends;
        }
        for (let k = 0; k < expansion.length; k++) {
          const out = expansion.charCodeAt(k);
          if (out === SPACE) {
            if (afterSpace) continue;
            afterSpace = true;
          } else {
            afterSpace = false;
          }
          units[length] = out;
          starts[length] = i;
          ends[length] = end;
          length++;
        }
      }
      i = end;
    }
    return { units, length, starts, ends };
  }

  private reserve(capacity: number): void {
    if (this.units.length < capacity) this.grow(capacity);
  }

  private grow(capacity: number): void {
    const size = Math.max(capacity, this.units.length * 2);
    const units = new Uint16Array(size);
    const starts = new Uint32Array(size);
    const ends = new Uint32Array(size);
    units.set(this.units);
    starts.set(this.starts);
    ends.set(this.ends);
    this.units = units;
    this.starts = starts;
    this.ends = ends;
  }
}

/** The normalised units of a result as a string (for aliases, tests and messages). */
function normalizedToString(normalized: NormalizedText): string {
  let out = "";
  const chunk = 8192;
  for (let i = 0; i < normalized.length; i += chunk) {
    out += String.fromCharCode(...normalized.units.subarray(i, Math.min(i + chunk, normalized.length)));
  }
  return out;
}

/** Shared normalisers for `normalizeString`; their memo tables are deterministic, so sharing is safe. */
const sharedNormalizers: { folded?: TextNormalizer; exact?: TextNormalizer } = {};

/**
 * Normalises a whole string, trimmed; for aliases, acronym checks and tests (the page's hot
 * path uses a `TextNormalizer` and its offset map instead).
 */
export function normalizeString(text: string, options: { foldCase?: boolean } = {}): string {
  const foldCase = options.foldCase ?? true;
  const normalizer = foldCase
    ? (sharedNormalizers.folded ??= new TextNormalizer({ foldCase: true }))
    : (sharedNormalizers.exact ??= new TextNormalizer({ foldCase: false }));
  return normalizedToString(normalizer.normalize(text)).trim();
}
