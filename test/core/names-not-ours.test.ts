/**
 * A name inside a longer name that is not ours is not a mention: blockers from a lexicon and from
 * entity exclusions, Latin proper-name continuation, acronym guards, web addresses and the Arabic
 * nisba adjectives. Each row says what a reader would see: [entity id, text as written].
 */
import { describe, expect, test } from "vitest";
import { compileMatcherTable } from "../../src/core/compile-matcher-table.ts";
import { datasetSchema, type DatasetInput } from "../../src/core/dataset-schema.ts";
import { Matcher, type MatchProgress } from "../../src/core/matcher.ts";
import { mergeMatcherTables } from "../../src/core/merge-matcher-tables.ts";
import { testDataset } from "./test-dataset.ts";


/** The test dataset with the places and forms these rules are about. */
function placesDataset(): DatasetInput {
  const dataset = testDataset();
  dataset.entities.push(
    { id: "new-york", type: "place", name: { ar: "نيويورك", en: "New York" }, aliases: ["New York City", "N.Y.C."] },
    { id: "america", type: "place", name: { ar: "القارة", en: "Continent" }, aliases: ["America", "USA", { text: "DC", caseSensitive: true }] },
    { id: "russia", type: "place", name: { ar: "روسيا", en: "Russia" }, aliases: ["أوكرانيا"] },
    { id: "saudi-arabia", type: "place", name: { ar: "المملكة العربية السعودية", en: "Saudi Arabia" }, aliases: ["السعودية"] },
    { id: "biden", type: "person", name: { ar: "جو بايدن", en: "Joe Biden" }, aliases: ["Biden", "بايدن"], exclusions: ["Jill Biden", "جيل بايدن"] },
  );
  return dataset;
}

const lexicon = ["New York Times", "Washington Post", "Latin America", "Voice of America", "George Washington", "USA Today", "أمريكا اللاتينية", "واشنطن بوست", "صوت أمريكا"];
const matcher = new Matcher(compileMatcherTable([datasetSchema.parse(placesDataset())], lexicon));

function mentions(text: string): [string, string][] {
  return matcher.findMentions(text).map((m) => [matcher.entities[m.entity]!.id, text.slice(m.start, m.end)]);
}

type Row = [string, string, [string, string][]];

