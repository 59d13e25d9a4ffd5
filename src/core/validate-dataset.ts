/**
 * Dataset validation: the zod schema for shape (format 2, or format 1 migrated), then the rules
 * that need the whole document — ids unique, references resolve (claimants, intermediaries, group
 * members, citations), quotes verbatim in their source, facts only from sources whose text is
 * bundled, a fact's kind agreeing with its claimants, every background statement sourced, every
 * alias matchable and claimed by one entity only, every dispute between two or more known facts. Every problem is reported with the JSON path it concerns, so a
 * dataset author can go straight to it; nothing stops at the first problem.
 */
import * as z from "zod/mini";
import { en } from "zod/locales";
import { containsName } from "./contains-name.ts";
import { datasetSchema, type Alias, type Citation, type Dataset, type Entity, type Party } from "./dataset-schema.ts";
import { datasetV1Schema, format1Path, isFormat1, migrateDataset } from "./migrate-dataset.ts";
import { normalizeString } from "./normalize-text.ts";

/** What kind of problem; stable, so interfaces can word it in their own language. */
export type ProblemCode =
  | "schema"
  | "duplicate-id"
  | "unknown-entity"
  | "unknown-source"
  | "unknown-fact"
  | "quote-not-in-source"
  | "source-without-text"
  | "kind-claimants"
  | "background-unsourced"
  | "alias-empty"
  | "alias-ambiguous"
  | "related-to-itself"
  | "exclusion-without-name"
  | "exclusion-is-a-name"
  | "dispute-too-few-facts"
  | "dispute-repeats-fact";

/** One problem in a dataset, at a JSON path such as `$.facts[3].quote`. */
export interface DatasetProblem {
  path: string;
  code: ProblemCode;
  /**
   * For a `schema` problem, zod's issue code (`invalid_type`, `unrecognized_keys`, `too_small`,
   * `invalid_format`, …), or `missing` for a required field that is absent, so interfaces can
   * word shape problems in their own language too.
   */
  issue?: string;
  /** In English, for dataset authors. */
  message: string;
}

export type DatasetValidation = { ok: true; dataset: Dataset } | { ok: false; problems: DatasetProblem[] };

/** Formats a path of keys and indices as a JSON path: `$.entities[2].aliases[0]`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${out}.${name}` : `${out}[${JSON.stringify(name)}]`;
  }, "$");
}

// Dataset authors read these messages; the English locale is loaded here, where they are made,
// and not in the content script, which never shows one.
z.config(en());

function schemaProblems(input: unknown, error: z.core.$ZodError): DatasetProblem[] {
  return error.issues.map((issue) => ({
    path: jsonPath(issue.path),
    code: "schema",
    // A required enum or literal that is absent is reported as a wrong value; to an author it is missing.
    issue: (issue.code === "invalid_type" || issue.code === "invalid_value") && valueAt(input, issue.path) === undefined ? "missing" : issue.code,
    message: issue.message,
  }));
}

/** The value at `path` inside `input`, or undefined when there is none. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The text of an alias, whichever form it is written in. */
export function aliasText(alias: Alias): string {
  return typeof alias === "string" ? alias : alias.text;
}

/** Every name an entity can be found by — display names, then aliases — with its JSON path. */
export function entityNamesWithPaths(entity: Entity, index: number): [text: string, path: PropertyKey[]][] {
  return [
    [entity.name.ar, ["entities", index, "name", "ar"]],
    [entity.name.en, ["entities", index, "name", "en"]],
    ...entity.aliases.map((alias, a): [string, PropertyKey[]] => [aliasText(alias), ["entities", index, "aliases", a]]),
  ];
}

