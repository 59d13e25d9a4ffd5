/**
 * The small schemas that the dataset, the compiled table, the card and the messages share.
 * Kept apart from `dataset-schema.ts` so the content script, which needs only these, does not
 * build the whole dataset schema (and its date and URL validators) on every page.
 */
import * as z from "zod/mini";

/** An id: lower-case ASCII words joined by hyphens, e.g. `alexander-darchiev`. */
export const idSchema = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters and digits joined by hyphens"));

/** A non-empty string, trimmed. */
export const textSchema = z.string().check(z.trim(), z.minLength(1));

/** A text given in both interface languages. */
export const bilingualSchema = z.strictObject({
  ar: textSchema,
  en: textSchema,
});

/** The kinds of thing a story can be about. */
export const entityTypeSchema = z.enum(["person", "place", "property", "organization", "event"]);
