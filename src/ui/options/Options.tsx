/**
 * The settings page: every setting of `settingsSchema`, each saved the moment it changes, and
 * the datasets — bundled and imported, with the import of a dataset file (`DatasetsSection`).
 * Like the popup, it reaches the browser only through its services, so tests render it with
 * fakes; `options-page.tsx` wires the browser.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { settingFields, type Settings } from "../../shared/settings.ts";
import { directionOf } from "../card/card-strings.ts";
import type { InterfaceText, MessageKey } from "../interface-text.ts";
import { siteHostFrom } from "../site-host.ts";
import { useStoredSettings, type SettingsServices } from "../use-stored-settings.ts";
import { DatasetsSection, type DatasetServices } from "./DatasetsSection.tsx";

export type { DatasetListItem, DatasetSummary } from "../../shared/messages.ts";

/** Everything the settings page asks of the browser. */
export interface OptionsServices extends SettingsServices, DatasetServices {}

/** The settings page's services and interface text. */
export type OptionsProps = {
  services: OptionsServices;
  text: InterfaceText;
  /** How long "Saved" stays after a change is saved (ms). */
  savedMs?: number;
};

/** The whole settings page, rendered into `<body>`. */
export function Options({ services, text, savedMs = 2000 }: OptionsProps) {
  const { settings, problems, saveError, saves, update } = useStoredSettings(services);
  const isSavedShown = useBriefly(saves, savedMs) && saveError === null;
  const t = text.message;

  return (
    <main class="options" lang={text.language} dir={directionOf(text.language)}>
      <h1>{t("optionsTitle")}</h1>

      {problems.length > 0 && (
        <div id="settings-repaired" class="notice">
          <p>{t("optionsRepaired")}</p>
          {/* The problems are diagnostics in English, from the settings parser. */}
          <ul lang="en" dir="ltr">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}

      {settings === null ? <p class="empty">{t("loading")}</p> : <SettingsForm settings={settings} update={update} text={text} />}

      <DatasetsSection services={services} text={text} />

      <div class="status-bar">
        <p id="save-status" role="status" aria-live="polite" class="toast">
          {isSavedShown ? t("optionsSaved") : ""}
        </p>
        {saveError !== null && (
          <p id="save-error" class="toast error" role="alert">
            {t("saveFailed", saveError)}
          </p>
        )}
      </div>
    </main>
  );
}

/** `true` for `ms` after `trigger` changes (and is not 0). */
function useBriefly(trigger: number, ms: number): boolean {
  const [isOn, setOn] = useState(false);
  useEffect(() => {
    if (trigger === 0) return;
    setOn(true);
    const timer = setTimeout(() => setOn(false), ms);
    return () => clearTimeout(timer);
  }, [trigger, ms]);
  return isOn;
}

type SettingsFormProps = {
  settings: Settings;
  update(change: (settings: Settings) => Settings): Promise<boolean>;
  text: InterfaceText;
};

/** The controls, grouped as a reader thinks of them: where names are highlighted, and how cards behave. */
function SettingsForm({ settings, update, text }: SettingsFormProps) {
  const t = text.message;
  return (
    <>
      <section aria-labelledby="where-heading">
        <h2 id="where-heading">{t("optionsWhereHeading")}</h2>
        <div class="switch-row">
          <label for="option-enabled">{t("optionsEnabled")}</label>
          <input
            type="checkbox"
            role="switch"
            id="option-enabled"
            checked={settings.enabled}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              void update((current) => ({ ...current, enabled: on }));
            }}
          />
        </div>
        <Choice
          name="site-mode"
          legend="optionsSiteModeLegend"
          value={settings.siteMode}
          options={[
            ["all-except", "optionsSiteModeAllExcept"],
            ["only-listed", "optionsSiteModeOnlyListed"],
          ]}
          onChange={(siteMode) => void update((current) => ({ ...current, siteMode }))}
          text={text}
        />
        <SiteList sites={settings.sites} update={update} text={text} />
      </section>

      <section aria-labelledby="cards-heading">
        <h2 id="cards-heading">{t("optionsCardsHeading")}</h2>
        <HoverDelay value={settings.hoverDelayMs} update={update} text={text} />
        <Choice
          name="card-language"
          legend="optionsCardLanguageLegend"
          value={settings.cardLanguage}
          options={[
            ["auto", "optionsCardLanguageAuto"],
            ["ar", "optionsCardLanguageAr"],
            ["en", "optionsCardLanguageEn"],
          ]}
          onChange={(cardLanguage) => void update((current) => ({ ...current, cardLanguage }))}
          text={text}
        />
        <Choice
          name="highlight-style"
          legend="optionsHighlightStyleLegend"
          value={settings.highlightStyle}
          options={[
            ["background", "optionsHighlightStyleBackground"],
            ["underline", "optionsHighlightStyleUnderline"],
          ]}
          onChange={(highlightStyle) => void update((current) => ({ ...current, highlightStyle }))}
          text={text}
          sample={(value) => (
            <span class={`style-sample style-${value}`} aria-hidden="true">
              {t("extensionName")}
            </span>
          )}
        />
      </section>
    </>
  );
}

type ChoiceProps<V extends string> = {
  /** The radio group's name; each radio's id is `<name>-<value>`. */
  name: string;
  legend: MessageKey;
  value: V;
  options: [V, MessageKey][];
  onChange(value: V): void;
  text: InterfaceText;
  /** A decorative preview beside each option. */
  sample?(value: V): ComponentChildren;
};

