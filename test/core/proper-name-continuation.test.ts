/**
 * Proper-name continuation on its own: where a Latin-script place name runs on, through spaces,
 * into capitalised words ending in the head word of an organisation, a publication or a venue.
 * The expected value is the offset of the run's first word (marked `^` here), or -1.
 */
import { expect, test } from "vitest";
import { continuationOf } from "../../src/core/proper-name-continuation.ts";
import { bracketed } from "./bracketed.ts";

/** The name in brackets; the first word of the continuing run, if any, after `^`. */
function continuation(marked: string): number {
  const [text, start, end] = bracketed(marked.replace("^", ""));
  return continuationOf(text, start, end);
}

function expected(marked: string): number {
  const at = marked.replace("[", "").replace("]", "").indexOf("^");
  return at;
}

test.each<[string, string]>([
  ["a radio station", "said [New York] ^Public Radio on Monday"],
  ["a company", "the maker [U.S.] ^Games Systems said"],
  ["a university, the head word alone", "at [Moscow] ^University now"],
  ["a head word in capitals", "[SEATTLE] ^FC"],
  ["a possessive head word", "in [Moscow] ^Children’s Theatre, said"],
  ["a possessive head word, straight apostrophe", "at [Moscow] ^Mothers's Club"],
  ["a joiner inside the run", "the [Moscow] ^Bank of Commerce Bank said"],
  ["a no-break space before the run", "the [Moscow]\u00a0^Times said"],
  ["two spaces before the run", "the [Moscow]  ^Times said"],
  ["a digit-led word in the run", "at [Seattle] ^5th Avenue today"],
  ["a run of six words ending in a head word", "the [Moscow] ^One Two Three Four Five Club said"],
  ["a run that reaches the end of the text", "the [Moscow] ^Times"],
  ["a line above in lower case does not make a headline", "it was all\n[Moscow] ^Radio said it"],
  ["a joiner after the head word leaves it the head", "the [Moscow] ^Radio and the rest"],
  ["a sentence in lower case is no headline", "Russia bans [Moscow] ^Radio in crackdown"],
  ["capitals with a lower-case word are no headline", "RUSSIA BANS [MOSCOW] ^RADIO, citing law"],
])("continues: %s", (_case, marked) => {
  expect(continuation(marked)).toBe(expected(marked));
});

test.each<[string, string]>([
  ["a body of the place", "the [US] Treasury said"],
  ["a lower-case word after", "the [U.S.] officials said"],
  ["punctuation after", "[Moscow], Radio Liberty said"],
  ["nothing after", "in [Moscow]"],
  ["a space at the end", "in [Moscow] "],
  ["a name in lower case", "new [york] Times said"],
  ["a run opened by a sentence opener", "in the [U.S.] The Press was there"],
  ["a run opened by a joiner", "the [Moscow] of Radio said"],
  ["a run of seven words", "the [Moscow] One Two Three Four Five Six Club said"],
  ["a head word after a separator", "[Washington] / Oregon Radio"],
  ["a run whose last capitalised word is no head word", "Russia Bans [Moscow] Radio Over Coverage Of Talks"],
  ["a title-case headline", "Russia Bans [Moscow] Radio in Crackdown"],
  ["an all-caps headline", "RUSSIA BANS [MOSCOW] RADIO, CITING LAW"],
  ["a headline on its own line, between lines of text", "the talks went on.\nRussia Bans [Moscow] Radio in Crackdown\nmore text here"],
])("does not continue: %s", (_case, marked) => {
  expect(continuation(marked)).toBe(-1);
});

test("a headline needs three words beside the name and its run", () => {
  const two = "Bans [Moscow] ^Radio in";
  expect(continuation(two)).toBe(expected(two));
  expect(continuation("Russia Bans [Moscow] Radio in")).toBe(-1);
});

test("only words within sixty characters either side decide a headline", () => {
  const lower = "lower case words ";
  // 55 characters of capitalised words before the name: "words" is within reach, so no headline.
  const near = `${lower}${"Abcd ".repeat(11)}[Moscow] ^Radio.`;
  expect(continuation(near)).toBe(expected(near));
  // 60 characters: the lower-case words are out of reach, so a headline.
  expect(continuation(`${lower}${"Abcd ".repeat(12)}[Moscow] Radio.`)).toBe(-1);
  // The same after the run: ". " and 55 characters, then lower case within reach; 60, out of it.
  const nearAfter = `[Moscow] ^Radio. ${"Abcd ".repeat(11)}${lower}`;
  expect(continuation(nearAfter)).toBe(expected(nearAfter));
  expect(continuation(`[Moscow] Radio. ${"Abcd ".repeat(12)}${lower}`)).toBe(-1);
});

test.each<[string, string]>([
  ["a run starting with A", "the [Moscow] ^Academy said"],
  ["a run starting with Z", "at the [Moscow] ^Zoo today"],
  ["a run starting with 9", "the [New York] ^92nd Street school"],
  ["a run starting with 0", "the [Moscow] ^007 Club said"],
  ["a run starting with a capital outside ASCII", "at [Moscow] ^Élan Theatre today"],
  ["a head word in the possessive, curly apostrophe", "at [Moscow] ^Philharmonic’s concert"],
  ["a head word in the possessive, straight apostrophe", "at [Moscow] ^Philharmonic's concert"],
])("continues: %s", (_case, marked) => {
  expect(continuation(marked)).toBe(expected(marked));
});

test.each<[string, string]>([
  ["punctuation after two spaces", "the [Moscow]  (Radio) said"],
  ["a word glued to an ampersand: only spaces glue", "the [Moscow] Arts& Crafts Museum said"],
])("does not continue: %s", (_case, marked) => {
  expect(continuation(marked)).toBe(-1);
});
