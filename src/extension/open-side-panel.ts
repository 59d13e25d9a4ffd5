/**
 * Opening Backstory's side panel: Chrome's `sidePanel` or Firefox's `sidebarAction`, whichever
 * the browser has (feature-detected, never by version). Both open it only inside the handler of
 * a user action, and the action is lost at the first `await`, so the call is made at once and
 * the caller must not await anything before calling this.
 *
 * What counts as a user action differs: Chrome accepts a click on an extension page, a keyboard
 * command, and a click in a content script relayed to the background by `runtime.sendMessage`;
 * Firefox accepts the first two but not a message from a content script (MDN, "User actions").
 */
import { extension } from "./browser-api.ts";

/** Where to open it: the tab (Chrome opens the window's panel there) and its window. */
export type PanelTarget = { tabId?: number; windowId?: number };

type ChromeSidePanel = { open(options: { tabId?: number; windowId?: number }): Promise<void> };
type FirefoxSidebarAction = { open(): Promise<void> };

function sidePanelApi(): ChromeSidePanel | undefined {
  return (extension as unknown as { sidePanel?: ChromeSidePanel }).sidePanel;
}

function sidebarActionApi(): FirefoxSidebarAction | undefined {
  return (extension as unknown as { sidebarAction?: FirefoxSidebarAction }).sidebarAction;
}

/** Opens the side panel (call synchronously from a user action). Resolves to whether it opened. */
export function openSidePanel(target: PanelTarget): Promise<boolean> {
  try {
    const chrome = sidePanelApi();
    if (chrome !== undefined) {
      // The panel is per window: a window id opens it beside whichever tab is active.
      const options = target.windowId !== undefined ? { windowId: target.windowId } : { tabId: target.tabId };
      return chrome.open(options).then(
        () => true,
        () => false,
      );
    }
    const firefox = sidebarActionApi();
    if (firefox !== undefined) {
      return firefox.open().then(
        () => true,
        () => false,
      );
    }
  } catch {
    // A browser with neither API, or one that throws synchronously outside a user action.
  }
  return Promise.resolve(false);
}
