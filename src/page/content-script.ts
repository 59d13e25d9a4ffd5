/** Content script entry (grows into the overlay with the next issue). */
import table from "virtual:matcher-table";
import { Matcher } from "../core/matcher.ts";
import { collectTextRuns, positionInRun } from "./collect-text-runs.ts";
import { findMentionsInRuns } from "./find-mentions-in-runs.ts";

const matcher = new Matcher(table);
const ranges = findMentionsInRuns(collectTextRuns(document.body), matcher).map((m) => {
  const range = document.createRange();
  const start = positionInRun(m.run, m.start, false);
  const end = positionInRun(m.run, m.end, true);
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
});
CSS.highlights.set("backstory-mention", new Highlight(...ranges));
