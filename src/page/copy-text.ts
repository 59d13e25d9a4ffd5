/**
 * Puts text on the clipboard from the content script, at a click in the card. The Clipboard API
 * is there only in a secure context (an `http:` page has none); there, a hidden textarea inside
 * our own shadow root is selected and copied, so the page's DOM is never touched.
 */

/** Copies `text`; `scratch` is where a fallback textarea may live for a moment. Resolves to whether it was copied. */
export async function copyText(document: Document, text: string, scratch: Element): Promise<boolean> {
  const clipboard = document.defaultView?.navigator.clipboard;
  if (clipboard !== undefined) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Refused (the document lost focus, or a policy): try the selection below.
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  scratch.append(area);
  try {
    area.select();
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
