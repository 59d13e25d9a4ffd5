/**
 * Import problems in the interface language: each problem is worded by its stable `code` (and,
 * for a shape problem, zod's issue code), while its JSON path is shown as it is and the English
 * message stays available as a detail for dataset authors.
 */
import { MAX_IMPORT_BYTES, type ImportProblem, type ImportProblemCode } from "../../core/dataset-import.ts";
import type { InterfaceText, MessageKey } from "../interface-text.ts";

const byCode: Record<Exclude<ImportProblemCode, "schema" | "too-large">, MessageKey> = {
  "invalid-json": "importProblemInvalidJson",
  "text-file": "importProblemTextFile",
  "bundled-id": "importProblemBundledId",
  "duplicate-id": "importProblemDuplicateId",
  "unknown-entity": "importProblemUnknownEntity",
  "unknown-source": "importProblemUnknownSource",
  "unknown-fact": "importProblemUnknownFact",
  "quote-not-in-source": "importProblemQuoteNotInSource",
  "source-without-text": "importProblemSourceWithoutText",
  "kind-claimants": "importProblemKindClaimants",
  "background-unsourced": "importProblemBackgroundUnsourced",
  "alias-empty": "importProblemAliasEmpty",
  "alias-ambiguous": "importProblemAliasAmbiguous",
  "related-to-itself": "importProblemRelatedToItself",
  "exclusion-without-name": "importProblemExclusionWithoutName",
  "exclusion-is-a-name": "importProblemExclusionIsAName",
  "dispute-too-few-facts": "importProblemDisputeTooFewFacts",
  "dispute-repeats-fact": "importProblemDisputeRepeatsFact",
};

/** Shape problems by zod's issue code (plus `missing`); any other code is worded generally. */
const byIssue: Record<string, MessageKey> = {
  missing: "importProblemMissing",
  invalid_type: "importProblemWrongType",
  unrecognized_keys: "importProblemUnknownField",
  too_small: "importProblemTooSmall",
  too_big: "importProblemTooBig",
  invalid_format: "importProblemFormat",
  invalid_value: "importProblemValue",
};

/** A size in megabytes in the interface language: "2 MB", "2 ميغابايت". */
export function megabytesText(text: InterfaceText, bytes: number): string {
  const count = new Intl.NumberFormat(`${text.language}-u-nu-latn`, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
  return text.message("sizeMegabytes", count);
}

/** The problem in the interface language (without its path). */
export function importProblemText(text: InterfaceText, problem: ImportProblem): string {
  if (problem.code === "too-large") return text.message("importProblemTooLarge", megabytesText(text, MAX_IMPORT_BYTES));
  if (problem.code === "schema") return text.message((problem.issue !== undefined && Object.hasOwn(byIssue, problem.issue) ? byIssue[problem.issue] : undefined) ?? "importProblemSchema");
  return text.message(byCode[problem.code]);
}
