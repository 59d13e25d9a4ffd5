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
import { codeUnitForms, DROPPED, EXPANDS, type CodeUnitForms } from "./code-unit-forms.ts";

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

/**
 * Normalises texts into reusable buffers. The hot path (one call per text run on a page)
 * allocates nothing once the buffers have grown to the longest run seen.
 */
export class TextNormalizer {
  private readonly table: CodeUnitForms;
  private units = new Uint16Array(256);
  private starts = new Uint32Array(256);
  private ends = new Uint32Array(256);

  constructor(options: { foldCase?: boolean } = {}) {
    this.table = codeUnitForms(options.foldCase ?? true);
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
