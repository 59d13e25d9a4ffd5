/**
 * Sentence boundaries in Arabic and English news text, for the attribution check. A sentence ends
 * at . ! ? ؟ … ۔ (with any closing quotes or brackets after it) or at a line break. The Arabic
 * comma ، and the semicolon do not end one: Arabic news runs whole paragraphs on commas, and a
 * speaker named before a comma still speaks after it. A full stop inside a number (2.5) or an
 * initialism (U.S., D.C.) does not end one either.
 */

/** A sentence: offsets into the text, trimmed of surrounding white space. */
export interface SentenceRange {
  start: number;
  end: number;
}

const TERMINATOR = /[.!?؟…۔]/u;
const CLOSER = /["'”’»)\]]/u;
const LINE_BREAK = /[\n\r\u2028\u2029]/u;
const LETTER = /\p{L}/u;

/** Whether the full stop at `i` belongs to a number or an initialism rather than ending a sentence. */
function isInnerStop(text: string, i: number): boolean {
  const before = text[i - 1] ?? "";
  const after = text[i + 1] ?? "";
  if (/\d/.test(before) && /\d/.test(after)) return true;
  // "U.S." and "D.C.": a lone letter between stops (or after a space) is an initial.
  const beforeThat = text[i - 2] ?? " ";
  return LETTER.test(before) && (beforeThat === "." || /\s/u.test(beforeThat)) && /[A-Z]/.test(before);
}

/** The sentences of `text`, in order. */
export function splitSentences(text: string): SentenceRange[] {
  const sentences: SentenceRange[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/u.test(text[s]!)) s++;
    while (e > s && /\s/u.test(text[e - 1]!)) e--;
    if (e > s) sentences.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (LINE_BREAK.test(ch)) {
      push(i);
      start = i + 1;
    } else if (TERMINATOR.test(ch) && !(ch === "." && isInnerStop(text, i))) {
      let end = i + 1;
      while (end < text.length && (TERMINATOR.test(text[end]!) || CLOSER.test(text[end]!))) end++;
      // Only a boundary when a space, a line break or the end follows: "e.g.," or "3.5" is not one.
      if (end < text.length && !/\s/u.test(text[end]!)) continue;
      push(end);
      start = end;
      i = end - 1;
    }
  }
  push(text.length);
  return sentences;
}
