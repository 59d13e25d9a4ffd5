/**
 * Runs the matcher over text runs: the step shared by the content script and the scanner.
 */
import type { Matcher, Mention } from "../core/matcher.ts";
import type { TextRun } from "./collect-text-runs.ts";

/** A mention inside one text run. */
export interface RunMention extends Mention {
  run: TextRun;
}

/** Every mention in the runs, in run order and, within a run, in text order. */
export function findMentionsInRuns(runs: Iterable<TextRun>, matcher: Matcher): RunMention[] {
  const found: RunMention[] = [];
  for (const run of runs) {
    for (const mention of matcher.findMentions(run.text)) found.push({ ...mention, run });
  }
  return found;
}
