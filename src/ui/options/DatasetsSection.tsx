/**
 * The settings page's datasets: the bundled one (which cannot be removed) and those the reader
 * imported, each with a switch and a remove button that asks first; and the import of a dataset
 * file, which reports every problem with its JSON path in the interface language and saves
 * nothing unless the file passes every check. Every dataset string is rendered as text.
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { AttributionCode } from "../../core/check-attribution.ts";
import { importSizeProblem, MAX_IMPORT_BYTES, type ImportProblem } from "../../core/dataset-import.ts";
import type { ImportCheck, PreparedImport, WriteResult } from "../../extension/dataset-store.ts";
import { isReadableDataset, type DatasetListItem, type DatasetSummary, type Reply } from "../../shared/messages.ts";
import { formatDate } from "../card/card-strings.ts";
import { countText, type InterfaceText, type MessageKey } from "../interface-text.ts";
import { importProblemText, megabytesText } from "./import-problem-text.ts";

/** Everything the datasets section asks of the browser (`options-page.tsx` wires it; tests pass fakes). */
export interface DatasetServices {
  listDatasets(): Promise<Reply<DatasetListItem[]>>;
  /** Checks a dataset file's text for import and compiles it; saves nothing. */
  checkImport(text: string): Promise<ImportCheck>;
  /** Saves a checked import. */
  saveImport(prepared: PreparedImport): Promise<WriteResult>;
  setDatasetEnabled(id: string, enabled: boolean): Promise<WriteResult>;
  removeDataset(id: string): Promise<WriteResult>;
  /** Calls `onChange` whenever the imported datasets change (here or elsewhere), until `signal` aborts. */
  watchDatasets(onChange: () => void, signal: AbortSignal): void;
}

/** How many problems of a refused file are listed; the rest are counted. */
const PROBLEMS_SHOWN = 100;

type Props = { services: DatasetServices; text: InterfaceText };

/** The section, rendered into the settings page. */
export function DatasetsSection({ services, text }: Props) {
  const [datasets, refresh] = useDatasetList(services);
  const fileInput = useRef<HTMLInputElement>(null);
  const t = text.message;
  return (
    <section id="datasets" class="datasets" aria-labelledby="datasets-heading">
      <h2 id="datasets-heading">{t("optionsDatasetsHeading")}</h2>
      <p id="datasets-hint" class="hint">
        {t("optionsDatasetsHint")}
      </p>
      {datasets === null ? (
        <p class="empty">{t("loading")}</p>
      ) : !datasets.ok ? (
        <p class="empty">{t("optionsDatasetsUnavailable", datasets.error)}</p>
      ) : datasets.value.length === 0 ? (
        <p class="empty">{t("optionsDatasetsNone")}</p>
      ) : (
        <DatasetList datasets={datasets.value} services={services} text={text} refresh={refresh} afterRemove={() => fileInput.current?.focus()} />
      )}
      <ImportPanel services={services} text={text} onChanged={refresh} inputRef={fileInput} />
    </section>
  );
}

/** The datasets as the background lists them, asked again after each change and whenever storage says they changed. */
function useDatasetList(services: DatasetServices): [Reply<DatasetListItem[]> | null, () => Promise<void>] {
  const [datasets, setDatasets] = useState<Reply<DatasetListItem[]> | null>(null);
  const alive = useRef(true);
  const refresh = useCallback(async () => {
    let reply: Reply<DatasetListItem[]>;
    try {
      reply = await services.listDatasets();
    } catch (error) {
      reply = { ok: false, error: String(error) };
    }
    if (alive.current) setDatasets(reply);
  }, [services]);
  useEffect(() => {
    alive.current = true;
    const controller = new AbortController();
    services.watchDatasets(() => void refresh(), controller.signal);
    void refresh();
    return () => {
      alive.current = false;
      controller.abort();
    };
  }, [services, refresh]);
  return [datasets, refresh];
}

type DatasetListProps = Props & { datasets: DatasetListItem[]; refresh(): Promise<void>; afterRemove(): void };

