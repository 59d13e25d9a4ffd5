/** The guard over the whole bundled dataset: what readers rely on when they trust a card. */
import { beforeAll, describe, expect, test } from "vitest";
import type { Dataset } from "../../src/core/dataset-schema.ts";
import { BUNDLED_DATASET, readDatasetFile } from "../../scripts/lib/read-dataset-file.ts";

let dataset: Dataset;
beforeAll(async () => {
  const result = await readDatasetFile(BUNDLED_DATASET);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  dataset = result.dataset;
});

describe("the bundled dataset", () => {
  test("bundles the seed article's full text as its source", async () => {
    const { readFile } = await import("node:fs/promises");
    const seed = await readFile(new URL("../../assets/sources/istanbul-talks-2025-04-10.ar.txt", import.meta.url), "utf8");
    // The seed article is the one source whose text is bundled; the others are cited only.
    const bundled = dataset.sources.filter((s) => s.text !== undefined);
    expect(bundled.map((s) => s.id)).toEqual(["istanbul-talks-2025-04-10"]);
    expect(bundled[0]!.text).toBe(seed);
    expect(bundled[0]!.publisher.ar).toBe("وكالات");
    expect(bundled[0]!.eventDate).toBe("2025-04-10");
  });

  test("has the entities the article names", () => {
    const ids = new Set(dataset.entities.map((e) => e.id));
    for (const id of [
      "alexander-darchiev", "sergei-lavrov", "marco-rubio", "tammy-bruce", "sonata-coulter", "joe-biden",
      "killenworth", "pioneer-point", "russian-consulate-san-francisco", "russian-consulate-seattle",
      "russian-trade-mission-washington", "russian-trade-mission-new-york", "istanbul", "moscow",
      "washington-dc", "long-island", "maryland", "san-francisco", "seattle", "new-york", "saudi-arabia",
      "russia", "united-states", "ukraine", "us-state-department", "russian-foreign-ministry", "tass",
      "us-embassy-moscow", "russian-consulate-istanbul", "istanbul-talks-2025", "lavrov-rubio-meeting-2025",
      "russia-ukraine-war",
    ]) {
      expect(ids, `entity "${id}" is missing`).toContain(id);
    }
  });

  test("every entity has at least one fact, and the central ones several", () => {
    const count = (id: string) => dataset.facts.filter((f) => f.about.includes(id)).length;
    for (const entity of dataset.entities) expect(count(entity.id), `entity "${entity.id}" has no fact`).toBeGreaterThan(0);
    for (const id of ["alexander-darchiev", "killenworth", "pioneer-point", "istanbul-talks-2025", "us-state-department", "tammy-bruce", "sonata-coulter"]) {
      expect(count(id), `entity "${id}" has fewer than 3 facts`).toBeGreaterThanOrEqual(3);
    }
  });

  test("every quote is verbatim in its source", () => {
    const sources = new Map(dataset.sources.map((s) => [s.id, s.text]));
    for (const fact of dataset.facts) {
      expect(sources.get(fact.source)?.includes(fact.quote), `fact "${fact.id}": quote is not verbatim`).toBe(true);
    }
  });

  test("statements the article attributes name their claimant", () => {
    const claimed = dataset.facts.flatMap((f) => f.claimants);
    for (const claimant of ["alexander-darchiev", "us-state-department", "tammy-bruce", "russian-foreign-ministry"]) {
      expect(claimed, `no fact is attributed to "${claimant}"`).toContain(claimant);
    }
  });

  test("sets the article's two disagreements against each other, each between different claimants", () => {
    // Written by hand from the article: the ambassador's "progress in normalising" against the
    // spokesperson's "not a general normalisation"; Russia's complaint of Western restrictions
    // against the US diplomats' "for their part" (من جانبهم) complaint of restricted movement.
    expect(dataset.disputes.map((d) => [d.id, d.facts])).toEqual([
      ["how-far-normalisation-goes", ["darchiev-progress-normalising-missions", "bruce-talks-only-about-embassies"]],
      ["whose-diplomats-are-restricted", ["russia-western-restrictions-diplomat-salaries", "us-diplomats-movement-restricted-in-russia"]],
    ]);
    const claimants = new Map(dataset.facts.map((f) => [f.id, JSON.stringify(f.claimants)]));
    for (const dispute of dataset.disputes) {
      expect(new Set(dispute.facts.map((id) => claimants.get(id))).size, `dispute "${dispute.id}" sets a claimant against itself`).toBe(dispute.facts.length);
    }
  });

  test("the transliteration variants readers meet are aliases", () => {
    const aliases = (id: string) => {
      const e = dataset.entities.find((x) => x.id === id)!;
      return [e.name.ar, e.name.en, ...e.aliases.map((a) => (typeof a === "string" ? a : a.text))];
    };
    expect(aliases("alexander-darchiev")).toEqual(expect.arrayContaining(["Darchiev", "Darchiyev", "دارشيف"]));
    expect(aliases("killenworth")).toEqual(expect.arrayContaining(["Killenworth", "Kilinworth"]));
  });
});
