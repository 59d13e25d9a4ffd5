/** Sites as the settings list them: host names, as `URL.hostname` gives them. */
import { settingFields } from "../shared/settings.ts";

/** Whether a host name may be listed in the settings: the settings schema's own rule for a site. */
export function isListableHost(host: string): boolean {
  return settingFields.sites.safeParse([host]).success;
}

/**
 * The host name a reader means by what they typed or pasted: a host name ("Example.com") or a
 * page's address ("https://www.example.com/news/1"), reduced to its lower-case host, with
 * international names in the punycode form pages report (`مثال.مصر` → `xn--mgbh0fb.xn--wgbh1c`).
 * `null` when it names no web site.
 */
export function siteHostFrom(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === "" || /\s/.test(trimmed)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[^:/]+:\d+(?:[/?#]|$)/.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed.replace(/^\/\//, "")}`);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  // A fully qualified name's final dot ("example.com.") names the same site.
  const host = url.hostname.replace(/\.$/, "");
  const isIpv6 = host.startsWith("[");
  if (!isIpv6 && host.split(".").some((label) => !/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(label))) return null;
  return isListableHost(host) ? host : null;
}
