/**
 * The card on a phone: below `SHEET_MAX_WIDTH_PX` CSS px a card beside the name leaves no room
 * to read, so it becomes a bottom sheet, full width along the bottom edge. The stylesheet's
 * `.card[data-sheet]` rules give it its size, insets and touch-sized controls; this module
 * decides when, and takes the popover placement off the element.
 */

/** The widest viewport, in CSS px, in which the card is a bottom sheet. */
const SHEET_MAX_WIDTH_PX = 480;

/** Whether the card is a bottom sheet in this window (its layout viewport is phone-narrow). */
export function isSheetViewport(view: Window): boolean {
  return view.matchMedia(`(max-width: ${SHEET_MAX_WIDTH_PX}px)`).matches;
}

/** Lays a card out as a bottom sheet, or (`sheet` false) hands it back to the popover placement. */
export function placeAsBottomSheet(floating: HTMLElement, sheet: boolean): void {
  if (!sheet) {
    floating.removeAttribute("data-sheet");
    return;
  }
  floating.setAttribute("data-sheet", "");
  // The popover's coordinates and height would pin the sheet where the name was.
  floating.style.removeProperty("left");
  floating.style.removeProperty("top");
  floating.style.removeProperty("max-height");
}

/**
 * Scrolls the page, once, as the sheet opens, so that the name the reader tapped stays in
 * sight above it: the sheet covers the lower part of the screen, where names are tapped too.
 * Where the page cannot scroll that far, the name stays under the sheet.
 */
export function revealAboveSheet(view: Window, floating: HTMLElement, name: { bottom: number }): void {
  // From its height, not its box: the box is still lowered by the entrance animation.
  const sheetTop = view.innerHeight - floating.offsetHeight;
  const overlap = name.bottom + 12 - sheetTop;
  if (overlap > 0) view.scrollBy({ top: overlap, behavior: "instant" });
}
