/**
 * The card's CSS, placed in the overlay's closed shadow root. Page selectors cannot reach into
 * the shadow tree, but inherited properties (font, colour, line-height, letter-spacing…) still
 * flow in through the host, so the host resets them all. Sizes are in px, not rem: rem follows
 * the page's root font size, which a page may set to anything.
 */

/** The stylesheet text for the card's shadow root. */
export const cardStyles = `
:host {
  all: initial;
}

*,
*::before,
*::after {
  box-sizing: border-box;
}

.card {
  --bg: #ffffff;
  --fg: #1b1d21;
  --muted: #4b5260;
  --rule: #d7dbe1;
  --accent: #0b57d0;
  --accent-hover: #083f97;
  --button-bg: #f2f4f7;
  --button-bg-hover: #e4e8ee;
  --badge-bg: #e7eefc;
  --badge-fg: #17418f;
  --quote-bg: #fbf7ef;
  --quote-rule: #b45309;
  --focus: #0b57d0;
  --shadow: 0 10px 30px rgb(0 0 0 / 0.16), 0 1px 3px rgb(0 0 0 / 0.12);

  position: fixed;
  top: 0;
  left: 0;
  width: min(360px, calc(100vw - 16px));
  max-width: 360px;
  max-height: min(70vh, 520px);
  overflow: auto;
  /* Scrolling to the card's end must not go on to scroll the page underneath. */
  overscroll-behavior: contain;
  margin: 0;
  padding: 12px 16px 14px;
  color-scheme: light;
  background: var(--bg);
  color: var(--fg);
  border: 1px solid var(--rule);
  border-radius: 10px;
  box-shadow: var(--shadow);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", Tahoma, sans-serif;
  font-size: 14px;
  line-height: 1.5;
  text-align: start;
  overflow-wrap: break-word;
}

/* Arabic reads small and cramped at Latin sizes: a step larger, with room for marks above and below. */
.card:lang(ar) {
  font-size: 15px;
  line-height: 1.75;
}

p,
h2,
h3,
ul,
blockquote {
  margin: 0;
}

/* Arabic has no italics; a slanted Arabic font is a synthesised distortion. */
cite {
  font-style: normal;
  font-weight: 600;
}

.card-header {
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 8px;
}

.card-actions {
  display: flex;
  align-items: center;
  gap: 4px;
}

.badge {
  display: inline-block;
  padding: 1px 10px;
  border-radius: 999px;
  background: var(--badge-bg);
  color: var(--badge-fg);
  font-size: 12px;
  font-weight: 600;
  line-height: 1.6;
}

button {
  font: inherit;
  color: inherit;
  cursor: pointer;
}

.pill-button {
  min-height: 28px;
  padding: 2px 12px;
  border: 1px solid var(--rule);
  border-radius: 999px;
  background: var(--button-bg);
  font-size: 13px;
  line-height: 1.4;
}

.icon-button {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 28px;
  height: 28px;
  padding: 0;
  border: 1px solid transparent;
  border-radius: 6px;
  background: transparent;
  font-size: 20px;
  line-height: 1;
}

.pill-button:hover,
.icon-button:hover {
  background: var(--button-bg-hover);
}

.link-button {
  margin-top: 8px;
  padding: 2px 0;
  border: 0;
  background: none;
  color: var(--accent);
  text-decoration: underline;
  text-underline-offset: 2px;
  font-size: 13px;
}

/* On a name inside a longer name: the way to the longer name's card, on a line of its own. */
.part-of {
  display: block;
  margin-top: 6px;
  text-align: start;
}

.link-button:hover {
  color: var(--accent-hover);
}

:focus {
  outline: none;
}

:focus-visible {
  outline: 2px solid var(--focus);
  outline-offset: 2px;
  border-radius: 4px;
}

.card:focus-visible {
  outline-offset: -3px;
  border-radius: 10px;
}

.name {
  margin-top: 10px;
  font-size: 19px;
  font-weight: 700;
  line-height: 1.3;
}

.card:lang(ar) .name,
.name:lang(ar) {
  font-size: 20px;
  line-height: 1.5;
}

.other-name {
  color: var(--muted);
  font-size: 13px;
}

.background {
  list-style: none;
  padding: 0;
}

.statement + .statement {
  margin-top: 6px;
}

.as-of {
  color: var(--muted);
}

/* Source lines: smaller and muted, so the statement reads first and its source right under it. */
.citations {
  list-style: none;
  padding: 0;
}

.citation {
  margin-top: 1px;
  color: var(--muted);
  font-size: 12px;
}

.citation cite {
  font-style: italic;
}

.citation cite:lang(ar) {
  font-style: normal;
}

.citation a {
  color: var(--accent);
}

.citation .link-button {
  margin-top: 0;
  padding: 0;
  font-size: inherit;
}

.citation .quote {
  margin-top: 2px;
  color: var(--fg);
}

/* Like a context note: a rule and a tint that set it apart from what the source says. */
.editor-note {
  margin-top: 6px;
  padding: 4px 8px;
  border-inline-start: 3px solid var(--quote-rule);
  background: var(--quote-bg);
  font-size: 13px;
}

.note-label {
  font-size: 12px;
  font-weight: 700;
}

.attribution-note {
  margin-top: 2px;
  color: var(--muted);
  font-size: 12px;
  font-style: italic;
}

.attribution-note:lang(ar) {
  font-style: normal;
}

.section-heading {
  margin: 14px 0 4px;
  color: var(--muted);
  font-size: 12px;
  font-weight: 700;
}

/* Capitals and tracking are for Latin only: letter-spacing breaks Arabic letters apart. */
.section-heading:lang(en) {
  text-transform: uppercase;
  letter-spacing: 0.05em;
}

.section-heading:lang(ar) {
  font-size: 13px;
}

.empty {
  color: var(--muted);
}

.facts {
  list-style: none;
  padding: 0;
}

.fact {
  padding: 10px 0;
  border-top: 1px solid var(--rule);
}

.fact:first-child {
  padding-top: 4px;
  border-top: 0;
}

.claimant {
  margin-top: 2px;
  color: var(--muted);
  font-size: 13px;
  font-weight: 600;
}

.source > summary {
  width: fit-content;
  margin-top: 4px;
  color: var(--muted);
  font-size: 13px;
  cursor: pointer;
}

.source > summary:hover {
  color: var(--fg);
}

.source-body {
  margin-top: 6px;
}

.quote {
  padding-block: 4px;
  padding-inline: 10px 6px;
  border-inline-start: 3px solid var(--quote-rule);
  background: var(--quote-bg);
  font-size: 14px;
}

.quote:lang(ar) {
  font-size: 15px;
  line-height: 1.8;
}

.source-title,
.source-title-translated {
  margin-top: 6px;
  font-size: 13px;
}

.source-meta {
  margin-top: 2px;
  color: var(--muted);
  font-size: 12px;
}

.related {
  display: flex;
  flex-wrap: wrap;
  gap: 4px 6px;
  list-style: none;
  padding: 0;
}

.related > li {
  padding: 1px 8px;
  border: 1px solid var(--rule);
  border-radius: 999px;
  font-size: 13px;
}

.credit {
  margin-top: 12px;
  padding-top: 8px;
  border-top: 1px solid var(--rule);
  color: var(--muted);
  font-size: 12px;
}

/*
 * On a phone (bottom-sheet.ts sets data-sheet at 480 CSS px and narrower): a bottom sheet, full
 * width, at most 60 % of the viewport's height, scrolling inside, clear of the notch and the
 * home indicator. Every control is at least 44 x 44 px, a fingertip's size. Text sizes are in
 * em of the host's medium, which is the reader's own default font size (the host resets to
 * initial values), so a reader who enlarged their text gets it here too; px would ignore that.
 */
.card[data-sheet] {
  top: auto;
  right: 0;
  bottom: 0;
  left: 0;
  width: 100%;
  max-width: none;
  max-height: 60vh;
  max-height: 60dvh;
  padding-top: 6px;
  padding-right: max(16px, env(safe-area-inset-right));
  padding-bottom: max(16px, env(safe-area-inset-bottom));
  padding-left: max(16px, env(safe-area-inset-left));
  border-width: 1px 0 0;
  border-radius: 14px 14px 0 0;
  font-size: 0.9375em;
}

.card[data-sheet]:lang(ar) {
  font-size: 1em;
}

.card[data-sheet] .name {
  font-size: 1.35em;
}

.card[data-sheet] .other-name,
.card[data-sheet] .claimant,
.card[data-sheet] .source > summary,
.card[data-sheet] .source-title,
.card[data-sheet] .source-title-translated,
.card[data-sheet] .editor-note,
.card[data-sheet] .related > li,
.card[data-sheet] .pill-button,
.card[data-sheet] .link-button {
  font-size: 0.93em;
}

.card[data-sheet] .badge,
.card[data-sheet] .citation,
.card[data-sheet] .attribution-note,
.card[data-sheet] .section-heading,
.card[data-sheet] .source-meta,
.card[data-sheet] .credit {
  font-size: 0.86em;
}

.card[data-sheet] .quote {
  font-size: 1em;
}

.card[data-sheet] .icon-button {
  width: 44px;
  height: 44px;
  margin-inline-end: -8px;
  font-size: 26px;
}

.card[data-sheet] .pill-button {
  min-width: 44px;
  min-height: 44px;
}

.card[data-sheet] .link-button,
.card[data-sheet] .citation a {
  display: inline-flex;
  align-items: center;
  min-width: 44px;
  min-height: 44px;
  margin-top: 0;
}

.card[data-sheet] .part-of {
  display: flex;
}

.card[data-sheet] .source > summary {
  min-height: 44px;
  margin-top: 0;
  padding-block: 10px;
}

@media (prefers-color-scheme: dark) {
  .card {
    --bg: #1f2125;
    --fg: #e9eaec;
    --muted: #b3b8c2;
    --rule: #3b3f46;
    --accent: #8ab4f8;
    --accent-hover: #aecbfa;
    --button-bg: #2b2e34;
    --button-bg-hover: #373b42;
    --badge-bg: #233556;
    --badge-fg: #cfe0ff;
    --quote-bg: #2a2620;
    --quote-rule: #f59e0b;
    --focus: #8ab4f8;
    --shadow: 0 10px 30px rgb(0 0 0 / 0.5), 0 1px 3px rgb(0 0 0 / 0.4);
    color-scheme: dark;
  }
}

/* A fact the dataset sets against another, and the way to both sides in the side panel. */
.disputed,
.panel-hint {
  margin: 4px 0 0;
  font-size: 13px;
}

.disputed .link-button,
.copy-citation {
  margin-top: 0;
}

.panel-hint,
.copy-status {
  color: var(--muted);
  font-size: 13px;
}

/* Windows high contrast drops backgrounds: keep the shapes that carried meaning by colour. */
@media (forced-colors: active) {
  .badge,
  .icon-button {
    border: 1px solid CanvasText;
  }
}
`;
