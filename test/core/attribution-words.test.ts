/**
 * The words of the attribution check, one row per rule: verbs of saying with the proclitics and
 * endings Arabic attaches, whole English words, and role words by entity type. Texts are
 * normalised as the check normalises them.
 */
import { describe, expect, test } from "vitest";
import { attributesSpeech, mentionsRole } from "../../src/core/attribution-words.ts";
import { normalizeString } from "../../src/core/normalize-text.ts";

describe("attributesSpeech", () => {
  test.each<[string, string, boolean]>([
    ["an Arabic verb alone", "قال السفير", true],
    ["with the conjunction و", "وقال السفير", true],
    ["with ف and an ending", "فأكدت الوزارة", true],
    ["with a plural ending", "وأضافوا أن", true],
    ["with a preposition", "بحسب الوزارة", true],
    ["with و and a preposition", "وبحسب الوزارة", true],
    ["a participle", "مشيراً إلى", true],
    ["inside a longer word", "المقال طويل", false],
    ["with a letter that is no proclitic", "تقالت", false],
    ["with an ending that is not one", "قالب", false],
    ["an Arabic phrase", "نقلاً عن مصادر", true],
    ["an Arabic phrase with its preposition glued to the name", "وفقاً لواشنطن", true],
    ["an Arabic phrase inside a longer word", "توفقا لهم", false],
    ["an English verb", "officials said on Monday", true],
    ["an English phrase", "according to officials", true],
    ["an English verb at the start", "Said the minister", true],
    ["an English verb inside a longer word", "the saidi family", false],
    ["an English verb after a digit", "3said", false],
    ["an English verb before a digit", "said2", false],
    ["an English verb as the end of a word", "unsaid words", false],
    ["no verb of saying", "the talks were constructive", false],
    ["nothing", "", false],
  ])("%s: %s", (_case, text, expected) => {
    expect(attributesSpeech(normalizeString(text))).toBe(expected);
  });
});

describe("mentionsRole", () => {
  test.each<[string, Parameters<typeof mentionsRole>[1], string, boolean]>([
    ["a person's role in Arabic, with the article", "person", "وأكد السفير أن", true],
    ["a person's role in Arabic, without it", "person", "قال سفير روسيا", true],
    ["a person's role with the preposition ل and the elided article", "person", "وقال للسفير", true],
    ["a person's role in English", "person", "the ambassador said", true],
    ["an organisation's role is not a person's", "person", "the ministry said", false],
    ["an organisation's role in Arabic", "organization", "قالت الوزارة", true],
    ["an organisation's role in English", "organization", "The Ministry said", true],
    ["a person's role is not an organisation's", "organization", "the ambassador said", false],
    ["a place's role in Arabic", "place", "اتفق الجانبان", true],
    ["a place's role in English", "place", "the country said", true],
    ["a role word inside a longer word", "place", "the sideline", false],
    ["a property has no role words", "property", "the ministry said the country", false],
    ["an event has no role words", "event", "the ministry said the country", false],
    ["a group in Arabic", "group", "قال دبلوماسيون", true],
    ["a group in English", "group", "both sides said", true],
    ["a single role is no group", "group", "the ambassador said", false],
  ])("%s", (_case, type, text, expected) => {
    expect(mentionsRole(normalizeString(text), type)).toBe(expected);
  });

  test("asked twice, the answer does not change", () => {
    expect([mentionsRole("the minister said", "person"), mentionsRole("the minister said", "person")]).toEqual([true, true]);
    expect([mentionsRole("the minister said", "organization"), mentionsRole("the minister said", "organization")]).toEqual([false, false]);
  });
});

describe("mentionsRole, at the edges of words", () => {
  test.each<[string, Parameters<typeof mentionsRole>[1], string, boolean]>([
    ["a property has no role words, even between punctuation and space", "property", "the ministry, said the country.", false],
    ["an event has none either", "event", "« the ministry » , ( the country ) .", false],
    ["an Arabic role word inside a longer word", "place", "الاثار الجانبيه", false],
    ["an English role word before a digit", "person", "the ambassador2", false],
    ["a group's English word, not a person's", "person", "both sides said", false],
    ["a place's English role word", "place", "the other side said", true],
  ])("%s", (_case, type, text, expected) => {
    expect(mentionsRole(normalizeString(text), type)).toBe(expected);
  });
});
