/** Background entry (settings, badge and commands come with the popup issue). */
import browser from "webextension-polyfill";

browser.runtime.onInstalled.addListener(() => {});
