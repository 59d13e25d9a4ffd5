/**
 * The reader's settings: one zod schema with defaults. A missing, partial or corrupted stored
 * value never throws: each field that does not parse falls back to its default, and the
 * problem is reported so the caller can log it and write the repaired value back.
 */
import * as z from "zod/mini";

/** A site, by its host name as `URL.hostname` gives it. */
const hostSchema = z.string().check(z.minLength(1), z.maxLength(253), z.regex(/^[a-z0-9.\-[\]:]+$/i));

/** Each setting's schema with its default: the one place a field's rule is written. */
export const settingFields = {
  /** The overlay on or off everywhere. */
  enabled: z._default(z.boolean(), true),
  /** `all-except`: on everywhere but `sites`; `only-listed`: on only on `sites`. */
  siteMode: z._default(z.enum(["all-except", "only-listed"]), "all-except"),
  sites: z._default(z.array(hostSchema).check(z.maxLength(10_000)), []),
  /** How long the pointer rests on a name before its card opens. */
  hoverDelayMs: z._default(z.int().check(z.minimum(0), z.maximum(3000)), 350),
  /** The card's language: follow the page, or always Arabic or English. */
  cardLanguage: z._default(z.enum(["auto", "ar", "en"]), "auto"),
  /** How mentions are drawn: a soft marker behind them, or an underline (which costs every repaint of the page: see `mention-registry.ts`). */
  highlightStyle: z._default(z.enum(["underline", "background"]), "background"),
};

/** The reader's settings. */
const settingsSchema = z.strictObject(settingFields);

export type Settings = z.infer<typeof settingsSchema>;

/** The settings a new reader starts with. */
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** The storage key the settings live under, and the version of their stored shape. */
export const SETTINGS_KEY = "settings";
export const SETTINGS_VERSION = 1;

/** Settings read from storage, and what had to be repaired to read them. */
export interface ParsedSettings {
  settings: Settings;
  problems: string[];
}

/** Parses a stored value field by field, so one corrupted field does not cost the others. */
export function parseSettings(stored: unknown): ParsedSettings {
  if (stored === undefined) return { settings: { ...DEFAULT_SETTINGS }, problems: [] };
  if (stored === null || typeof stored !== "object" || Array.isArray(stored)) {
    return { settings: { ...DEFAULT_SETTINGS }, problems: ["stored settings are not an object; using defaults"] };
  }
  const record = stored as Record<string, unknown>;
  const problems: string[] = [];
  const settings: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(settingFields)) {
    const parsed = (schema as z.ZodMiniType).safeParse(record[key]);
    if (parsed.success) settings[key] = parsed.data;
    else {
      settings[key] = DEFAULT_SETTINGS[key as keyof Settings];
      problems.push(`settings.${key} is invalid; using the default`);
    }
  }
  for (const key of Object.keys(record)) {
    if (!(key in settingFields) && key !== "version") problems.push(`settings.${key} is unknown; dropped`);
  }
  return { settings: settings as Settings, problems };
}

/** Whether the overlay should run on a page of this host. */
export function isOverlayOnFor(settings: Settings, host: string): boolean {
  if (!settings.enabled) return false;
  const listed = settings.sites.includes(host);
  return settings.siteMode === "all-except" ? !listed : listed;
}

/** The settings with the overlay turned on or off for one site, whichever mode is in use. */
export function withSiteEnabled(settings: Settings, host: string, on: boolean): Settings {
  const listed = settings.siteMode === "all-except" ? !on : on;
  const sites = settings.sites.filter((s) => s !== host);
  return { ...settings, sites: listed ? [...sites, host] : sites };
}
