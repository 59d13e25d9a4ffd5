/**
 * How an empty frame waits for text (`frame-gate.ts`): one MutationObserver and a resize
 * listener, which only schedule the check again, and the observer only for changes that may
 * have brought text (an ad swapping its image brings none). Each check that still finds
 * nothing doubles the wait, up to `MAX_RECHECK_MS`, and the observer is off while a check is
 * pending: a frame that changes its text every second forever costs a handful of checks a
 * minute, not two a second (and a news page carries dozens of such frames).
 */

/** How long after a change the first check runs. */
export const FIRST_RECHECK_MS = 500;
/** The longest wait between a change and its check. */
export const MAX_RECHECK_MS = 8000;

/**
 * Calls `onText` once `hasText()` holds: at once if it does now, else after a change to the
 * window's size or a change to the document that `mayAddText` says could have brought text.
 */
export function waitForText(
  document: Document,
  view: Window,
  hasText: () => boolean,
  mayAddText: (records: MutationRecord[]) => boolean,
  onText: () => void,
): void {
  if (hasText()) {
    onText();
    return;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wait = FIRST_RECHECK_MS;
  const watch = () => observer.observe(document, { childList: true, characterData: true, subtree: true });
  const schedule = () => {
    observer.disconnect();
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (hasText()) {
        view.removeEventListener("resize", schedule);
        onText();
        return;
      }
      wait = Math.min(2 * wait, MAX_RECHECK_MS);
      watch();
    }, wait);
  };
  const observer = new MutationObserver((records) => {
    if (mayAddText(records)) schedule();
  });
  watch();
  view.addEventListener("resize", schedule, { passive: true });
}
