/** The side panel's claims: every fact about the page's entities, grouped by claimant, with their disputes. */
import { beforeAll, describe, expect, test } from "vitest";
import type { Dataset } from "../../src/core/dataset-schema.ts";
import { buildPageClaims } from "../../src/core/page-claims.ts";
import { BUNDLED_DATASET, readDatasetFile } from "../../scripts/lib/read-dataset-file.ts";

let dataset: Dataset;
beforeAll(async () => {
  const result = await readDatasetFile(BUNDLED_DATASET);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  dataset = result.dataset;
});

/** Each group as `who: fact ids`, readable at a glance. */
const groupsOf = (entities: string[]) =>
  buildPageClaims(dataset, entities).groups.map((g) => `${g.outlet?.en ?? g.claimants.map((c) => ("group" in c ? c.group.en : c.name.en)).join(" + ")}: ${g.facts.join(", ")}`);

describe("buildPageClaims", () => {
  test("one group per claimant, the source's own reporting apart, in the article's order", () => {
    expect(groupsOf(["tammy-bruce"])).toEqual([
      "Agencies: bruce-state-department-spokesperson",
      "Tammy Bruce: bruce-talks-only-about-embassies, bruce-normalisation-requires-peace",
    ]);
  });

  test("a joint claim is the group of its claimants, listed once", () => {
    expect(groupsOf(["moscow"])).toEqual(["Moscow and Washington: moscow-washington-accreditation-difficulties, talks-focus-restoring-missions"]);
  });

  test("a fact about two entities on the page is listed once", () => {
    const claims = buildPageClaims(dataset, ["tammy-bruce", "us-state-department"]);
    expect(claims.facts.filter((f) => f.id === "bruce-talks-only-about-embassies")).toHaveLength(1);
  });

  test("a dispute comes with every side, even one about an entity not on the page", () => {
    const claims = buildPageClaims(dataset, ["tammy-bruce"]);
    expect(claims.disputes.map((d) => [d.label.en, d.facts.map((f) => f.id)])).toEqual([
      ["How far the talks go towards normalisation", ["darchiev-progress-normalising-missions", "bruce-talks-only-about-embassies"]],
    ]);
    expect(claims.facts.find((f) => f.id === "bruce-talks-only-about-embassies")?.disputes).toEqual([
      { id: "how-far-normalisation-goes", label: { ar: "إلى أي حد تمضي المحادثات نحو التطبيع", en: "How far the talks go towards normalisation" } },
    ]);
    expect(claims.facts.find((f) => f.id === "bruce-normalisation-requires-peace")?.disputes).toBeUndefined();
  });

  test("nothing for entities the dataset does not have", () => {
    expect(buildPageClaims(dataset, ["ilse-varnhagen"])).toMatchObject({ facts: [], groups: [], disputes: [] });
  });
});

describe("buildPageClaims: group keys and the dataset", () => {
  test.each([
    ["a named claimant, and the source's own reporting", "tammy-bruce", ["outlet:istanbul-talks-2025-04-10", 'claimants:["tammy-bruce"]']],
    ["a joint claim, keyed by its group's English name", "moscow", ['claimants:["Moscow and Washington"]']],
  ])("keys %s", (_name, entity, keys) => {
    expect(buildPageClaims(dataset, [entity]).groups.map((g) => g.key)).toEqual(keys);
  });

  test("names the dataset it comes from", () => {
    expect(buildPageClaims(dataset, ["tammy-bruce"]).dataset).toEqual({ id: dataset.id, name: dataset.name, version: dataset.version });
    expect(buildPageClaims(dataset, ["tammy-bruce"]).dataset.id).toBe("istanbul-talks-2025");
  });

  test("a dispute naming a fact the dataset lacks is an error that names both", () => {
    const [dispute] = buildPageClaims(dataset, ["tammy-bruce"]).disputes;
    const broken: Dataset = {
      ...dataset,
      disputes: dataset.disputes.map((d) => (d.id === dispute!.id ? { ...d, facts: [...d.facts, "no-such-fact"] } : d)),
    };
    expect(() => buildPageClaims(broken, ["tammy-bruce"])).toThrow(`dispute "${dispute!.id}" names an unknown fact "no-such-fact"`);
  });
});
