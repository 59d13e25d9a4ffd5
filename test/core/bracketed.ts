/** Test helper: a text with one name marked by brackets, "visit [USA].gov", as the rules take it. */
export function bracketed(marked: string): [text: string, start: number, end: number] {
  const start = marked.indexOf("[");
  const end = marked.indexOf("]") - 1;
  if (start === -1 || end < start) throw new Error(`no [name] in ${JSON.stringify(marked)}`);
  return [marked.replace("[", "").replace("]", ""), start, end];
}
