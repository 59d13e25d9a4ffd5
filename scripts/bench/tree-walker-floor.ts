/**
 * The floor the scan is held against in a browser: one TreeWalker pass that reads every code unit
 * of every text node once and does nothing else, in the page's own world. It is handed to a
 * driver's `evaluate`, which sends its source to the page, so it uses nothing outside its body.
 * Returns the pass's milliseconds.
 */
export function treeWalkerFloorPass(): number {
  const start = performance.now();
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  let sum = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const data = (node as Text).data;
    for (let i = 0; i < data.length; i++) sum = (sum + data.charCodeAt(i)) | 0;
  }
  const elapsed = performance.now() - start;
  // Uses the sum, so the loop cannot be optimised away.
  return sum === 0.5 ? -1 : elapsed;
}
