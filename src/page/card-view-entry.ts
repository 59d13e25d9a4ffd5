/**
 * The entry of the `card-view.js` bundle: the background injects it into the frame's content-script
 * world (never the page's: `scripting.executeScript` runs it beside the content script, and no
 * file is web-accessible), where it hands the card's UI to `load-card-view.ts`.
 */
import { createCardView } from "./card-view.ts";
import { CARD_VIEW_GLOBAL, type CardViewModule } from "./load-card-view.ts";

const module: CardViewModule = { createCardView };
(globalThis as Record<string, unknown>)[CARD_VIEW_GLOBAL] = module;