/** Checks a parsed JSON value against the dataset format (format 1 is migrated) and its cross-reference rules. */
export function validateDataset(input: unknown): DatasetValidation {
  const format1 = isFormat1(input);
  let dataset: Dataset;
  if (format1) {
    const parsed = datasetV1Schema.safeParse(input);
    if (!parsed.success) return { ok: false, problems: schemaProblems(input, parsed.error) };
    dataset = migrateDataset(parsed.data);
  } else {
    const parsed = datasetSchema.safeParse(input);
    if (!parsed.success) return { ok: false, problems: schemaProblems(input, parsed.error) };
    dataset = parsed.data;
  }
  const problems: DatasetProblem[] = [];
  const problem = (path: PropertyKey[], code: ProblemCode, message: string) =>
    problems.push({ path: jsonPath(format1 ? format1Path(path) : path), code, message });

  const indexIds = <T extends { id: string }>(items: readonly T[], collection: string) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, i);
      else problem([collection, i, "id"], "duplicate-id", `duplicate id "${item.id}", first used at ${jsonPath([collection, first, "id"])}`);
    });
    return seen;
  };
  const sources = indexIds(dataset.sources, "sources");
  const entities = indexIds(dataset.entities, "entities");
  const facts = indexIds(dataset.facts, "facts");
  indexIds(dataset.disputes, "disputes");

  const checkEntity = (id: string, path: PropertyKey[]) => {
    if (!entities.has(id)) problem(path, "unknown-entity", `no entity has the id "${id}"`);
  };
  const checkParty = (party: Party, path: PropertyKey[]) => {
    if (typeof party === "string") checkEntity(party, path);
    else for (const [m, id] of party.members.entries()) checkEntity(id, [...path, "members", m]);
  };
  const checkCitation = (citation: Citation, path: PropertyKey[]) => {
    if ("fact" in citation) {
      if (!facts.has(citation.fact)) problem([...path, "fact"], "unknown-fact", `no fact has the id "${citation.fact}"`);
      return;
    }
    const s = sources.get(citation.source);
    if (s === undefined) {
      problem([...path, "source"], "unknown-source", `no source has the id "${citation.source}"`);
      return;
    }
    if (citation.quote === undefined) return;
    const text = dataset.sources[s]!.text;
    if (text === undefined) {
      problem([...path, "quote"], "source-without-text", `source "${citation.source}" has no bundled text, so it can be cited but not quoted`);
    } else if (!text.includes(citation.quote)) {
      problem([...path, "quote"], "quote-not-in-source", `the quote is not verbatim in source "${citation.source}"`);
    }
  };
  const checkCitations = (citations: readonly Citation[], path: PropertyKey[]) => {
    for (const [c, citation] of citations.entries()) checkCitation(citation, [...path, c]);
  };

  const aliasOwner = new Map<string, { entity: number; path: PropertyKey[] }>();
  dataset.entities.forEach((entity, e) => {
    entity.related.forEach((id, r) => {
      checkEntity(id, ["entities", e, "related", r]);
      if (id === entity.id) problem(["entities", e, "related", r], "related-to-itself", `entity "${id}" lists itself as related`);
    });
    entity.background.forEach((statement, b) => {
      const path = ["entities", e, "background", b, "sources"];
      // Only a summary migrated from format 1 may have no source; the card labels it so.
      if (statement.sources.length === 0 && !format1) {
        problem(path, "background-unsourced", `background statement ${b + 1} of "${entity.id}" gives no source; cite a fact or a source`);
      }
      checkCitations(statement.sources, path);
    });
    if (entity.note !== undefined) checkCitations(entity.note.sources, ["entities", e, "note", "sources"]);
    for (const [text, path] of entityNamesWithPaths(entity, e)) {
      const key = normalizeString(text);
      if (key === "") {
        problem(path, "alias-empty", `alias "${text}" normalises to nothing, so it could never match`);
        continue;
      }
      const owner = aliasOwner.get(key);
      if (owner === undefined) aliasOwner.set(key, { entity: e, path });
      else if (owner.entity !== e) {
        const other = dataset.entities[owner.entity]!.id;
        problem(path, "alias-ambiguous", `alias "${text}" of "${entity.id}" is also an alias of "${other}" (${jsonPath(owner.path)})`);
      }
    }
  });

  // Exclusions once every name is known: one that is itself a name would take that name away.
  dataset.entities.forEach((entity, e) => {
    const names = entityNamesWithPaths(entity, e).map(([text]) => normalizeString(text));
    entity.exclusions.forEach((phrase, x) => {
      const path = ["entities", e, "exclusions", x];
      const owner = aliasOwner.get(normalizeString(phrase));
      if (owner !== undefined) {
        problem(path, "exclusion-is-a-name", `exclusion "${phrase}" of "${entity.id}" is a name of "${dataset.entities[owner.entity]!.id}" (${jsonPath(owner.path)})`);
      } else if (containsName(phrase, names) === undefined) {
        problem(path, "exclusion-without-name", `exclusion "${phrase}" of "${entity.id}" contains none of its names, so it could never keep one from matching`);
      }
    });
  });

  dataset.facts.forEach((fact, f) => {
    for (const [a, id] of fact.about.entries()) checkEntity(id, ["facts", f, "about", a]);
    for (const [c, party] of fact.claimants.entries()) checkParty(party, ["facts", f, "claimants", c]);
    if (fact.via !== undefined) checkParty(fact.via, ["facts", f, "via"]);
    const spoken = fact.kind === "quote" || fact.kind === "reported";
    if (spoken && fact.claimants.length === 0) {
      problem(["facts", f, "claimants"], "kind-claimants", `fact "${fact.id}" is ${fact.kind === "quote" ? "a direct quote" : "reported speech"}, so it needs at least one claimant`);
    } else if (!spoken && fact.claimants.length > 0) {
      problem(["facts", f, "claimants"], "kind-claimants", `fact "${fact.id}" is the outlet's own ${fact.kind}, so it has no claimants; make it "quote" or "reported"`);
    }
    const s = sources.get(fact.source);
    if (s === undefined) {
      problem(["facts", f, "source"], "unknown-source", `no source has the id "${fact.source}"`);
    } else {
      const text = dataset.sources[s]!.text;
      if (text === undefined) {
        problem(["facts", f, "source"], "source-without-text", `source "${fact.source}" has no bundled text; a fact must quote a source whose text is bundled`);
      } else if (!text.includes(fact.quote)) {
        problem(["facts", f, "quote"], "quote-not-in-source", `the quote of fact "${fact.id}" is not verbatim in source "${fact.source}"`);
      }
    }
    if (fact.note !== undefined) checkCitations(fact.note.sources, ["facts", f, "note", "sources"]);
  });

  dataset.disputes.forEach((dispute, d) => {
    const seen = new Map<string, number>();
    dispute.facts.forEach((id, i) => {
      const path = ["disputes", d, "facts", i];
      if (!facts.has(id)) problem(path, "unknown-fact", `no fact has the id "${id}"`);
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else problem(path, "dispute-repeats-fact", `dispute "${dispute.id}" lists fact "${id}" twice, first at ${jsonPath(["disputes", d, "facts", first])}`);
    });
    // A fact cannot dispute itself: it takes two different facts to set against each other.
    if (seen.size < 2) problem(["disputes", d, "facts"], "dispute-too-few-facts", `dispute "${dispute.id}" sets ${seen.size} fact against nothing; list at least two different facts`);
  });

  return problems.length > 0 ? { ok: false, problems } : { ok: true, dataset };
}
