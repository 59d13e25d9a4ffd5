/**
 * The toolbar popup: the reader's control surface for one tab. Switches for the overlay
 * everywhere and on this site, the names found on the tab (choosing one reveals it on the page),
 * and the datasets in use (the bundled one and every enabled import) with their sources. Everything it does goes through `PopupServices`, so
 * tests render it with fakes; `popup-page.tsx` wires the browser.
 */
import { useEffect, useState } from "preact/hooks";
import { isReadableDataset, type DatasetListItem, type DatasetSummary, type Reply } from "../../shared/messages.ts";
import { isOverlayOnFor, withSiteEnabled, type Settings } from "../../shared/settings.ts";
import { directionOf, formatDate } from "../card/card-strings.ts";
import { countText, type InterfaceText, type MessageKey } from "../interface-text.ts";
import { isListableHost } from "../site-host.ts";
import { useStoredSettings, type SettingsServices } from "../use-stored-settings.ts";
import { pageState, type EntitiesOnPage, type PageState } from "../page-state.ts";
import { EntityGroups } from "./EntityGroups.tsx";
import { sourceViewerPath } from "../../shared/source-viewer-path.ts";

/** What a tab's content script reports about its page. */
export type { EntitiesOnPage };
export type { DatasetListItem, DatasetSummary };

/** Everything the popup asks of the browser, bound to the tab it controls. */
export interface PopupServices extends SettingsServices {
  /** Asks the tab's content script what it found; an error means the page has none (or cannot have one). */
  entitiesOnPage(): Promise<Reply<EntitiesOnPage>>;
  /** Asks the tab's content script to scroll to an entity's first mention and open its card. */
  revealEntity(entity: string, dataset: string): Promise<Reply<{ revealed: boolean }>>;
  listDatasets(): Promise<Reply<DatasetListItem[]>>;
  /** The full address of a file of the extension (`runtime.getURL`). */
  extensionUrl(path: string): string;
  /** Opens an address in a new tab. */
  openUrl(url: string): Promise<void>;
  openOptions(): Promise<void>;
  /**
   * Opens the side panel. Called straight from the click, with nothing awaited first: both
   * browsers open a side panel only while the user action is current.
   */
  openPanel(): Promise<boolean>;
  /** Closes the popup (a no-op when it was opened as a page, for tests). */
  close(): void;
}

/** The popup's services and interface text. */
export type PopupProps = {
  services: PopupServices;
  text: InterfaceText;
  /** Asks the page again this often (ms) while the popup is open, so a scan in progress fills in; 0 asks once. */
  refreshMs?: number;
};

/** The whole popup, rendered into `<body>`. */
export function Popup({ services, text, refreshMs = 0 }: PopupProps) {
  const { settings, saveError, update } = useStoredSettings(services);
  const page = usePage(services, refreshMs);
  const datasets = useDatasets(services);
  const t = text.message;
  const site = page?.ok ? page.value.site : null;
  // Only a host the settings can list gets a switch: a local file's page reports "".
  const switchableSite = site !== null && isListableHost(site) ? site : null;
  const siteHint =
    page === null
      ? null
      : !page.ok
        ? t("popupSiteUnavailable")
        : switchableSite === null
          ? t("popupSiteNoHost")
          : settings !== null && !settings.enabled
            ? t("popupSiteNeedsGlobal")
            : null;

  return (
    <main class="popup" lang={text.language} dir={directionOf(text.language)}>
      <header class="popup-header">
        <img src="icons/icon-32.png" alt="" width={20} height={20} />
        <h1>{t("extensionName")}</h1>
      </header>

      <div class="switches">
        <div class="switch-row">
          <label for="switch-everywhere">{t("popupSwitchEverywhere")}</label>
          <input
            type="checkbox"
            role="switch"
            id="switch-everywhere"
            checked={settings?.enabled ?? false}
            disabled={settings === null}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              void update((current) => ({ ...current, enabled: on }));
            }}
          />
        </div>
        <div class="switch-row">
          <label for="switch-site">
            {t("popupSwitchSite")}
            {site !== null && site !== "" && (
              <>
                {" "}
                {/* A host name is left-to-right even in an Arabic label; the brackets stay outside
                    the isolate so they follow the label's direction. */}
                <span class="site-host">
                  (<bdi dir="ltr">{site}</bdi>)
                </span>
              </>
            )}
          </label>
          <input
            type="checkbox"
            role="switch"
            id="switch-site"
            checked={settings !== null && switchableSite !== null && isSiteOn(settings, switchableSite)}
            disabled={settings === null || switchableSite === null || !settings.enabled}
            aria-describedby={siteHint === null ? undefined : "switch-site-hint"}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              if (switchableSite !== null) void update((current) => withSiteEnabled(current, switchableSite, on));
            }}
          />
        </div>
        {siteHint !== null && (
          <p id="switch-site-hint" class="hint">
            {siteHint}
          </p>
        )}
        {saveError !== null && (
          <p id="save-error" class="error" role="alert">
            {t("saveFailed", saveError)}
          </p>
        )}
      </div>

      <section class="names" aria-labelledby="names-heading">
        <h2 id="names-heading">{t("popupNamesHeading")}</h2>
        <NamesOnPage page={page} settings={settings} services={services} text={text} />
      </section>

      <section class="dataset" aria-labelledby="dataset-heading">
        <h2 id="dataset-heading">{t("popupDatasetHeading")}</h2>
        <Datasets datasets={datasets} services={services} text={text} />
      </section>

      <div class="popup-footer">
        <button
          type="button"
          id="open-panel"
          class="link-button"
          onClick={() => {
            void services.openPanel().then((opened) => opened && services.close());
          }}
        >
          {t("popupOpenPanel")}
        </button>
        <button
          type="button"
          id="open-settings"
          class="link-button"
          onClick={() => {
            void services.openOptions().then(() => services.close());
          }}
        >
          {t("popupOpenSettings")}
        </button>
      </div>
    </main>
  );
}

