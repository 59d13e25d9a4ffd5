/**
 * A value made on its first use. The content script is evaluated on every page the reader
 * opens, so a rule's tables and regular expressions (each `RegExp` is parsed as it is made: a
 * few tenths of a millisecond for one with Unicode classes) are made when the rule first runs,
 * not at start: most pages never name a US state or a city magazine.
 */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}
