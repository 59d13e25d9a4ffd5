/** Sentence boundaries for the attribution check, one row per rule, Arabic and English. */
import { expect, test } from "vitest";
import { splitSentences } from "../../src/core/split-sentences.ts";

test.each<[string, string, string[]]>([
  ["ends at a full stop, an exclamation and question marks", "أ. ب! ج? د؟ هـ", ["أ.", "ب!", "ج?", "د؟", "هـ"]],
  ["ends at an ellipsis character", "He paused… Then he spoke.", ["He paused…", "Then he spoke."]],
  ["ends at the Urdu full stop", "پہلا۔ دوسرا", ["پہلا۔", "دوسرا"]],
  ["keeps a run of terminators together", "Really?! Yes... Fine", ["Really?!", "Yes...", "Fine"]],
  ["keeps closing quotes and brackets with the sentence", "He said “yes.” (Then he left.) «نعم.» Next", ["He said “yes.”", "(Then he left.)", "«نعم.»", "Next"]],
  ["keeps straight quotes and brackets too", "It's 'done.' [Then.] \"Go.\" End", ["It's 'done.'", "[Then.]", "\"Go.\"", "End"]],
  ["not at the Arabic comma or the semicolon", "قال دارشيف، وأضاف؛ ثم مضى.", ["قال دارشيف، وأضاف؛ ثم مضى."]],
  ["at a line break of any kind", "a\nb\r\nc\u2028d\u2029e\rf", ["a", "b", "c", "d", "e", "f"]],
  ["blank lines and surrounding space give no sentence", "  First.  \n\n \n  Second  ", ["First.", "Second"]],
  ["only white space gives none", " \n\t ", []],
  ["not inside a number", "paid 2.5 million. Then", ["paid 2.5 million.", "Then"]],
  ["not after an initialism", "U.S. officials and D.C. police met. Then", ["U.S. officials and D.C. police met.", "Then"]],
  ["not after an initial", "He met J. Smith today. Then", ["He met J. Smith today.", "Then"]],
  ["not after an initial at the start of the text", "A. Smith spoke. Then", ["A. Smith spoke.", "Then"]],
  ["after a lower-case letter alone", "Take option b. Then go.", ["Take option b.", "Then go."]],
  ["after a capital that ends a word", "It was OK. Then", ["It was OK.", "Then"]],
  ["after a capital that follows a digit", "Route 6A. Then", ["Route 6A.", "Then"]],
  ["a full stop starting the text ends a sentence", ". Then", [".", "Then"]],
  ["not when a letter follows the stop", "see e.g.,this and www.example.com now", ["see e.g.,this and www.example.com now"]],
  ["at the end of the text", "Done.", ["Done."]],
])("%s", (_case, text, expected) => {
  expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(expected);
});

test("offsets point into the text, trimmed", () => {
  expect(splitSentences("  Hi. Yo  ")).toEqual([
    { start: 2, end: 5 },
    { start: 6, end: 8 },
  ]);
});

test.each<[string, string, string[]]>([
  ["after a year: a digit before the stop and a space after it", "It began in 2020. Then it ended.", ["It began in 2020.", "Then it ended."]],
  ["after a capital letter alone, at a question mark", "Was it plan A? Then go.", ["Was it plan A?", "Then go."]],
  ["after a capital letter alone, at an exclamation", "Choose B! Then go.", ["Choose B!", "Then go."]],
  ["a lone mark after a sentence is a sentence of its own", "Hi. ? Yes.", ["Hi.", "?", "Yes."]],
])("ends a sentence %s", (_case, text, expected) => {
  expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(expected);
});
