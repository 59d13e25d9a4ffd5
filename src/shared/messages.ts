/**
 * The one message protocol between the extension's contexts, declared once as a map from
 * message type to request and response schemas. Both ends derive their types from it, so a
 * missing handler or a wrong payload fails `tsc`; the receiver validates with zod, checks the
 * sender is the extension itself, and answers errors as values, never by throwing.
 */
import * as z from "zod/mini";
import { entityTypeSchema, idSchema } from "../core/schema-primitives.ts";
import { entityCardSchema } from "../core/entity-card.ts";
import { pageClaimsSchema } from "../core/page-claims.ts";

const bilingualTextSchema = z.strictObject({ ar: z.string(), en: z.string() });

/** A dataset as the popup and the settings page list it. */
const datasetSummarySchema = z.strictObject({
  id: idSchema,
  name: bilingualTextSchema,
  version: z.string(),
  entities: z.int().check(z.minimum(0)),
  facts: z.int().check(z.minimum(0)),
  sources: z.array(z.strictObject({ id: idSchema, title: z.string(), publisher: bilingualTextSchema, date: z.optional(z.string()) })),
  /** Comes with the extension; it cannot be removed. */
  bundled: z.boolean(),
  /** Its names are highlighted (the bundled dataset always is). */
  enabled: z.boolean(),
  /** When the reader imported it (ISO 8601); absent for the bundled dataset. */
  importedAt: z.optional(z.string()),
});

/** An imported dataset whose stored data cannot be read or no longer validates. */
const unreadableDatasetSchema = z.strictObject({
  id: idSchema,
  bundled: z.literal(false),
  enabled: z.boolean(),
  /** Why, in English (a diagnostic). */
  unreadable: z.string(),
});

/** Messages the background answers (sent by content scripts and extension pages). */
export const backgroundProtocol = {
  /** The full card of one entity, loaded only when its card opens. */
  getEntityCard: {
    request: z.strictObject({ type: z.literal("getEntityCard"), dataset: idSchema, entity: idSchema }),
    response: entityCardSchema,
  },
  /** Opens the source viewer on a fact's quote, in a new tab. */
  openSource: {
    request: z.strictObject({
      type: z.literal("openSource"),
      dataset: idSchema,
      source: idSchema,
      fact: idSchema,
      language: z.enum(["ar", "en"]),
    }),
    response: z.strictObject({ opened: z.literal(true) }),
  },
  /**
   * The datasets: the bundled one first, then those the reader imported, in the order their
   * names are matched. An imported dataset that cannot be read is listed as `unreadable`, so the
   * reader can see it and remove it.
   */
  listDatasets: {
    request: z.strictObject({ type: z.literal("listDatasets") }),
    response: z.array(z.union([datasetSummarySchema, unreadableDatasetSchema])),
  },
  /**
   * Injects one of the extension's on-demand scripts into the asking frame's content-script
   * world (`scripting.executeScript`): the card's UI the first time a card may open there; the
   * full content script (with its highlight styles) when a sub-frame's gate finds text.
   * Nothing is web-accessible, so pages cannot detect the extension by loading these files.
   */
  loadPageScript: {
    request: z.strictObject({ type: z.literal("loadPageScript"), script: z.enum(["card-view", "content-script"]) }),
    response: z.strictObject({ loaded: z.literal(true) }),
  },
  /** A frame's content script reports how many mentions and entities it has, for the badge. */
  mentionsCounted: {
    request: z.strictObject({
      type: z.literal("mentionsCounted"),
      mentions: z.int().check(z.minimum(0)),
      entities: z.array(idSchema).check(z.maxLength(100_000)),
    }),
    response: z.strictObject({ recorded: z.literal(true) }),
  },
  /** The claims about the entities on a page, per dataset, for the side panel. */
  getPageClaims: {
    request: z.strictObject({
      type: z.literal("getPageClaims"),
      entities: z.array(z.strictObject({ dataset: idSchema, id: idSchema })).check(z.maxLength(100_000)),
    }),
    response: z.array(pageClaimsSchema),
  },
  /**
   * Opens the side panel at a dispute ("see the other side" on a card). Chrome opens it from the
   * click's user gesture; Firefox only shows it there if the sidebar is already open, and keeps
   * the dispute for when the reader opens it (`opened: false`).
   */
  openPanelAt: {
    request: z.strictObject({ type: z.literal("openPanelAt"), dataset: idSchema, dispute: idSchema }),
    response: z.strictObject({ opened: z.boolean() }),
  },
  /** The dispute a card asked the panel to show, if the panel was not open to show it; asked once by a panel that opens. */
  takePanelFocus: {
    request: z.strictObject({ type: z.literal("takePanelFocus") }),
    response: z.nullable(z.strictObject({ dataset: idSchema, dispute: idSchema })),
  },
} as const;

