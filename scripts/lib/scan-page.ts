/**
 * The scanner behind `npm run scan`: a saved page (HTML or plain text) in, one record per
 * mention out, using the same text collection and matcher as the extension.
 */
import { parseHTML } from "linkedom";
import type { Matcher } from "../../src/core/matcher.ts";
import { collectTextRuns, type TextRun } from "../../src/page/collect-text-runs.ts";
import { findMentionsInRuns } from "../../src/page/find-mentions-in-runs.ts";

/** One line of the scanner's output. */
export interface ScanRecord {
  entity: string;
  /** The entity's English display name. */
  name: string;
  type: string;
  /** The mention as written on the page. */
  text: string;
  /**
   * Offsets in the page's text: for plain text, in the file itself; for HTML, in the page's
   * visible text as collected (runs joined by a line break).
   */
  start: number;
  end: number;
  /** For a name inside a longer name of ours: the id of the entity that encloses it. */
  outer?: string;
}

/** Whether a file's content is HTML rather than plain text. */
export function looksLikeHtml(file: string, content: string): boolean {
  return /\.x?html?$/i.test(file) || /^\s*</.test(content);
}

/** Plain text as runs: one per paragraph (blank lines separate), offsets into the file. */
function plainTextRuns(content: string): { runs: TextRun[]; offsets: number[] } {
  const runs: TextRun[] = [];
  const offsets: number[] = [];
  const separator = /\n[ \t\r]*\n/g;
  let from = 0;
  for (;;) {
    const match = separator.exec(content);
    const to = match ? match.index : content.length;
    const text = content.slice(from, to);
    if (/\S/.test(text)) {
      runs.push({ text, nodes: [], starts: [0] });
      offsets.push(from);
    }
    if (!match) break;
    from = match.index + match[0].length;
  }
  return { runs, offsets };
}

/** Scans a page's content and returns its mentions in page order (an outer mention before those inside it). */
export function scanPage(file: string, content: string, matcher: Matcher): ScanRecord[] {
  let runs: TextRun[];
  let offsets: number[];
  if (looksLikeHtml(file, content)) {
    const { document } = parseHTML(content);
    // From the root element, as the content script does (linkedom links no sibling after a doctype).
    runs = [...collectTextRuns(document.documentElement ?? document)];
    offsets = [];
    let at = 0;
    for (const run of runs) {
      offsets.push(at);
      at += run.text.length + 1;
    }
  } else {
    ({ runs, offsets } = plainTextRuns(content));
  }
  const runOffset = new Map(runs.map((run, i) => [run, offsets[i]!]));
  const mentions = findMentionsInRuns(runs, matcher);
  return mentions.map((m) => {
    const entity = matcher.entities[m.entity]!;
    const base = runOffset.get(m.run)!;
    return {
      entity: entity.id,
      name: entity.name.en,
      type: entity.type,
      text: m.run.text.slice(m.start, m.end),
      start: base + m.start,
      end: base + m.end,
      ...(m.outer !== undefined && { outer: matcher.entities[mentions[m.outer]!.entity]!.id }),
    };
  });
}
