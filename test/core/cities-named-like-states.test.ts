/**
 * Cities named like their US state ("New York", "Washington"), city magazines named like their
 * city, house numbers before a street named after a place, and the affiliate disclosure's
 * publisher: each row is a sentence none of
 * the labelled real pages contains, with what a reader would see, [entity id, text as written].
 * Counter-cases that must stay mentions sit beside the cases each rule takes away.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { checkContextCues } from "../../scripts/lib/bundled-matcher-table.ts";
import { compileMatcherTable } from "../../src/core/compile-matcher-table.ts";
import { datasetSchema } from "../../src/core/dataset-schema.ts";
import { Matcher } from "../../src/core/matcher.ts";
import { validateMagazineCues, validateStateCues } from "../../src/core/context-cues.ts";
import { normalizeString } from "../../src/core/normalize-text.ts";
import { isSharedStateName } from "../../src/core/us-state-reading.ts";
import { testDataset } from "./test-dataset.ts";

const dataset = testDataset();
dataset.entities.push(
  { id: "new-york", type: "place", name: { ar: "نيويورك", en: "New York" }, aliases: ["New York City", "مدينة نيويورك"] },
  { id: "maryland", type: "place", name: { ar: "ماريلاند", en: "Maryland" }, aliases: [] },
);
const matcher = new Matcher(compileMatcherTable([datasetSchema.parse(dataset)]));

function mentions(text: string): [string, string][] {
  return matcher.findMentions(text).map((m) => [matcher.entities[m.entity]!.id, text.slice(m.start, m.end)]);
}

type Row = [string, string, [string, string][]];

describe("a city named like its US state", () => {
  test.each<Row>([
    ["the state's governor, after the possessive", "Washington's governor signed the bill on Monday.", []],
    ["an office only a state has, a word between", "New York's elected attorney general sued the company.", []],
    ["a tribe named after the possessive", "the Yakama Nation, one of Washington's tribes, objected", []],
    ["the state's electoral votes", "Trump took New York's 29 electoral votes in the end.", []],
    ["an apposition with a relative clause", "In New York, a state Biden carried easily, turnout fell.", []],
    ["an apposition with 'that'", "In Washington, a state that voted twice for him, the count was slow.", []],
    ["a list of states with commas", "Voters from Ohio, New York and Texas lined up.", []],
    ["a list of states with 'to'", "He drove from Oregon to Washington to Idaho last summer.", []],
    ["Town, State after a preposition", "She grew up in Ithaca, New York, and studied law.", []],
    ["a two-word town, State", "a farm near Walla Walla, Washington.", []],
    ["a statute in the sentence", "Washington has a statute that bans the practice outright.", []],
    ["the other states in the sentence", "The rule helps New York but hurts the other states, he said.", []],
    ["electors with their count", "Four electors in Washington broke ranks that winter.", []],
    ["Arabic: «الولاية» shortly before, in the same paragraph", "تقدم الولاية أطباقها التقليدية كل عام، ومنها أطباق نيويورك الشهيرة.", []],
    // Counter-cases: the city, or the capital for the government.
    ["the senators in Washington", "the senators in Washington voted late", [["washington", "Washington"]]],
    ["the possessive with what a city has", "New York's subway is old.", [["new-york", "New York"]]],
    ["the possessive of the government", "Washington's allies in Europe worried.", [["washington", "Washington"]]],
    ["a list of our cities", "Talks in Moscow, Washington and Beijing went on.", [["moscow", "Moscow"], ["washington", "Washington"]]],
    ["one state beside the name: the metropolitan area", "bombings in New York and New Jersey", [["new-york", "New York"]]],
    ["a flight to a state", "flights from New York to California", [["new-york", "New York"]]],
    ["a part of the city, City", "He lives in Brooklyn, New York.", [["new-york", "New York"]]],
    ["a byline, not a town", "By Jane Doe, New York", [["new-york", "New York"]]],
    ["a state's word, but the city's mayor in the same sentence", "In New York, the city's mayor said the statute was old.", [["new-york", "New York"]]],
    ["electoral votes counted by Congress", "In Washington, Congress counted the electoral votes.", [["washington", "Washington"]]],
    ["the State Department is no apposition", "In Washington, the State Department said no.", [["washington", "Washington"]]],
    ["a month is no town", "Back in March, Washington imposed new sanctions.", [["washington", "Washington"]]],
    ["a country, then a clause: no Town, State", "but in Ukraine, Washington has spent billions", [["washington", "Washington"]]],
    ["the government's delegation", "Washington's delegation arrived in Istanbul on Thursday.", [["washington", "Washington"]]],
    ["electoral votes with no count", "Republicans in Washington fought the electoral votes count.", [["washington", "Washington"]]],
    ["Arabic: «الولاية الثانية» is a term of office", "في الولاية الثانية لترامب، قالت واشنطن إنها سترد", [["washington", "واشنطن"]]],
    ["Arabic: «ولاية ترامب», his term", "خلال ولاية ترامب الأولى، انتقدت واشنطن موسكو", [["washington", "واشنطن"], ["moscow", "موسكو"]]],
    ["a state word in another sentence", "The statute is old. Washington is still debating it.", [["washington", "Washington"]]],
    ["a state entity keeps its own state words", "Maryland's governor, from Maryland, Ohio and Texas", [["maryland", "Maryland"], ["maryland", "Maryland"]]],
    ["Arabic: the city's own name", "قال حاكم الولاية إن مدينة نيويورك تستحق", [["new-york", "مدينة نيويورك"]]],
    ["Arabic: a preposition of place before the name", "وصل حاكم الولاية إلى واشنطن أمس", [["washington", "واشنطن"]]],
    ["Arabic: the government after the state word", "أعلنت الولاية موقفها، وقالت الإدارة إن واشنطن سترد", [["washington", "واشنطن"]]],
    ["Arabic: the states, plural, are the country's", "ومقرها نيويورك، في العديد من الولايات", [["new-york", "نيويورك"]]],
  ])("%s: %s", (_why, text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
});

describe("a house number before a street named after a place", () => {
  test.each<Row>([
    ["number and name end the phrase", "The shop at 221 Washington.", []],
    ["a range and a letter", "The studio at 80-82 Washington, in the old mill, and the flat at 15B New York.", []],
    ["a number counting people", "80 New York residents were evacuated.", [["new-york", "New York"]]],
    ["a number counting firms after 'at'", "at 5 New York firms", [["new-york", "New York"]]],
    ["a year", "in 1970 New York was broke", [["new-york", "New York"]]],
    ["a year-shaped number is never a house number", "The plant at 1990 Washington.", [["washington", "Washington"]]],
    ["no preposition of place before the number", "Dallas 24, Washington 21.", [["washington", "Washington"]]],
  ])("%s: %s", (_why, text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
});

describe("the publisher in an affiliate disclosure", () => {
  test.each<Row>([
    ["a magazine named like its city", "Shopping links may earn Moscow an affiliate commission.", []],
    ["the bare form", "Things you buy may earn New York a commission.", []],
    ["a city that earns something else", "The deal will earn New York a fortune.", [["new-york", "New York"]]],
    ["the name before the verb", "Washington earned a commission on the sale.", [["washington", "Washington"]]],
  ])("%s: %s", (_why, text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
});

describe("a city magazine named like its city", () => {
  test.each<Row>([
    ["the magazine talked to, then what about", "a former anchor who talked to New York about the lawsuit", []],
    ["the magazine told, ending the sentence", "She later confirmed it, she told New York.", []],
    ["an interview with the magazine", "In an interview with New York, the author said", []],
    ["a seat of the magazine's piece", "Hours after the New York investigation, the board met.", []],
    ["the magazine's report ending the phrase", "Before the New York report; nobody knew.", []],
    // Counter-cases: the city, or the city's government.
    ["the city's voters, told", "Biden told New York voters to turn out.", [["new-york", "New York"]]],
    ["a place one talks about, not to", "She talked about New York at length.", [["new-york", "New York"]]],
    ["the government publishes", "New York published new guidance on masks.", [["new-york", "New York"]]],
    ["the government reports", "New York reported 500 new cases on Monday.", [["new-york", "New York"]]],
    ["a report about the city", "The New York report on housing came out.", [["new-york", "New York"]]],
    ["a place with no magazine of its name", "He spoke to Moscow about the talks.", [["moscow", "Moscow"]]],
  ])("%s: %s", (_why, text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  test.each<[string, unknown, string]>([
    ["a missing list", { about: "x", names: ["New York"], talkedTo: ["told"] }, "$.pieces"],
    ["an empty name", { about: "x", names: [""], talkedTo: ["told"], pieces: ["report"] }, "$.names[0]"],
    ["a word listed twice", { about: "x", names: ["New York"], talkedTo: ["told", "Told"], pieces: ["report"] }, "$.talkedTo[1]"],
  ])("its file rejects %s with its JSON path", (_why, input, at) => {
    const result = validateMagazineCues(input);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toContain(at);
  });
});

describe("the state cues file", () => {
  const valid = () => ({
    about: "Test cues.",
    sharedNames: ["New York"],
    states: ["Ohio", "Texas"],
    cityParts: ["Brooklyn"],
    notTowns: ["March"],
    afterPossessive: ["governor"],
    apposition: ["a state"],
    inSentence: ["statute"],
    cityWords: ["mayor"],
    arabicStateWords: ["الولاية"],
    arabicTermAfter: ["الثانية"],
    arabicCityWords: ["مدينة"],
  });

  test("the bundled file is valid", async () => {
    await expect(checkContextCues("states")).resolves.toBeUndefined();
    await expect(checkContextCues("magazines")).resolves.toBeUndefined();
    expect(validateStateCues(valid()).ok).toBe(true);
  });

  test.each<[string, (cues: Record<string, unknown>) => void, string]>([
    ["a missing list", (c) => delete c.states, "$.states"],
    ["an empty phrase", (c) => (c.states = ["Ohio", " "]), "$.states[1]"],
    ["a phrase that is not a string", (c) => (c.cityWords = ["mayor", 3]), "$.cityWords[1]"],
    ["an empty list", (c) => (c.apposition = []), "$.apposition"],
    ["an unknown field", (c) => (c.extra = ["x"]), "$"],
    ["a phrase listed twice, in any case", (c) => (c.states = ["Ohio", "Texas", "ohio"]), "$.states[2]"],
  ])("rejects %s with its JSON path", (_why, spoil, at) => {
    const cues: Record<string, unknown> = valid();
    spoil(cues);
    const result = validateStateCues(cues);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toContain(at);
  });

  test("a malformed file fails the build's check with its file and path", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "state-cues-"));
    const file = path.join(dir, "us-states.json");
    await writeFile(file, JSON.stringify({ ...valid(), cityWords: ["mayor", ""] }));
    await expect(checkContextCues("states", file)).rejects.toThrow(/us-states\.json[\s\S]*\$\.cityWords\[1\]/);
  });

  test("a phrase listed twice is reported at the repeat, naming the first listing", () => {
    expect(validateStateCues({ ...valid(), states: ["Ohio", "Texas", "OHIO"] })).toEqual({
      ok: false,
      problems: [{ path: "$.states[2]", message: '"OHIO" is listed already, at $.states[0]' }],
    });
  });
});

describe("a city named like its US state, at the edges of each cue", () => {
  const tail = " The hearing went on for hours, and the lawyers on both sides said they expected the court to rule before the end of the year.";
  test.each<Row>([
    ["a cue at the third word after the possessive", "Washington's two longtime senators voted no.", []],
    ["a cue at the third word, two spaces between words", "Washington's two  longtime senators voted no.", []],
    ["a cue at the fourth word is too far", "Washington's allies and their senators met.", [["washington", "Washington"]]],
    ["a cue word before a closing bracket and a stop", "The bill (signed by Washington's governor).", []],
    ["a cue after a word with a slash in it", "Washington's senior/junior senators split on it.", []],
    ["a cue in the next sentence after the possessive", "It was Washington's idea. Senators disagreed.", [["washington", "Washington"]]],
    ["one word of a two-word cue", "New York's attorney said no.", [["new-york", "New York"]]],
    ["a list of states opening a long text", `Ohio, Texas and New York sued.${tail}`, []],
    ["the longest state before 'and'", "Voters from Ohio, South Carolina and New York lined up.", []],
    ["a list with no-break spaces", "Voters from Ohio, Texas and\u00a0New York lined up.", []],
    ["a town, then one state after the name", "Flights from Lyon, New York and Texas were cancelled.", [["new-york", "New York"]]],
    ["Town, State with a no-break space", "She grew up in Ithaca,\u00a0New York, and studied law.", []],
    ["Town, then a possessive that goes on", "Speaking in Geneva, Washington's envoy said no.", [["washington", "Washington"]]],
    ["a state's word at the end of the sentence", "New York changed its statute. Others did not.", []],
    ["the city's word only in the next sentence", "New York has a statute on it. The mayor disagreed.", []],
    ["a state's phrase across two spaces", "Washington has 12 electoral  votes.", []],
    ["a state's word after blank lines that hold spaces", "Talks went on, said the mayor\n \n \nNew York has a statute on it.", []],
    ["Arabic: the state word in an earlier paragraph", "تقدم الولاية أطباقها.\nومنها أطباق نيويورك الشهيرة.", [["new-york", "نيويورك"]]],
    ["Arabic: the term of office, later in the paragraph", "بدأت الولاية الثانية للرئيس، وزار نيويورك.", [["new-york", "نيويورك"]]],
    ["Arabic: the government's word before the state word", "أعلنت الحكومة أن الولاية ستدعم مزارعي نيويورك.", []],
  ])("%s: %s", (_why, text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  test("a list of states before the name counts within 150 characters of it", () => {
    const list = "Voters from Ohio, Texas and New York lined up.";
    expect(mentions(list + tail)).toEqual([]);
  });
});

test.each<[string, boolean]>([
  ["New York", true],
  ["Washington", true],
  ["واشنطن", true],
  ["نيو يورك", true],
  ["New York City", false],
  ["Maryland", false],
])("the state rule applies to the name %s: %s", (name, shared) => {
  expect(isSharedStateName(normalizeString(name))).toBe(shared);
});
