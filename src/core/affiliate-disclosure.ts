/**
 * The affiliate disclosure publishers print under articles ("Things you buy through our links may
 * earn New York a commission") names the publisher, not a place: a magazine named like its city
 * earns the commission, a city does not.
 */

const BEFORE = /(?:^|\s)earns?[ \u00a0]+$/u;
const AFTER = /^[ \u00a0]+an?[ \u00a0]+(?:\p{L}+[ \u00a0]+)?commission/u;

/** Whether the name at [start, end) of `text` is the publisher in an affiliate disclosure. */
export function isCommissionEarner(text: string, start: number, end: number): boolean {
  // Most names follow no "earn ": decide those without a regex.
  const space = text.charCodeAt(start - 1);
  const last = text.charCodeAt(start - 2);
  if ((space !== 0x20 && space !== 0xa0) || (last !== 0x6e && last !== 0x73)) return false;
  return BEFORE.test(text.slice(Math.max(0, start - 8), start)) && AFTER.test(text.slice(end, end + 40));
}
