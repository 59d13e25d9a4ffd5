/**
 * Dataset validation: the zod schema for shape, then the rules that need the whole document —
 * ids unique, references resolve, quotes verbatim in their source, every alias matchable and
 * claimed by one entity only. Every problem is reported with the JSON path it concerns, so a
 * dataset author can go straight to it; nothing stops at the first problem.
 */
import * as z from "zod/mini";
import { en } from "zod/locales";
import { datasetSchema, type Alias, type Dataset, type Entity } from "./dataset-schema.ts";
import { normalizeString } from "./normalize-text.ts";

/** What kind of problem; stable, so interfaces can word it in their own language. */
export type ProblemCode =
  | "schema"
  | "duplicate-id"
  | "unknown-entity"
  | "unknown-source"
  | "quote-not-in-source"
  | "alias-empty"
  | "alias-ambiguous"
  | "related-to-itself";

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
    issue: issue.code === "invalid_type" && valueAt(input, issue.path) === undefined ? "missing" : issue.code,
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

/** Checks a parsed JSON value against the dataset format and its cross-reference rules. */
export function validateDataset(input: unknown): DatasetValidation {
  const parsed = datasetSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: schemaProblems(input, parsed.error) };
  const dataset = parsed.data;
  const problems: DatasetProblem[] = [];
  const problem = (path: PropertyKey[], code: ProblemCode, message: string) =>
    problems.push({ path: jsonPath(path), code, message });

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
  indexIds(dataset.facts, "facts");

  const checkEntity = (id: string, path: PropertyKey[]) => {
    if (!entities.has(id)) problem(path, "unknown-entity", `no entity has the id "${id}"`);
  };

  const aliasOwner = new Map<string, { entity: number; path: PropertyKey[] }>();
  dataset.entities.forEach((entity, e) => {
    entity.related.forEach((id, r) => {
      checkEntity(id, ["entities", e, "related", r]);
      if (id === entity.id) problem(["entities", e, "related", r], "related-to-itself", `entity "${id}" lists itself as related`);
    });
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

  dataset.facts.forEach((fact, f) => {
    for (const [a, id] of fact.about.entries()) checkEntity(id, ["facts", f, "about", a]);
    if (fact.claimant !== undefined) checkEntity(fact.claimant, ["facts", f, "claimant"]);
    const s = sources.get(fact.source);
    if (s === undefined) {
      problem(["facts", f, "source"], "unknown-source", `no source has the id "${fact.source}"`);
    } else if (!dataset.sources[s]!.text.includes(fact.quote)) {
      problem(["facts", f, "quote"], "quote-not-in-source", `the quote of fact "${fact.id}" is not verbatim in source "${fact.source}"`);
    }
  });

  return problems.length > 0 ? { ok: false, problems } : { ok: true, dataset };
}