describe("names that are not ours (lexicon and exclusions)", () => {
  test.each<Row>([
    ["a newspaper named after a city", "a photo for The New York Times.", []],
    ["the city beside the newspaper", "The New York Times, in New York City", [["new-york", "New York City"]]],
    ["a newspaper whose name starts with ours, Arabic, with a proclitic", "قالت وواشنطن بوست إن واشنطن", [["washington", "واشنطن"]]],
    ["a region that ends in ours", "trade with Latin America and America", [["america", "America"]]],
    ["a region in Arabic, with the proclitic ب", "في بأمريكا اللاتينية وأمريكا", [["united-states", "أمريكا"]]],
    ["a broadcaster with ours in the middle", "told Voice of America on Monday", []],
    ["a broadcaster in Arabic", "لإذاعة صوت أمريكا", []],
    ["a person named after a place", "George Washington crossed to Washington", [["washington", "Washington"]]],
    ["a brand that starts with an alias", "USA Today reported from the USA", [["america", "USA"]]],
    ["case does not matter to a blocker", "THE NEW YORK TIMES", []],
    ["an entity's exclusion", "Jill Biden and Biden", [["biden", "Biden"]]],
    ["an entity's exclusion in Arabic", "جيل بايدن وبايدن", [["biden", "بايدن"]]],
    ["a blocker that is not whole words blocks nothing", "New York Timesheet", [["new-york", "New York"]]],
  ])("%s: %s", (_case, text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  test("a name a later dataset claims is its own, though an earlier table lists it as not ours", () => {
    const reader: DatasetInput = {
      ...testDataset(),
      id: "reader",
      entities: [{ id: "nyt", type: "organization", name: { ar: "نيويورك تايمز", en: "New York Times" }, aliases: [] }],
      facts: [],
    };
    const merged = new Matcher(mergeMatcherTables([compileMatcherTable([datasetSchema.parse(placesDataset())], lexicon), compileMatcherTable([datasetSchema.parse(reader)])]));
    const text = "The New York Times in New York";
    expect(merged.findMentions(text).map((m) => [merged.entities[m.entity]!.id, text.slice(m.start, m.end)])).toEqual([
      ["nyt", "New York Times"],
      // The city inside the reader's newspaper is a nested mention, as any name of ours inside a longer name of ours.
      ["new-york", "New York"],
      ["new-york", "New York"],
    ]);
  });

  test("a blocker that began before a slice still swallows the names inside it", () => {
    const text = `${"x ".repeat(20)}The New York Times`;
    const cut = text.indexOf("York");
    const progress: MatchProgress = { mentions: [], reached: 0 };
    matcher.findMentionsFrom(text, 0, cut, progress);
    matcher.findMentionsFrom(text, cut, text.length, progress);
    expect(progress.mentions).toEqual([]);
  });
});

describe("proper-name continuation (Latin script places)", () => {
  test.each<Row>([
    ["a radio station named after the city", "said New York Public Radio on Monday", []],
    ["a company named after the country", "the maker, U.S. Games Systems, said", []],
    ["a university", "she teaches at Moscow State University now", []],
    ["a club, all capitals", "SEATTLE FC", []],
    ["a body of the country stays the country", "the US Treasury said", [["united-states", "US"]]],
    ["a body with joined words stays the country", "the U.S. Securities and Exchange Commission", [["united-states", "U.S."]]],
    ["a common noun in a menu stays the country", "US Sports", [["united-states", "US"]]],
    ["a day after the place", "in Washington Monday, officials", [["washington", "Washington"]]],
    ["a lower-case word does not glue", "the U.S. officials said", [["united-states", "U.S."]]],
    ["a sentence start after an abbreviation", "talks in the U.S. The Press was there", [["united-states", "U.S."]]],
    ["a separator does not glue", "Washington / Moscow Radio", [["washington", "Washington"]]],
    ["a comma does not glue", "Moscow, Radio Liberty said", [["moscow", "Moscow"]]],
    ["another name next to it: a list of places", "Moscow Washington", [["moscow", "Moscow"], ["washington", "Washington"]]],
    ["a title-case headline keeps every name", "Russia Says US Talks Were Constructive", [["russia", "Russia"], ["united-states", "US"]]],
    ["a title-case headline with a head word keeps the name", "Russia Bans Moscow Radio Over Coverage Of Talks", [["russia", "Russia"], ["moscow", "Moscow"]]],
    ["an all-caps headline keeps every name", "RUSSIA SAYS US TALKS WERE CONSTRUCTIVE", [["russia", "Russia".toUpperCase()], ["united-states", "US"]]],
    ["only places: a person's name before a head word stays", "Rubio Foundation", [["rubio", "Rubio"]]],
    ["a name in lower case is not a proper name", "new york times square", []],
  ])("%s: %s", (_case, text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
});

describe("acronym guards", () => {
  test.each<Row>([
    ["a currency prefix", "priced at US$ 100", []],
    ["a currency prefix with a space", "priced at US $100", []],
    ["an amount after it", "it costs US 100 a month", []],
    ["a year after it stays the country", "the US 2024 election", [["united-states", "US"]]],
    ["a year with a suffix after it stays the country", "the US 2020s", [["united-states", "US"]]],
    ["five digits are an amount, not a year", "it costs US 20245 in all", []],
    ["a locale", "lang=en-US and en_US", []],
    ["a hyphen after it stays the country", "the US-Russia talks", [["united-states", "US"], ["russia", "Russia"]]],
    ["the pronoun after a verb in capitals", "FOLLOW US", []],
    ["the pronoun in site chrome", "CONTACT US | ABOUT US | JOIN US", []],
    ["the pronoun at the end of a short link", "WORK WITH US", []],
    ["with the country at the end of a headline", "RUSSIA HOLDS TALKS WITH US", [["russia", "RUSSIA"], ["united-states", "US"]]],
    ["another all-caps acronym: an amount", "DC 12V adapter, in DC today", [["america", "DC"]]],
  ])("%s: %s", (_case, text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
});

describe("web addresses", () => {
  test.each<Row>([
    ["a domain after the name", "visit USA.gov for more", []],
    ["a host before the name", "mail desk@Moscow today", []],
    ["a sentence end stays the name", "in Moscow. Then", [["moscow", "Moscow"]]],
    ["a domain in another script after the name", "visit Moscow.рф today", []],
    ["a lower-case word glued to a capital is not a domain", "in Moscow.theN", [["moscow", "Moscow"]]],
  ])("%s: %s", (_case, text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
});

describe("Arabic country names read as adjectives (nisba)", () => {
  test.each<Row>([
    ["Saudi after a definite noun is the adjective", "القنصلية السعودية في إسطنبول", []],
    ["Saudi after a preposition is the country", "سافر إلى السعودية", [["saudi-arabia", "السعودية"]]],
    ["Saudi after a relative pronoun is the country", "الدول التي السعودية منها", [["saudi-arabia", "السعودية"]]],
    ["Saudi after an indefinite noun is the country", "زيارة السعودية", [["saudi-arabia", "السعودية"]]],
    ["the short form of the full name is the country", "العربية السعودية", [["saudi-arabia", "السعودية"]]],
    ["the full name is the country", "المملكة العربية السعودية", [["saudi-arabia", "المملكة العربية السعودية"]]],
    ["with a proclitic it is the country", "السلطات والسعودية", [["saudi-arabia", "السعودية"]]],
    ["Russian after an indefinite accusative noun is the adjective", "طرد 23 دبلوماسيا روسيا", []],
    ["with tanween written", "طرد 23 دبلوماسياً روسياً", []],
    ["Ukrainian the same way", "أسقطت مسيرة هجوما أوكرانيا", []],
    ["Russia after an adverb is the country", "وتشمل أيضا روسيا", [["russia", "روسيا"]]],
    ["Russia after a particle is the country", "كما روسيا", [["russia", "روسيا"]]],
    ["Russia after a word with a pronoun is the country", "بما فيها روسيا", [["russia", "روسيا"]]],
    ["Russia after a plural verb is the country", "اتهموا روسيا", [["russia", "روسيا"]]],
    ["Russia after a definite noun is the country", "العالم روسيا", [["russia", "روسيا"]]],
  ])("%s: %s", (_case, text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
});
