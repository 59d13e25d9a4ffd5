import { describe, expect, test } from "vitest";
import { isListableHost, siteHostFrom } from "../../src/ui/site-host.ts";

describe("siteHostFrom", () => {
  test.each([
    ["a host name", "example.com", "example.com"],
    ["a host name in capitals, lower-cased", "WWW.Example.COM", "www.example.com"],
    ["a pasted address, reduced to its host", "https://www.aljazeera.net/news/2025/4/10/story?x=1#top", "www.aljazeera.net"],
    ["an http address", "http://example.org/", "example.org"],
    ["a host with a path", "www.bbc.co.uk/arabic", "www.bbc.co.uk"],
    ["a host with a port", "localhost:8080", "localhost"],
    ["a scheme-relative address", "//example.com/x", "example.com"],
    ["surrounding spaces", "  example.com  ", "example.com"],
    ["a fully qualified name's final dot", "example.com.", "example.com"],
    ["an international name, as punycode", "مثال.مصر", "xn--mgbh0fb.xn--wgbh1c"],
    ["an IPv4 address", "http://192.168.0.1/page", "192.168.0.1"],
    ["an IPv6 address", "http://[::1]:3000/", "[::1]"],
  ])("accepts %s", (_, input, host) => {
    expect(siteHostFrom(input)).toBe(host);
  });

  test.each([
    ["nothing", ""],
    ["only spaces", "   "],
    ["words", "not a site"],
    ["a local file", "file:///home/reader/page.html"],
    ["another scheme", "ftp://example.org"],
    ["a script address", "javascript:alert(1)"],
    ["a mail address", "mailto:someone@example.com"],
    ["a wildcard", "*.example.com"],
    ["dots only", ".."],
    ["a label ending in a hyphen", "a-.example.com"],
    ["an underscore", "under_score.example.com"],
  ])("rejects %s", (_, input) => {
    expect(siteHostFrom(input)).toBeNull();
  });
});

describe("isListableHost", () => {
  test("follows the settings schema's rule for a site", () => {
    expect(isListableHost("example.com")).toBe(true);
    expect(isListableHost("")).toBe(false);
    expect(isListableHost("a".repeat(254))).toBe(false);
    expect(isListableHost("exa mple.com")).toBe(false);
  });
});
