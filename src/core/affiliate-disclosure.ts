/**
 * The affiliate disclosure publishers print under articles ("Things you buy through our links may
 * earn New York a commission") names the publisher, not a place: a magazine named like its city
 * earns the commission, a city does not.
 */
import { isLineSpace } from "./unicode-word.ts";
import { lazy } from "./lazy.ts";

const BEFORE = lazy(() => /(?:^|\s)earns?[ \u00a0]+$/u);
const AFTER = lazy(() => /^[ \u00a0]+an?[ \u00a0]+(?:\p{L}+[ \u00a0]+)?commission/u);

/** Whether the name at [start, end) of `text` is the publisher in an affiliate disclosure. */
export function isCommissionEarner(text: string, start: number, end: number): boolean {
  // Most names follow no "earn ": decide those without a regex.
  const windowStart = Math.max(0, start - 8);
  let k = start;
  while (k > windowStart && isLineSpace(text.charCodeAt(k - 1))) k--;
  const last = text.charCodeAt(k - 1);
  if (k === start || (last !== 0x6e && last !== 0x73)) return false;
  return BEFORE().test(text.slice(windowStart, start)) && AFTER().test(text.slice(end, end + 40));
}
