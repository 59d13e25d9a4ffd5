/**
 * A place name after a house number is a street named after the place, written without "Street"
 * or "Avenue" as locals do ("The basement at 80 New York.", the building on New York Avenue):
 * the address, not the place. Only when a preposition of place comes before the number and the
 * name ends the phrase: "80 New York residents" counts people, "in 1970 New York was broke" is a
 * year, and a year-shaped number is never read as a house number.
 */

/** A preposition of place, then a house number ("80", "80A", "80-82"), then one space. */
const BEFORE = /(?:^|[\s(])(?:at|on|from|near|outside|opposite|off|behind|inside)[ \u00a0]+(\d{1,5}[A-Za-z]?(?:[-–]\d{1,5})?)[ \u00a0]$/u;
/** A year, not a house number. */
const YEAR = /^(?:1[5-9]|20)\d\d$/;
/** The name ends the phrase: punctuation, the end of the line or of the text. */
const AFTER = /^(?:[.,;:)!?]|[ \u00a0]*(?:\n|$))/u;
/** Characters before the name the rule reads. */
const REACH = 24;

/** Whether the name at [start, end) of `text` is a street address after a house number. */
export function isAfterHouseNumber(text: string, start: number, end: number): boolean {
  const previous = text.charCodeAt(start - 1);
  if (previous !== 0x20 && previous !== 0xa0) return false;
  // The number ends right before that space, maybe with a letter after it ("80A"): a digit at
  // most two characters back, which rules out nearly every name without a regex.
  if (!isDigit(text.charCodeAt(start - 2)) && !(isAsciiLetter(text.charCodeAt(start - 2)) && isDigit(text.charCodeAt(start - 3)))) return false;
  // The place phrase must end at the name; most names run on into the sentence, so this short
  // test comes first and the number's regex runs only for the few that end there.
  if (!AFTER.test(text.slice(end, end + 4))) return false;
  const number = BEFORE.exec(text.slice(Math.max(0, start - REACH), start))?.[1];
  return number !== undefined && !YEAR.test(number);
}

function isDigit(unit: number): boolean {
  return unit >= 0x30 && unit <= 0x39;
}

function isAsciiLetter(unit: number): boolean {
  return (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);
}
