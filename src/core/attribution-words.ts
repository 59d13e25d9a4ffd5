/**
 * The words the attribution check looks for, in Arabic and English: verbs and phrases that
 * attribute speech, and role words by which a text refers to a speaker it has named ("the
 * ambassador", «الوزارة»). Arabic words are listed in their normalised form (`normalizeString`:
 * hamza and madda dropped from alef, ة → ه, ى → ي) and matched as whole words after the
 * proclitics news Arabic attaches (و، ف، ب، ل، ك) and with the endings a verb or noun takes.
 */
import type { EntityType } from "./dataset-schema.ts";

/** Arabic verbs of saying, by stem (past and present), with participles used as "adding that". */
const ARABIC_SPEECH_STEMS = [
  "قال", "يقول", "تقول", "اكد", "يوكد", "توكد", "موكدا", "اشار", "يشير", "تشير", "مشيرا", "اوضح", "يوضح", "توضح", "موضحا",
  "اضاف", "يضيف", "تضيف", "مضيفا", "ذكر", "يذكر", "تذكر", "اعلن", "يعلن", "تعلن", "اشتكي", "اشتكت", "اشتكوا", "يشتكي", "تشتكي",
  "وصف", "يصف", "تصف", "واصفا", "حسب", "صرح", "يصرح", "تصرح", "افاد", "يفيد", "تفيد", "اعرب", "قائلا", "قائله",
];

/** Arabic multi-word attributions, normalised. */
const ARABIC_SPEECH_PHRASES = ["وفقا ل", "نقلا عن"];

/** English verbs of saying and attributing phrases. */
const ENGLISH_SPEECH = [
  "said", "says", "say", "told", "tells", "stated", "states", "according to", "described", "describes", "added", "adds",
  "noted", "announced", "complained", "explained", "stressed", "claimed", "declared", "insisted", "reported",
];

/** Role words by the type of entity they can refer to, without the article (Arabic) — normalised. */
const ARABIC_ROLES: Record<EntityType, readonly string[]> = {
  person: ["سفير", "سفيره", "وزير", "وزيره", "متحدث", "متحدثه", "ناطق", "رئيس", "رئيسه", "دبلوماسي", "مسوول", "مسووله", "نائب", "نائبه"],
  organization: ["وزاره", "خارجيه", "وكاله", "سفاره", "قنصليه", "وفد", "حكومه", "اداره", "بعثه"],
  place: ["جانب", "جانبان", "جانبين", "طرف", "طرفان", "طرفين", "بلد", "بلدان", "بلدين", "حكومه", "دوله"],
  property: [],
  event: [],
};

/** English role words by the type of entity they can refer to. */
const ENGLISH_ROLES: Record<EntityType, readonly string[]> = {
  person: ["the ambassador", "the minister", "spokesperson", "spokesman", "spokeswoman", "the president", "the diplomat", "the official", "the envoy"],
  organization: ["the ministry", "the department", "the agency", "the embassy", "the consulate", "the delegation", "the government", "the mission"],
  place: ["side", "sides", "the government", "the country", "both countries"],
  property: [],
  event: [],
};

/** Role words for a described group ("both sides", «الجانبان»). */
const ARABIC_GROUP_ROLES = ["جانبان", "جانبين", "طرفان", "طرفين", "بلدان", "بلدين", "دبلوماسيون", "دبلوماسيين", "مسوولون", "مسوولين"];
const ENGLISH_GROUP_ROLES = ["both sides", "the two sides", "both countries", "diplomats", "officials"];

const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternation = (words: readonly string[]) => words.map(escapeRegExp).join("|");

/** An Arabic whole word with its proclitics and endings; `(?<!\p{L})` and `(?!\p{L})` are the word's edges. */
function arabicWords(stems: readonly string[], options: { article: boolean }): RegExp {
  const article = options.article ? "(?:ال|ل)?" : "";
  return new RegExp(`(?<!\\p{L})[وف]?[بكل]?${article}(?:${alternation(stems)})(?:ت|وا|ا|تا|ما|ه|ها|هم|ان|ين|ون)?(?!\\p{L})`, "u");
}

function englishWords(words: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(words)})(?![\\p{L}\\p{N}])`, "u");
}

/** Matches a normalised text that attributes speech. */
const SPEECH = {
  arabic: arabicWords(ARABIC_SPEECH_STEMS, { article: false }),
  // The preposition takes the name it governs as a suffix («وفقاً لواشنطن»): no end boundary.
  arabicPhrases: new RegExp(`(?<!\\p{L})[وف]?(?:${alternation(ARABIC_SPEECH_PHRASES)})`, "u"),
  english: englishWords(ENGLISH_SPEECH),
};

/** Whether a normalised text attributes speech to someone. */
export function attributesSpeech(normalized: string): boolean {
  return SPEECH.arabic.test(normalized) || SPEECH.arabicPhrases.test(normalized) || SPEECH.english.test(normalized);
}

const roleCache = new Map<string, RegExp[]>();

/** Whether a normalised text refers to an entity of `type` (or a group) by a role word. */
export function mentionsRole(normalized: string, type: EntityType | "group"): boolean {
  let patterns = roleCache.get(type);
  if (patterns === undefined) {
    const arabic = type === "group" ? ARABIC_GROUP_ROLES : ARABIC_ROLES[type];
    const english = type === "group" ? ENGLISH_GROUP_ROLES : ENGLISH_ROLES[type];
    patterns = [
      ...(arabic.length > 0 ? [arabicWords(arabic, { article: true })] : []),
      ...(english.length > 0 ? [englishWords(english)] : []),
    ];
    roleCache.set(type, patterns);
  }
  return patterns.some((p) => p.test(normalized));
}
