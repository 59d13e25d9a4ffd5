/**
 * The interface text of the extension's own pages (popup, settings), from `_locales`.
 *
 * By default the text comes from `browser.i18n`, which always speaks the browser's UI language.
 * Tests (and anyone checking a translation) need the other language too, and `browser.i18n`
 * cannot be switched, so a `?lang=ar|en` parameter loads that locale's `messages.json` from the
 * extension's own package (an extension page may fetch its own files) and reads it with
 * `messageFromJson`, which follows the same placeholder rules as `browser.i18n.getMessage`.
 * The card and the source viewer follow the page's language instead, so they keep their own
 * tables (`card-strings.ts`).
 */
import type { CardLanguage } from "./card/card-strings.ts";

/** Every message key, taken from the default locale's file so a misspelt key fails `tsc`. */
export type MessageKey = keyof typeof import("../../assets/_locales/en/messages.json");

/** The interface text in one language. */
export interface InterfaceText {
  language: CardLanguage;
  /** The message under `key`, with `$1`…`$9` (and the placeholders naming them) filled in. */
  message(key: MessageKey, ...substitutions: string[]): string;
}

/** The subset of `browser.i18n` the interface reads. */
export interface I18nApi {
  getMessage(key: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

/** The interface language for a BCP 47 locale: Arabic for any Arabic locale, else English (the default locale). */
export function interfaceLanguageOf(locale: string): CardLanguage {
  return locale.toLowerCase().startsWith("ar") ? "ar" : "en";
}

/** The interface text as `browser.i18n` gives it, in the browser's UI language. */
export function textFromI18n(i18n: I18nApi): InterfaceText {
  return {
    language: interfaceLanguageOf(i18n.getUILanguage()),
    // An unknown key yields "" from getMessage; showing the key makes the slip visible.
    message: (key, ...substitutions) => i18n.getMessage(key, substitutions) || key,
  };
}

type MessageEntry = { message: string; placeholders?: Record<string, { content: string }> };

/** The interface text read from a `messages.json` file's contents. */
export function textFromMessagesJson(language: CardLanguage, json: unknown): InterfaceText {
  const entries = (json !== null && typeof json === "object" ? json : {}) as Record<string, MessageEntry | undefined>;
  return {
    language,
    message: (key, ...substitutions) => {
      const entry = entries[key];
      return typeof entry?.message === "string" ? fillMessage(entry, substitutions) : key;
    },
  };
}

/**
 * Fills a message the way `browser.i18n.getMessage` does: each `$name$` becomes its placeholder's
 * content (names are case-insensitive), then `$1`…`$9` become the substitutions and `$$` a `$`.
 */
export function fillMessage(entry: MessageEntry, substitutions: readonly string[]): string {
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  const template = entry.message.replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole);
  return template.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === "$" ? "$" : (substitutions[Number(which) - 1] ?? "")));
}

/** What `loadInterfaceText` needs from the browser. */
export interface InterfaceTextSources {
  i18n: I18nApi;
  /** Reads a file of the extension's own package, e.g. `_locales/ar/messages.json`. */
  readPackageJson(path: string): Promise<unknown>;
}

/**
 * The interface text for an extension page: in the language of a valid `lang` parameter, read
 * from that locale's file, else (or if the file cannot be read) from `browser.i18n`.
 */
export async function loadInterfaceText(langParam: string | null, sources: InterfaceTextSources): Promise<InterfaceText> {
  if (langParam !== "ar" && langParam !== "en") return textFromI18n(sources.i18n);
  try {
    return textFromMessagesJson(langParam, await sources.readPackageJson(`_locales/${langParam}/messages.json`));
  } catch {
    return textFromI18n(sources.i18n);
  }
}

/** The message suffixes for the CLDR plural categories. */
const pluralSuffixes = { zero: "Zero", one: "One", two: "Two", few: "Few", many: "Many", other: "Other" } as const;
type PluralSuffix = (typeof pluralSuffixes)[keyof typeof pluralSuffixes];
/** Message families with one key per plural category (`mentionsZero` … `mentionsOther`). */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer Base}Other` ? (`${Base}${PluralSuffix}` extends MessageKey ? Base : never) : never;
}[MessageKey];

const pluralRules = new Map<CardLanguage, Intl.PluralRules>();

/**
 * A count with its noun in the right plural form ("1 mention", "إشارتان", "11 إشارة").
 * `browser.i18n` has no plurals, so each form is its own message, chosen by `Intl.PluralRules`;
 * Arabic needs all six (zero, one, two, few, many, other).
 */
export function countText(text: InterfaceText, base: PluralBase, count: number): string {
  let rules = pluralRules.get(text.language);
  if (rules === undefined) {
    rules = new Intl.PluralRules(text.language);
    pluralRules.set(text.language, rules);
  }
  const category = count === 0 ? "zero" : rules.select(count);
  return text.message(`${base}${pluralSuffixes[category]}`, String(count));
}
