/** An editor's note on a card or in the source viewer, where a source is wrong or contested. */
import type { CardNote } from "../../core/entity-card.ts";
import { Citations, type CitationProps } from "./Citations.tsx";

/** An editor's note, set apart like a context note, with its own sources. */
export function EditorNote({ note, language, t, onOpenSource }: CitationProps & { note: CardNote }) {
  return (
    // A note, not a landmark: a card with several notes must not fill the page's landmark list.
    <div class="editor-note" role="note">
      <p class="note-label">{t.editorsNote}</p>
      <p class="note-text">{note.text[language]}</p>
      <Citations citations={note.sources} language={language} t={t} onOpenSource={onOpenSource} />
    </div>
  );
}