/** Messages the side panel answers (sent by the background). */
export const panelProtocol = {
  /** A tab's mentions changed (or it navigated): a panel following it asks its page again. */
  tabMentionsChanged: {
    request: z.strictObject({ type: z.literal("tabMentionsChanged"), tabId: z.int() }),
    response: z.strictObject({ seen: z.literal(true) }),
  },
  /** Shows a dispute (the reader chose "see the other side" on a card in `tabId`). */
  showDispute: {
    request: z.strictObject({ type: z.literal("showDispute"), tabId: z.int(), dataset: idSchema, dispute: idSchema }),
    response: z.strictObject({ shown: z.boolean() }),
  },
} as const;

/** One entity found on a page, with how often it is mentioned. */
const entityOnPageSchema = z.strictObject({
  id: idSchema,
  dataset: idSchema,
  type: entityTypeSchema,
  name: z.strictObject({ ar: z.string(), en: z.string() }),
  mentions: z.int().check(z.minimum(1)),
});

/** Messages a content script answers (sent by the popup and the background). */
export const pageProtocol = {
  /** The entities found on the page, for the popup. */
  getEntitiesOnPage: {
    request: z.strictObject({ type: z.literal("getEntitiesOnPage") }),
    response: z.strictObject({
      /** The site the per-site setting applies to (the tab's host name). */
      site: z.string(),
      active: z.boolean(),
      mentions: z.int().check(z.minimum(0)),
      entities: z.array(entityOnPageSchema),
    }),
  },
  /** Scrolls to an entity's first mention and opens its card. */
  revealEntity: {
    request: z.strictObject({
      type: z.literal("revealEntity"),
      entity: idSchema,
      /** The entity's dataset, when known: two datasets may use the same entity id. */
      dataset: z.optional(idSchema),
    }),
    response: z.strictObject({ revealed: z.boolean() }),
  },
  /** Moves to the next mention in view and opens its card with focus inside (keyboard command). */
  focusNextMention: {
    request: z.strictObject({ type: z.literal("focusNextMention") }),
    response: z.strictObject({ focused: z.boolean() }),
  },
} as const;

type Protocol = Record<string, { request: z.ZodMiniType<{ type: string }>; response: z.ZodMiniType }>;

/** A request of one protocol, by type. */
export type RequestOf<P extends Protocol, K extends keyof P> = z.infer<P[K]["request"]>;
/** The successful response to a request, by type. */
export type ResponseOf<P extends Protocol, K extends keyof P> = z.infer<P[K]["response"]>;
/** What crosses back: a value, or an error as a value. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Handlers for every message of a protocol; one missing is a type error. */
export type Handlers<P extends Protocol, Context> = {
  [K in keyof P]: (request: RequestOf<P, K>, context: Context) => Promise<ResponseOf<P, K>> | ResponseOf<P, K>;
};

/**
 * Validates an incoming message against a protocol and runs its handler. Anything that is not
 * a well-formed request of the protocol is rejected with an error value and changes nothing.
 */
export async function dispatch<P extends Protocol, Context>(
  protocol: P,
  handlers: Handlers<P, Context>,
  message: unknown,
  context: Context,
): Promise<Reply<unknown>> {
  const type = (message as { type?: unknown } | null)?.type;
  if (typeof type !== "string" || !Object.hasOwn(protocol, type)) return { ok: false, error: "unknown message type" };
  const parsed = protocol[type]!.request.safeParse(message);
  if (!parsed.success) return { ok: false, error: `malformed ${type}: ${parsed.error.issues[0]?.message ?? "invalid"}` };
  try {
    const value = await handlers[type as keyof P](parsed.data as never, context);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** Checks and unwraps a reply against the protocol's response schema. */
export function readReply<P extends Protocol, K extends keyof P & string>(protocol: P, type: K, reply: unknown): Reply<ResponseOf<P, K>> {
  const envelope = z
    .union([z.strictObject({ ok: z.literal(true), value: z.unknown() }), z.strictObject({ ok: z.literal(false), error: z.string() })])
    .safeParse(reply);
  if (!envelope.success) return { ok: false, error: `no valid reply to ${type}` };
  if (!envelope.data.ok) return envelope.data;
  const value = protocol[type]!.response.safeParse(envelope.data.value);
  return value.success ? { ok: true, value: value.data as ResponseOf<P, K> } : { ok: false, error: `malformed reply to ${type}` };
}

/** One dataset in the list, readable or not. */
export type DatasetListItem = z.infer<typeof datasetSummarySchema> | z.infer<typeof unreadableDatasetSchema>;
/** A readable dataset in the list. */
export type DatasetSummary = z.infer<typeof datasetSummarySchema>;

/** Whether a listed dataset could be read. */
export function isReadableDataset(item: DatasetListItem): item is DatasetSummary {
  return !("unreadable" in item);
}
