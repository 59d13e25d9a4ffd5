import { describe, expect, test } from "vitest";
import { DEFAULT_SETTINGS, isOverlayOnFor, parseSettings, withSiteEnabled } from "../../src/shared/settings.ts";

describe("parseSettings", () => {
  test("nothing stored: the defaults, no problem", () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(DEFAULT_SETTINGS).toMatchObject({ enabled: true, siteMode: "all-except", sites: [], hoverDelayMs: 350, cardLanguage: "auto" });
  });

  test.each([
    ["a string", "{corrupted"],
    ["an array", [1, 2]],
    ["null", null],
    ["a number", 7],
  ])("%s stored: the defaults, reported", (_case, stored) => {
    const parsed = parseSettings(stored);
    expect(parsed.settings).toEqual(DEFAULT_SETTINGS);
    expect(parsed.problems).toHaveLength(1);
  });

  test("one corrupted field falls back alone; the others are kept", () => {
    const parsed = parseSettings({ enabled: false, hoverDelayMs: "soon", sites: ["news.example"], cardLanguage: "fr" });
    expect(parsed.settings).toEqual({ ...DEFAULT_SETTINGS, enabled: false, sites: ["news.example"] });
    expect(parsed.problems).toEqual(["settings.hoverDelayMs is invalid; using the default", "settings.cardLanguage is invalid; using the default"]);
  });

  test("unknown fields are dropped and reported; the version marker is not a problem", () => {
    const parsed = parseSettings({ version: 1, colour: "red" });
    expect(parsed.settings).toEqual(DEFAULT_SETTINGS);
    expect(parsed.problems).toEqual(["settings.colour is unknown; dropped"]);
  });

  test("values out of range fall back", () => {
    expect(parseSettings({ hoverDelayMs: -5 }).settings.hoverDelayMs).toBe(350);
    expect(parseSettings({ hoverDelayMs: 99_999 }).settings.hoverDelayMs).toBe(350);
    expect(parseSettings({ sites: ["<script>"] }).settings.sites).toEqual([]);
  });
});

describe("per-site switching", () => {
  test.each([
    ["all-except, not listed", { siteMode: "all-except", sites: [] }, true],
    ["all-except, listed", { siteMode: "all-except", sites: ["a.example"] }, false],
    ["only-listed, listed", { siteMode: "only-listed", sites: ["a.example"] }, true],
    ["only-listed, not listed", { siteMode: "only-listed", sites: [] }, false],
  ] as const)("%s", (_case, change, on) => {
    const settings = { ...DEFAULT_SETTINGS, ...change, sites: [...change.sites] };
    expect(isOverlayOnFor(settings, "a.example")).toBe(on);
    expect(isOverlayOnFor({ ...settings, enabled: false }, "a.example")).toBe(false);
  });

  test.each(["all-except", "only-listed"] as const)("withSiteEnabled turns one site off and on in %s mode, leaving others", (siteMode) => {
    const start = { ...DEFAULT_SETTINGS, siteMode, sites: siteMode === "only-listed" ? ["a.example", "b.example"] : [] };
    const off = withSiteEnabled(start, "a.example", false);
    expect(isOverlayOnFor(off, "a.example")).toBe(false);
    expect(isOverlayOnFor(off, "b.example")).toBe(isOverlayOnFor(start, "b.example"));
    const on = withSiteEnabled(off, "a.example", true);
    expect(isOverlayOnFor(on, "a.example")).toBe(true);
    expect(new Set(withSiteEnabled(on, "a.example", true).sites).size).toBe(withSiteEnabled(on, "a.example", true).sites.length);
  });
});