function DatasetList({ datasets, services, text, refresh, afterRemove }: DatasetListProps) {
  const t = text.message;
  /** The dataset whose removal is being confirmed. */
  const [confirming, setConfirming] = useState<string | null>(null);
  /** Switch positions shown while their change is being saved. */
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  /** The dataset whose remove button gets focus back once the confirmation closes. */
  const returnFocusTo = useRef<string | null>(null);

  useEffect(() => {
    if (confirming !== null) confirmButton.current?.focus();
    else if (returnFocusTo.current !== null) {
      list.current?.querySelector<HTMLButtonElement>(`button.remove-dataset[data-dataset="${returnFocusTo.current}"]`)?.focus();
      returnFocusTo.current = null;
    }
  }, [confirming, datasets]);

  async function setEnabled(id: string, enabled: boolean) {
    setError(null);
    setPending((current) => new Map(current).set(id, enabled));
    const result = await services.setDatasetEnabled(id, enabled);
    if (!result.ok) setError(result.error);
    await refresh();
    setPending((current) => {
      const next = new Map(current);
      next.delete(id);
      return next;
    });
  }

  async function remove(id: string) {
    setError(null);
    const result = await services.removeDataset(id);
    if (!result.ok) {
      setError(result.error);
      returnFocusTo.current = id;
    }
    setConfirming(null);
    await refresh();
    if (result.ok) afterRemove();
  }

  function cancelRemove(id: string) {
    // Back to the button that asked.
    returnFocusTo.current = id;
    setConfirming(null);
  }

  const language = text.language;
  return (
    <>
      <ul class="dataset-list" ref={list}>
        {datasets.map((dataset) => {
          const nameId = `dataset-name-${dataset.id}`;
          const displayName = isReadableDataset(dataset) ? dataset.name[language] : dataset.id;
          return (
            <li key={dataset.id} data-dataset={dataset.id} data-bundled={String(dataset.bundled)} class={isReadableDataset(dataset) ? "dataset" : "dataset unreadable"}>
              {isReadableDataset(dataset) ? (
                <DatasetDetails dataset={dataset} nameId={nameId} text={text} />
              ) : (
                <p class="dataset-unreadable notice" id={nameId}>
                  {t("optionsDatasetUnreadable", dataset.id)}
                  {/* A diagnostic in English, from the store. */}
                  <span class="problem-detail" lang="en" dir="ltr">
                    {dataset.unreadable}
                  </span>
                </p>
              )}
              {dataset.bundled ? (
                <p class="dataset-bundled hint">{t("optionsDatasetBundled")}</p>
              ) : (
                <>
                  {isReadableDataset(dataset) && (
                    <div class="switch-row">
                      <label for={`dataset-enabled-${dataset.id}`}>{t("optionsDatasetEnabled")}</label>
                      <input
                        type="checkbox"
                        role="switch"
                        id={`dataset-enabled-${dataset.id}`}
                        class="dataset-enabled"
                        data-dataset={dataset.id}
                        aria-describedby={nameId}
                        checked={pending.get(dataset.id) ?? dataset.enabled}
                        onChange={(event) => void setEnabled(dataset.id, event.currentTarget.checked)}
                      />
                    </div>
                  )}
                  {confirming === dataset.id ? (
                    <div class="confirm" role="group" aria-labelledby={`remove-question-${dataset.id}`}>
                      <p id={`remove-question-${dataset.id}`}>{t("optionsDatasetRemoveConfirm", displayName)}</p>
                      <div class="button-row">
                        <button type="button" class="confirm-remove danger" ref={confirmButton} onClick={() => void remove(dataset.id)}>
                          {t("optionsDatasetRemoveConfirmButton")}
                        </button>
                        <button type="button" class="cancel-remove secondary" onClick={() => cancelRemove(dataset.id)}>
                          {t("optionsDatasetRemoveCancel")}
                        </button>
                      </div>
                    </div>
                  ) : (
                    <button
                      type="button"
                      class="remove remove-dataset"
                      data-dataset={dataset.id}
                      aria-label={t("optionsDatasetRemoveLabel", displayName)}
                      onClick={() => setConfirming(dataset.id)}
                    >
                      {t("optionsDatasetRemove")}
                    </button>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
      {error !== null && (
        <p id="datasets-error" class="error" role="alert">
          {t("optionsDatasetChangeFailed", error)}
        </p>
      )}
    </>
  );
}

function DatasetDetails({ dataset, nameId, text }: { dataset: DatasetSummary; nameId: string; text: InterfaceText }) {
  const t = text.message;
  return (
    <div class="dataset-details">
      <span class="dataset-name" id={nameId}>
        {t("datasetNameVersion", dataset.name[text.language], dataset.version)}
      </span>
      <span class="dataset-counts">
        {countText(text, "names", dataset.entities)} · {countText(text, "facts", dataset.facts)}
      </span>
      {dataset.importedAt !== undefined && (
        <span class="dataset-imported">{t("optionsDatasetImportedOn", formatDate(dataset.importedAt.slice(0, 10), text.language))}</span>
      )}
    </div>
  );
}

/** Where an import stands. */
type ImportState =
  | { kind: "idle" }
  | { kind: "checking"; file: string }
  | { kind: "refused"; file: string; problems: ImportProblem[] }
  | { kind: "confirm"; file: string; prepared: PreparedImport }
  | { kind: "saving"; file: string }
  | { kind: "imported"; prepared: PreparedImport }
  | { kind: "cancelled" }
  | { kind: "failed"; message: string };

type ImportPanelProps = Props & { onChanged(): Promise<void>; inputRef: { current: HTMLInputElement | null } };

function ImportPanel({ services, text, onChanged, inputRef }: ImportPanelProps) {
  const t = text.message;
  const [state, setState] = useState<ImportState>({ kind: "idle" });
  const replaceButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state.kind === "confirm") replaceButton.current?.focus();
  }, [state.kind]);

  async function choose(file: File) {
    // The size is known before reading: a file over the limit is never read.
    const tooLarge = importSizeProblem(file.size);
    if (tooLarge !== null) return setState({ kind: "refused", file: file.name, problems: [tooLarge] });
    setState({ kind: "checking", file: file.name });
    let content: string;
    try {
      content = await file.text();
    } catch (error) {
      return setState({ kind: "failed", message: t("optionsImportReadFailed", file.name, String(error)) });
    }
    const check = await services.checkImport(content);
    if (!check.ok) return setState({ kind: "refused", file: file.name, problems: check.problems });
    if (check.prepared.replaces !== null) return setState({ kind: "confirm", file: file.name, prepared: check.prepared });
    await save(file.name, check.prepared);
  }

  async function save(file: string, prepared: PreparedImport) {
    setState({ kind: "saving", file });
    const result = await services.saveImport(prepared);
    setState(result.ok ? { kind: "imported", prepared } : { kind: "failed", message: t("optionsImportSaveFailed", file, result.error) });
    await onChanged();
  }

  const busy = state.kind === "checking" || state.kind === "saving";
  return (
    <div class="import">
      <h3 id="import-heading">{t("optionsImportHeading")}</h3>
      <label for="import-file">{t("optionsImportLabel")}</label>
      <input
        ref={inputRef}
        type="file"
        id="import-file"
        accept="application/json,.json"
        aria-describedby="import-hint"
        disabled={busy}
        onChange={(event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          // Cleared, so choosing the same file again (once fixed) is a change too.
          input.value = "";
          if (file !== undefined) void choose(file);
        }}
      />
      <p id="import-hint" class="hint">
        {t("optionsImportHint", megabytesText(text, MAX_IMPORT_BYTES))}
      </p>
      {/* One live region that stays in the page, so each outcome is announced. */}
      <div id="import-result" role="status" data-state={state.kind}>
        <ImportOutcome
          state={state}
          text={text}
          replaceButton={replaceButton}
          onReplace={(file, prepared) => void save(file, prepared)}
          onKeep={() => {
            setState({ kind: "cancelled" });
            inputRef.current?.focus();
          }}
        />
      </div>
    </div>
  );
}

type ImportOutcomeProps = {
  state: ImportState;
  text: InterfaceText;
  replaceButton: { current: HTMLButtonElement | null };
  onReplace(file: string, prepared: PreparedImport): void;
  onKeep(): void;
};

function ImportOutcome({ state, text, replaceButton, onReplace, onKeep }: ImportOutcomeProps) {
  const t = text.message;
  const language = text.language;
  switch (state.kind) {
    case "idle":
      return null;
    case "checking":
    case "saving":
      return <p class="progress">{t("optionsImportChecking", state.file)}</p>;
    case "cancelled":
      return <p>{t("optionsImportCancelled")}</p>;
    case "failed":
      return <p class="error">{state.message}</p>;
    case "refused": {
      const shown = state.problems.slice(0, PROBLEMS_SHOWN);
      return (
        <div id="import-problems" class="notice problems">
          <p class="problems-summary">{t("optionsImportRefused", state.file, String(state.problems.length))}</p>
          <ul>
            {shown.map((problem, i) => (
              <li key={i} class="problem" data-code={problem.code} data-path={problem.path}>
                <code class="problem-path" dir="ltr">
                  {problem.path}
                </code>{" "}
                <span class="problem-text">{importProblemText(text, problem)}</span>{" "}
                {/* The English message names the ids and values concerned: a detail for dataset authors. */}
                <span class="problem-detail" lang="en" dir="ltr">
                  {problem.message}
                </span>
              </li>
            ))}
          </ul>
          {state.problems.length > shown.length && <p class="problems-more">{t("optionsImportMoreProblems", String(state.problems.length - shown.length))}</p>}
        </div>
      );
    }
    case "confirm": {
      const { prepared } = state;
      const current = prepared.replaces!;
      const question =
        current.name === null || current.version === null
          ? t("optionsImportReplaceUnreadable", prepared.dataset.id, prepared.dataset.version)
          : t("optionsImportReplaceQuestion", current.name[language], current.version, prepared.dataset.version);
      return (
        <div id="import-confirm" class="confirm" role="group" aria-labelledby="import-confirm-question">
          <p id="import-confirm-question">{question}</p>
          <div class="button-row">
            <button type="button" id="import-replace" ref={replaceButton} onClick={() => onReplace(state.file, prepared)}>
              {t("optionsImportReplaceButton")}
            </button>
            <button type="button" id="import-keep" class="secondary" onClick={onKeep}>
              {t("optionsImportKeepButton")}
            </button>
          </div>
        </div>
      );
    }
    case "imported": {
      const { dataset, contested, replaces, attributionWarnings } = state.prepared;
      const names = countText(text, "names", dataset.entities.length);
      const facts = countText(text, "facts", dataset.facts.length);
      return (
        <div id="import-done" class="success">
          <p>
            {replaces === null
              ? t("optionsImportDone", dataset.name[language], dataset.version, names, facts)
              : t("optionsImportReplaced", dataset.name[language], dataset.version, names, facts)}
          </p>
          {contested.length > 0 && (
            <>
              <p>{t("optionsImportContested")}</p>
              <ul id="import-contested">
                {contested.map((c) => (
                  <li key={c.path} data-path={c.path}>
                    {t("optionsImportContestedItem", c.alias, c.owner.name[language])}{" "}
                    <code class="problem-path" dir="ltr">
                      {c.path}
                    </code>
                  </li>
                ))}
              </ul>
            </>
          )}
          {attributionWarnings.length > 0 && (
            <>
              <p>{t("optionsImportAttributionWarnings")}</p>
              <ul id="import-attribution-warnings">
                {attributionWarnings.map((w) => (
                  <li key={w.path} data-path={w.path} data-code={w.code}>
                    {t(attributionWarningKey[w.code])}{" "}
                    <code class="problem-path" dir="ltr">
                      {w.path}
                    </code>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      );
    }
  }
}

/** Each attribution warning in the interface language, by its code. */
const attributionWarningKey = {
  "claimant-not-in-sentence": "attributionClaimantNotInSentence",
  "unattributed-speech": "attributionUnattributedSpeech",
  "about-not-named": "attributionAboutNotNamed",
} as const satisfies Record<AttributionCode, MessageKey>;
