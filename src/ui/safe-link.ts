/** Which dataset addresses become links: http(s) only, so a dataset can never plant a `javascript:` link. */

/** An http(s) address to link to, or null when `url` is absent or anything else. */
export function safeLink(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}
