/**
 * Runs the matcher over text runs: the step shared by the content script and the scanner.
 */
import type { Matcher, Mention } from "../core/matcher.ts";
import type { TextRun } from "./collect-text-runs.ts";

/** A mention inside one text run. */
export interface RunMention extends Mention {
  run: TextRun;
}

/**
 * Every mention in the runs, in run order and, within a run, in text order; a nested mention's
 * `outer` is the index of its enclosing mention in the returned list.
 */
export function findMentionsInRuns(runs: Iterable<TextRun>, matcher: Matcher): RunMention[] {
  const found: RunMention[] = [];
  for (const run of runs) {
    const base = found.length;
    for (const mention of matcher.findMentions(run.text)) {
      found.push(mention.outer === undefined ? { ...mention, run } : { ...mention, outer: base + mention.outer, run });
    }
  }
  return found;
}
