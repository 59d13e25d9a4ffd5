/**
 * The card's UI, loaded once per frame the first time a card may open: the content script asks
 * the background to inject `card-view.js` into this frame's content-script world, where it
 * leaves its module under `CARD_VIEW_GLOBAL`. A content script cannot `import()` an extension
 * file unless it is web-accessible, which would let any page detect the extension.
 */
import type { askBackground } from "../extension/messaging.ts";
import type { createCardView } from "./card-view.ts";

/** What `card-view.js` provides. */
export interface CardViewModule {
  createCardView: typeof createCardView;
}

/** Where `card-view.js` leaves its module, on the content-script world's global (the page cannot see it). */
export const CARD_VIEW_GLOBAL = "__backstoryCardView";

/** A loader of the card's UI: the first call injects it, later calls share that result, a failure is tried again. */
export function cardViewLoader(ask: typeof askBackground): () => Promise<CardViewModule> {
  let loading: Promise<CardViewModule> | null = null;
  const present = () => (globalThis as Record<string, unknown>)[CARD_VIEW_GLOBAL] as CardViewModule | undefined;
  return () => {
    loading ??= (async () => {
      const already = present();
      if (already !== undefined) return already;
      const reply = await ask({ type: "loadPageScript", script: "card-view" });
      if (!reply.ok) throw new Error(`cannot load the card's UI: ${reply.error}`);
      const loaded = present();
      if (loaded === undefined) throw new Error("the card's UI did not load");
      return loaded;
    })().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
