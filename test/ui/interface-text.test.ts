import { describe, expect, test, vi } from "vitest";
import arMessages from "../../assets/_locales/ar/messages.json";
import enMessages from "../../assets/_locales/en/messages.json";
import {
  countText,
  fillMessage,
  interfaceLanguageOf,
  loadInterfaceText,
  textFromI18n,
  textFromMessagesJson,
  type I18nApi,
} from "../../src/ui/interface-text.ts";

type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> };
const locales: Record<"en" | "ar", Record<string, Entry>> = { en: enMessages, ar: arMessages };

describe("the _locales files", () => {
  test("have the same keys in Arabic and English", () => {
    expect(Object.keys(arMessages).sort()).toEqual(Object.keys(enMessages).sort());
  });

  test.each(["en", "ar"] as const)("%s: every key is camelCase and every message has a description", (language) => {
    for (const [key, entry] of Object.entries(locales[language])) {
      expect(key, key).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(entry.message, key).not.toBe("");
      expect(entry.description ?? "", key).not.toBe("");
    }
  });

  test.each(["en", "ar"] as const)("%s: every $placeholder$ a message uses is defined (browsers refuse to load it otherwise)", (language) => {
    for (const [key, entry] of Object.entries(locales[language])) {
      const used = [...entry.message.matchAll(/\$([a-z0-9_@]+)\$/gi)].map((m) => m[1]!.toLowerCase());
      const defined = Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase());
      for (const name of used) expect(defined, `${language} ${key}`).toContain(name);
    }
  });
});

describe("fillMessage", () => {
  test.each([
    ["a named placeholder", { message: "Remove $HOST$", placeholders: { host: { content: "$1" } } }, ["example.com"], "Remove example.com"],
    ["placeholder names in any case", { message: "$Name$, version $VERSION$", placeholders: { name: { content: "$1" }, Version: { content: "$2" } } }, ["A", "1.0"], "A, version 1.0"],
    ["a direct $1", { message: "$1 mentions" }, ["3"], "3 mentions"],
    ["a missing substitution, as nothing", { message: "[$1]" }, [], "[]"],
    ["$$, as a dollar", { message: "costs $$5" }, [], "costs $5"],
    ["a substitution containing $2, left alone", { message: "$1 and $2" }, ["$2", "b"], "$2 and b"],
  ] as const)("fills %s", (_, entry, substitutions, expected) => {
    expect(fillMessage(entry, substitutions)).toBe(expected);
  });
});

describe("textFromMessagesJson", () => {
  test("reads the Arabic file", () => {
    const text = textFromMessagesJson("ar", arMessages);
    expect(text.language).toBe("ar");
    expect(text.message("popupSwitchSite")).toBe("في هذا الموقع");
    expect(text.message("optionsSiteRemoveLabel", "example.com")).toBe("احذف example.com");
  });

  test("shows the key of a message it does not have", () => {
    expect(textFromMessagesJson("en", {}).message("popupSwitchSite")).toBe("popupSwitchSite");
    expect(textFromMessagesJson("en", null).message("popupSwitchSite")).toBe("popupSwitchSite");
  });
});

describe("interface language", () => {
  test.each([
    ["ar", "ar"],
    ["ar-EG", "ar"],
    ["AR", "ar"],
    ["en-US", "en"],
    ["fr", "en"],
    ["", "en"],
  ] as const)("%j → %s", (locale, language) => {
    expect(interfaceLanguageOf(locale)).toBe(language);
  });
});

function fakeI18n(locale: string): I18nApi {
  return {
    getUILanguage: () => locale,
    getMessage: (key, substitutions) => {
      const entry = (enMessages as Record<string, Entry>)[key];
      return entry === undefined ? "" : fillMessage(entry, typeof substitutions === "string" ? [substitutions] : (substitutions ?? []));
    },
  };
}

describe("loadInterfaceText", () => {
  test("without a lang parameter, uses browser.i18n in the browser's language", async () => {
    const readPackageJson = vi.fn();
    const text = await loadInterfaceText(null, { i18n: fakeI18n("en-GB"), readPackageJson });
    expect(text.language).toBe("en");
    expect(text.message("datasetNameVersion", "X", "2")).toBe("X, version 2");
    expect(readPackageJson).not.toHaveBeenCalled();
  });

  test("with lang=ar, reads the Arabic messages from the package", async () => {
    const readPackageJson = vi.fn(async () => arMessages);
    const text = await loadInterfaceText("ar", { i18n: fakeI18n("en-US"), readPackageJson });
    expect(readPackageJson).toHaveBeenCalledExactlyOnceWith("_locales/ar/messages.json");
    expect(text.language).toBe("ar");
    expect(text.message("popupOpenSettings")).toBe("الإعدادات");
  });

  test("ignores an unknown lang, and falls back to browser.i18n when the file cannot be read", async () => {
    const readPackageJson = vi.fn(async () => {
      throw new Error("404");
    });
    expect((await loadInterfaceText("fr", { i18n: fakeI18n("ar"), readPackageJson })).language).toBe("ar");
    expect(readPackageJson).not.toHaveBeenCalled();
    const text = await loadInterfaceText("ar", { i18n: fakeI18n("en"), readPackageJson });
    expect(text.language).toBe("en");
  });

  test("browser.i18n's empty answer for an unknown key shows the key", () => {
    const text = textFromI18n({ getUILanguage: () => "en", getMessage: () => "" });
    expect(text.message("popupOpenSettings")).toBe("popupOpenSettings");
  });
});

describe("countText", () => {
  const ar = textFromMessagesJson("ar", arMessages);
  const en = textFromMessagesJson("en", enMessages);

  test.each([
    [0, "لا إشارات"],
    [1, "إشارة واحدة"],
    [2, "إشارتان"],
    [3, "3 إشارات"],
    [10, "10 إشارات"],
    [11, "11 إشارة"],
    [99, "99 إشارة"],
    [100, "100 إشارة"],
    [103, "103 إشارات"],
  ])("Arabic: %i → %s", (count, expected) => {
    expect(countText(ar, "mentions", count)).toBe(expected);
  });

  test.each([
    [0, "no names"],
    [1, "1 name"],
    [2, "2 names"],
    [11, "11 names"],
  ])("English: %i → %s", (count, expected) => {
    expect(countText(en, "names", count)).toBe(expected);
  });
});
