import { describe, expect, test, vi } from "vitest";
import { chooseTab } from "../../../src/ui/popup/choose-tab.ts";

describe("chooseTab", () => {
  test("takes the tab parameter when present, without asking for the active tab", async () => {
    const activeTabs = vi.fn(async () => [{ id: 7 }]);
    expect(await chooseTab(new URLSearchParams("tab=123&lang=ar"), activeTabs)).toBe(123);
    expect(activeTabs).not.toHaveBeenCalled();
  });

  test.each(["", "abc", "-1", "1.5", "12x"])("a malformed tab parameter (%j) names no tab", async (tab) => {
    const activeTabs = vi.fn(async () => [{ id: 7 }]);
    expect(await chooseTab(new URLSearchParams({ tab }), activeTabs)).toBeNull();
    expect(activeTabs).not.toHaveBeenCalled();
  });

  test("otherwise takes the current window's active tab", async () => {
    expect(await chooseTab(new URLSearchParams(""), async () => [{ id: 42 }])).toBe(42);
  });

  test("no active tab, or one without an id, names no tab", async () => {
    expect(await chooseTab(new URLSearchParams(""), async () => [])).toBeNull();
    expect(await chooseTab(new URLSearchParams(""), async () => [{}])).toBeNull();
  });
});