/** One setting chosen among a few values, as a group of radio buttons. */
function Choice<V extends string>({ name, legend, value, options, onChange, text, sample }: ChoiceProps<V>) {
  return (
    <fieldset class="choice" id={name}>
      <legend>{text.message(legend)}</legend>
      {options.map(([option, label]) => (
        <div key={option} class="radio-row">
          <input
            type="radio"
            name={name}
            id={`${name}-${option}`}
            value={option}
            checked={value === option}
            onChange={(event) => {
              if (event.currentTarget.checked) onChange(option);
            }}
          />
          <label for={`${name}-${option}`}>{text.message(label)}</label>
          {sample?.(option)}
        </div>
      ))}
    </fieldset>
  );
}

type SiteListProps = { sites: string[]; update: SettingsFormProps["update"]; text: InterfaceText };

/** The listed sites, each removable, and a field to add one by host name or address. */
function SiteList({ sites, update, text }: SiteListProps) {
  const t = text.message;
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  /** Where a removed site was, so focus can move to its neighbour instead of being lost. */
  const removedIndex = useRef<number | null>(null);

  useEffect(() => {
    const index = removedIndex.current;
    if (index === null) return;
    removedIndex.current = null;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>("button[data-site]") ?? [];
    (buttons[Math.min(index, buttons.length - 1)] ?? inputRef.current)?.focus();
  }, [sites]);

  async function add(event: Event) {
    event.preventDefault();
    const host = siteHostFrom(draft);
    if (draft.trim() === "") return setError(t("optionsSiteEmpty"));
    if (host === null) return setError(t("optionsSiteInvalid", draft.trim()));
    if (sites.includes(host)) return setError(t("optionsSiteDuplicate", host));
    // The same rules the settings are read with (a site's form, the list's length).
    if (!settingFields.sites.safeParse([...sites, host]).success) return setError(t("optionsSiteInvalid", draft.trim()));
    setError(null);
    const isSaved = await update((current) => (current.sites.includes(host) ? current : { ...current, sites: [...current.sites, host] }));
    // A failed save keeps what was typed, to try again.
    if (isSaved) setDraft("");
  }

  function remove(host: string) {
    removedIndex.current = sites.indexOf(host);
    void update((current) => ({ ...current, sites: current.sites.filter((site) => site !== host) }));
  }

  const describedBy = error === null ? "site-hint" : "site-hint site-error";
  return (
    <div class="sites">
      <h3 id="sites-heading">{t("optionsSitesHeading")}</h3>
      {sites.length === 0 ? (
        <p id="sites-empty" class="empty">
          {t("optionsSitesEmpty")}
        </p>
      ) : (
        <ul id="sites" ref={listRef} aria-labelledby="sites-heading">
          {sites.map((host) => (
            <li key={host}>
              <span class="host" dir="ltr">
                {host}
              </span>
              <button type="button" class="remove" data-site={host} aria-label={t("optionsSiteRemoveLabel", host)} onClick={() => remove(host)}>
                {t("optionsSiteRemove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form id="add-site" class="add-site" noValidate onSubmit={(event) => void add(event)}>
        <label for="site-input">{t("optionsSiteAddLabel")}</label>
        <div class="add-row">
          <input
            ref={inputRef}
            type="text"
            id="site-input"
            dir="ltr"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            value={draft}
            aria-invalid={error !== null}
            aria-describedby={describedBy}
            onInput={(event) => {
              setDraft(event.currentTarget.value);
              setError(null);
            }}
          />
          <button type="submit" id="add-site-button">
            {t("optionsSiteAddButton")}
          </button>
        </div>
        <p id="site-hint" class="hint">
          {t("optionsSiteAddHint")}
        </p>
        {error !== null && (
          <p id="site-error" class="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}

type HoverDelayProps = { value: number; update: SettingsFormProps["update"]; text: InterfaceText };

/** The hover delay in milliseconds, saved when committed (Enter, leaving the field, the arrows), not on each keystroke. */
function HoverDelay({ value, update, text }: HoverDelayProps) {
  const t = text.message;
  /** What is typed while it differs from the saved value; `null` shows the saved value. */
  const [draft, setDraft] = useState<string | null>(null);
  const [isInvalid, setInvalid] = useState(false);
  const schema = settingFields.hoverDelayMs;

  function commit(typed: string) {
    const parsed = /^\s*\d+\s*$/.test(typed) ? schema.safeParse(Number(typed)) : null;
    if (parsed === null || !parsed.success) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setDraft(null);
    const ms = parsed.data;
    if (ms !== value) void update((current) => ({ ...current, hoverDelayMs: ms }));
  }

  return (
    <div class="field">
      <label for="hover-delay">{t("optionsHoverDelayLabel")}</label>
      <input
        type="number"
        id="hover-delay"
        min={0}
        max={3000}
        step={50}
        inputMode="numeric"
        value={draft ?? String(value)}
        aria-invalid={isInvalid}
        aria-describedby={isInvalid ? "hover-delay-hint hover-delay-error" : "hover-delay-hint"}
        onInput={(event) => setDraft(event.currentTarget.value)}
        onChange={(event) => commit(event.currentTarget.value)}
      />
      <p id="hover-delay-hint" class="hint">
        {t("optionsHoverDelayHint")}
      </p>
      {isInvalid && (
        <p id="hover-delay-error" class="error" role="alert">
          {t("optionsHoverDelayInvalid")}
        </p>
      )}
    </div>
  );
}
