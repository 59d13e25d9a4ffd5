/**
 * A large dictionary for the matcher benchmark: deterministic pseudo-random names in Arabic,
 * Latin and Cyrillic letters, 1–3 words each, packed into a valid in-memory `Dataset` (no
 * facts: the matcher never reads them) so it goes through the real `compileMatcherTable`.
 */
import type { Dataset, Entity } from "../../src/core/dataset-schema.ts";
import { seededRandom } from "./stats.ts";

const ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
const LATIN = "abcdefghijklmnopqrstuvwxyz";
const CYRILLIC = "абвгдежзийклмнопрстуфхцчшщыэюя";
const SCRIPTS = [ARABIC, LATIN, CYRILLIC] as const;

/** A name of 1–3 words of 3–8 letters, each word capitalised when the script has case. */
function randomName(random: () => number, letters: string): string {
  const words = 1 + Math.floor(random() * 3);
  const out: string[] = [];
  for (let w = 0; w < words; w++) {
    const length = 3 + Math.floor(random() * 6);
    let word = "";
    for (let i = 0; i < length; i++) word += letters[Math.floor(random() * letters.length)];
    out.push(word.charAt(0).toUpperCase() + word.slice(1));
  }
  return out.join(" ");
}

/**
 * A dataset with exactly `aliasCount` names (a multiple of 4): each entity has an Arabic and a
 * Latin display name, a Cyrillic alias and one more alias in a script drawn at random.
 * The same seed always gives the same dataset.
 */
export function syntheticDataset(aliasCount: number, seed = 20250410): Dataset {
  const random = seededRandom(seed);
  const entities: Entity[] = [];
  for (let i = 0; i < aliasCount / 4; i++) {
    const extra = SCRIPTS[Math.floor(random() * SCRIPTS.length)]!;
    entities.push({
      id: `synthetic-${i}`,
      type: "person",
      name: { ar: randomName(random, ARABIC), en: randomName(random, LATIN) },
      aliases: [randomName(random, CYRILLIC), randomName(random, extra)],
      exclusions: [],
      background: [{ text: { ar: "اسم مولّد للقياس", en: "A generated name for benchmarking" }, sources: [{ source: "none" }] }],
      related: [],
    });
  }
  return {
    format: 2,
    id: "synthetic-benchmark",
    name: { ar: "قاموس اصطناعي", en: "Synthetic dictionary" },
    version: "1.0.0",
    sources: [{ id: "none", title: "none", publisher: { ar: "لا أحد", en: "nobody" }, language: "en", eventDate: "2025-04-10", text: "none" }],
    entities,
    facts: [],
    disputes: [],
  };
}
