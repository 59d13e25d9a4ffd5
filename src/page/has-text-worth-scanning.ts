/**
 * The cheap check a frame's content script makes before anything else: is there text a name
 * could be in, in a frame big enough to read? Ad, tracker and embed frames (dozens on a news
 * page) mostly hold images, scripts and a label such as "Advertisement"; they should cost the
 * extension nothing beyond this check.
 */

/** Fewer words than this is a label ("Advertisement", "Learn more"), not text worth scanning. */
const MIN_WORDS = 4;
/** A frame narrower or lower than this (in CSS pixels: tracking pixels, hidden frames) cannot be read. */
const MIN_FRAME_SIZE = { width: 40, height: 16 };
/** Elements whose text is never the page's prose. */
const NOT_PROSE = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "svg", "SVG"]);
/**
 * Whether a code unit can be part of a word: an ASCII letter, or anything beyond ASCII (letters
 * and marks of every other script; the odd symbol too, which is harmless here). No Unicode
 * property regex: compiling one costs tens of kilobytes in every frame.
 */
function isWordUnit(code: number): boolean {
  return code > 0x7f || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
}

/** How many words (two or more word units in a row) `text` holds, counting no further than `enough`. */
function countWords(text: string, enough: number): number {
  let words = 0;
  let run = 0;
  for (let i = 0; i < text.length && words < enough; i++) {
    if (isWordUnit(text.charCodeAt(i))) {
      if (++run === 2) words++;
    } else run = 0;
  }
  return words;
}

/**
 * Whether a batch of changes may have brought words: text written into a text node, or an added
 * node whose text holds a word. An ad that swaps its image or removes nodes cannot, and costs
 * no check (the check's first run in a frame, its DOM wrappers cold, took about 0.4 ms there).
 */
export function mayAddWords(records: readonly MutationRecord[]): boolean {
  for (const record of records) {
    if (record.type === "characterData") {
      if (countWords((record.target as CharacterData).data, 1) > 0) return true;
      continue;
    }
    const added = record.addedNodes;
    for (let i = 0; i < added.length; i++) {
      if (countWords(added[i]!.textContent ?? "", 1) > 0) return true;
    }
  }
  return false;
}

/** Nodes looked at before giving up and scanning anyway: a frame this busy is not an empty one. */
const NODE_BUDGET = 5_000;

/**
 * Whether the document in `view` has at least `MIN_WORDS` words (of two letters or more) of
 * prose and a readable size. The words are counted first: an empty frame (most of them) then
 * never reads its size, which costs it about 0.2 ms (measured over 30 ad frames).
 */
export function hasTextWorthScanning(document: Document, view: { innerWidth: number; innerHeight: number }): boolean {
  return hasWords(document) && view.innerWidth >= MIN_FRAME_SIZE.width && view.innerHeight >= MIN_FRAME_SIZE.height;
}

/** Whether the document has `MIN_WORDS` words of prose (or more nodes than `NODE_BUDGET`). */
function hasWords(document: Document): boolean {
  const root = document.body ?? document.documentElement;
  if (root === null) return false;
  const walker = document.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (node) => (node.nodeType === 1 && NOT_PROSE.has((node as Element).tagName) ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
  });
  let words = 0;
  let budget = NODE_BUDGET;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (--budget === 0) return true;
    if (node.nodeType !== 3) continue;
    words += countWords((node as Text).data, MIN_WORDS - words);
    if (words >= MIN_WORDS) return true;
  }
  return false;
}