/** Whether the site's own setting has the overlay on, whatever the global switch says. */
function isSiteOn(settings: Settings, site: string): boolean {
  return isOverlayOnFor({ ...settings, enabled: true }, site);
}

/** The content script's report on the tab, asked on mount and then every `refreshMs`. */
function usePage(services: PopupServices, refreshMs: number): Reply<EntitiesOnPage> | null {
  const [page, setPage] = useState<Reply<EntitiesOnPage> | null>(null);
  useEffect(() => {
    let isCancelled = false;
    const ask = () =>
      void services.entitiesOnPage().then(
        (reply) => !isCancelled && setPage(reply),
        (error: unknown) => !isCancelled && setPage({ ok: false, error: String(error) }),
      );
    ask();
    const timer = refreshMs > 0 ? setInterval(ask, refreshMs) : undefined;
    return () => {
      isCancelled = true;
      clearInterval(timer);
    };
  }, [services, refreshMs]);
  return page;
}

/** The datasets in use, asked once. */
function useDatasets(services: PopupServices): Reply<DatasetListItem[]> | null {
  const [datasets, setDatasets] = useState<Reply<DatasetListItem[]> | null>(null);
  useEffect(() => {
    let isCancelled = false;
    services.listDatasets().then(
      (reply) => !isCancelled && setDatasets(reply),
      (error: unknown) => !isCancelled && setDatasets({ ok: false, error: String(error) }),
    );
    return () => {
      isCancelled = true;
    };
  }, [services]);
  return datasets;
}

type NamesOnPageProps = { page: Reply<EntitiesOnPage> | null; settings: Settings | null; services: PopupServices; text: InterfaceText };

/** Why the list of names is empty, as `data-state` on its placeholder. */

const emptyMessages: Record<PageState, MessageKey> = {
  loading: "loading",
  unavailable: "popupPageUnavailable",
  "off-everywhere": "popupOffEverywhere",
  "off-here": "popupOffHere",
  scanning: "popupScanning",
  none: "popupNoNames",
};

/** The names found on the tab, grouped by type, or why there are none. */
function NamesOnPage({ page, settings, services, text }: NamesOnPageProps) {
  const [revealFailed, setRevealFailed] = useState(false);
  const state = pageState(page, settings);
  if (state !== null || page === null || !page.ok) {
    const shown = state ?? "loading";
    return (
      <p id="names-status" class={shown === "unavailable" ? "empty notice" : "empty"} data-state={shown}>
        {text.message(emptyMessages[shown])}
      </p>
    );
  }

  const { mentions, entities } = page.value;

  async function reveal(entity: string, dataset: string) {
    setRevealFailed(false);
    const reply = await services.revealEntity(entity, dataset);
    if (reply.ok && reply.value.revealed) services.close();
    else setRevealFailed(true);
  }

  return (
    <>
      <p id="names-summary" class="summary">
        {text.message("popupPageSummary", countText(text, "mentions", mentions), countText(text, "names", entities.length))}
      </p>
      <EntityGroups entities={entities} text={text} onReveal={(entity, dataset) => void reveal(entity, dataset)} />
      {revealFailed && (
        <p id="reveal-error" class="error" role="alert">
          {text.message("popupRevealFailed")}
        </p>
      )}
    </>
  );
}

type DatasetsProps = { datasets: Reply<DatasetListItem[]> | null; services: PopupServices; text: InterfaceText };

/**
 * Each dataset in use — the bundled one and every enabled import — with its name and version,
 * and its sources with a link to read each in the source viewer.
 */
function Datasets({ datasets, services, text }: DatasetsProps) {
  const language = text.language;
  if (datasets === null) return <p class="empty">{text.message("loading")}</p>;
  const inUse = datasets.ok ? datasets.value.filter((d): d is DatasetSummary => isReadableDataset(d) && d.enabled) : [];
  if (inUse.length === 0) return <p class="empty">{text.message("popupDatasetUnavailable")}</p>;
  return (
    <>
      {inUse.map((dataset) => (
        <div key={dataset.id} class="dataset-entry" data-dataset={dataset.id}>
          <p class="dataset-name">{text.message("datasetNameVersion", dataset.name[language], dataset.version)}</p>
          <ul class="sources">
            {dataset.sources.map((source) => {
              const url = services.extensionUrl(sourceViewerPath({ dataset: dataset.id, source: source.id, language }));
              return (
                <li key={source.id} class="source" data-source={source.id}>
                  <cite dir="auto">{source.title}</cite>
                  <span class="source-meta">
                    {source.date === undefined
                      ? source.publisher[language]
                      : text.message("popupSourcePublished", source.publisher[language], formatDate(source.date, language))}
                  </span>
                  <a
                    href={url}
                    class="open-source"
                    onClick={(event) => {
                      // A new tab from the popup goes through tabs.create: a plain link would open inside the popup.
                      event.preventDefault();
                      void services.openUrl(url).then(() => services.close());
                    }}
                  >
                    {text.message("popupOpenSource")}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </>
  );
}
