/**
 * Only input the reader made opens, moves or closes a card. A page can dispatch pointer and key
 * events of its own (`dispatchEvent(new PointerEvent(…))`) at any point it likes; without this a
 * page could open our card over a name of its choosing, at a moment of its choosing — under the
 * reader's next click, say. The browser marks what it dispatched for real input `isTrusted`
 * (in both worlds: a content script sees the page's events untrusted too).
 */

/** `handler`, called only for events the browser dispatched for real input. */
export function readerInputOnly<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
