/**
 * The side panel (Chrome's side panel, Firefox's sidebar): it stays open while the reader reads
 * and follows the active tab. It lists the names found on the page, grouped by type with their
 * mention counts (choosing one reveals it on the page, as in the popup), the disputes among the
 * claims about them, side by side, and every claim grouped by who made it. Everything it does
 * goes through `PanelServices`, so tests render it with fakes; `panel-page.tsx` wires the browser.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { CardFact, CardParty } from "../../core/entity-card.ts";
import type { ClaimGroup, PageClaims } from "../../core/page-claims.ts";
import type { Reply } from "../../shared/messages.ts";
import { cardText, directionOf } from "../card/card-strings.ts";
import { countText, type InterfaceText, type MessageKey } from "../interface-text.ts";
import { EntityGroups } from "../popup/EntityGroups.tsx";
import { useStoredSettings, type SettingsServices } from "../use-stored-settings.ts";
import { Claim } from "./Claim.tsx";
import { pageState, type EntitiesOnPage, type PageState } from "../page-state.ts";

/** What the panel hears from the browser while it is open. */
interface PanelEvents {
  /** Another tab of the panel's window became the active one. */
  tabActivated(tabId: number): void;
  /** A tab's names changed, or it navigated: a panel following it asks again. */
  tabChanged(tabId: number): void;
  /** A card in `tabId` asked to show a dispute; returns whether this panel shows it. */
  showDispute(tabId: number, dataset: string, dispute: string): boolean;
}

/** An entity of a dataset, as the background looks its claims up. */
type EntityKey = { dataset: string; id: string };

/** Everything the panel asks of the browser. */
export interface PanelServices extends SettingsServices {
  /** The tab to follow first: the active tab of the panel's window (or the one a test names). */
  initialTab(): Promise<number | null>;
  watchEvents(events: PanelEvents, signal: AbortSignal): void;
  entitiesOnPage(tabId: number): Promise<Reply<EntitiesOnPage>>;
  revealEntity(tabId: number, entity: string, dataset: string): Promise<Reply<{ revealed: boolean }>>;
  pageClaims(entities: EntityKey[]): Promise<Reply<PageClaims[]>>;
  /** Opens the source viewer at a claim's quote. */
  openSource(dataset: string, fact: CardFact): Promise<void>;
  copyText(text: string): Promise<void>;
  /** The dispute a card asked for before this panel was open, if any. */
  takePanelFocus(): Promise<{ dataset: string; dispute: string } | null>;
}

/** The panel's services and interface text. */
export type SidePanelProps = { services: PanelServices; text: InterfaceText };

const stateMessages: Record<PageState, MessageKey> = {
  loading: "loading",
  unavailable: "popupPageUnavailable",
  "off-everywhere": "popupOffEverywhere",
  "off-here": "popupOffHere",
  scanning: "popupScanning",
  none: "popupNoNames",
};

/** The id of a dispute's element: datasets may reuse ids, so the dataset's is part of it. */
function disputeElementId(dataset: string, dispute: string): string {
  return `dispute-${dataset}-${dispute}`;
}

/** The whole panel, rendered into `<body>`. */
export function SidePanel({ services, text }: SidePanelProps) {
  const { settings } = useStoredSettings(services);
  const t = text.message;
  const [tabId, setTabId] = useState<number | null>(null);
  const [noTab, setNoTab] = useState(false);
  const [asks, setAsks] = useState(0);
  const [page, setPage] = useState<Reply<EntitiesOnPage> | null>(null);
  const [claims, setClaims] = useState<Reply<PageClaims[]> | null>(null);
  const [focus, setFocus] = useState<{ dataset: string; dispute: string; at: number } | null>(null);
  const [revealFailed, setRevealFailed] = useState(false);
  const followed = useRef<number | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const follow = (id: number) => {
      followed.current = id;
      setTabId(id);
    };
    services.watchEvents(
      {
        tabActivated: follow,
        tabChanged: (id) => {
          if (id === followed.current) setAsks((n) => n + 1);
        },
        showDispute: (id, dataset, dispute) => {
          follow(id);
          setFocus({ dataset, dispute, at: performance.now() });
          return true;
        },
      },
      controller.signal,
    );
    void services.initialTab().then((id) => {
      if (controller.signal.aborted || followed.current !== null) return;
      if (id === null) setNoTab(true);
      else follow(id);
    });
    void services.takePanelFocus().then((pending) => {
      if (!controller.signal.aborted && pending !== null) setFocus({ ...pending, at: performance.now() });
    });
    return () => controller.abort();
  }, [services]);

  /** The tab whose page `page` is (or is being asked for). */
  const askedTab = useRef<number | null>(null);

  // Ask the followed tab's page again whenever the tab changes or it says its names changed.
  useEffect(() => {
    if (tabId === null) return;
    let isCancelled = false;
    setRevealFailed(false);
    // Another tab: until its page answers the panel says it is loading, rather than list the
    // last tab's names under the new one (a page busy with its first scan can take a while).
    // The same tab's update keeps its list until the new one comes.
    if (askedTab.current !== tabId) {
      askedTab.current = tabId;
      setPage(null);
    }
    services.entitiesOnPage(tabId).then(
      (reply) => !isCancelled && setPage(reply),
      (error: unknown) => !isCancelled && setPage({ ok: false, error: String(error) }),
    );
    return () => {
      isCancelled = true;
    };
  }, [services, tabId, asks]);

  const state = noTab ? "unavailable" : pageState(page, settings);
  const entities = state === null && page?.ok ? page.value.entities : [];
  const entityKeys = entities.map((e) => `${e.dataset}/${e.id}`).sort().join(" ");

  // The claims are asked again only when the set of names changes, not with every count.
  useEffect(() => {
    if (entityKeys === "") {
      setClaims(null);
      return;
    }
    let isCancelled = false;
    const keys = entityKeys.split(" ").map((key) => {
      const [dataset, id] = key.split("/") as [string, string];
      return { dataset, id };
    });
    services.pageClaims(keys).then(
      (reply) => !isCancelled && setClaims(reply),
      (error: unknown) => !isCancelled && setClaims({ ok: false, error: String(error) }),
    );
    return () => {
      isCancelled = true;
    };
  }, [services, entityKeys]);

  // Move to a dispute a card (or a claim's link) asked for, once it is on screen.
  useEffect(() => {
    if (focus === null || claims === null) return;
    const element = document.getElementById(disputeElementId(focus.dataset, focus.dispute));
    if (element === null) return;
    element.scrollIntoView({ block: "start" });
    element.focus({ preventScroll: true });
  }, [focus, claims]);

  async function reveal(entity: string, dataset: string) {
    if (tabId === null) return;
    setRevealFailed(false);
    const reply = await services.revealEntity(tabId, entity, dataset);
    if (!reply.ok || !reply.value.revealed) setRevealFailed(true);
  }

  const language = text.language;

  return (
    <main class="panel" lang={language} dir={directionOf(language)} data-tab={tabId ?? undefined}>
      <header class="panel-header">
        <img src="icons/icon-32.png" alt="" width={20} height={20} />
        <div>
          <h1>{t("panelTitle")}</h1>
          <p class="following">{t("panelFollowing")}</p>
        </div>
      </header>

      <section class="names" aria-labelledby="names-heading">
        <h2 id="names-heading">{t("panelNamesHeading")}</h2>
        {state !== null || page === null || !page.ok ? (
          <p id="names-status" class={state === "unavailable" ? "empty notice" : "empty"} data-state={state ?? "loading"} role="status">
            {t(stateMessages[state ?? "loading"])}
          </p>
        ) : (
          <>
            <p id="names-summary" class="summary" role="status">
              {t("popupPageSummary", countText(text, "mentions", page.value.mentions), countText(text, "names", entities.length))}
            </p>
            <EntityGroups entities={entities} text={text} onReveal={(entity, dataset) => void reveal(entity, dataset)} />
            {revealFailed && (
              <p id="reveal-error" class="error" role="alert">
                {t("popupRevealFailed")}
              </p>
            )}
          </>
        )}
      </section>

      {state === null && claims !== null && (
        <Claims
          claims={claims}
          text={text}
          services={services}
          onShowDispute={(dataset, dispute) => setFocus({ dataset, dispute, at: performance.now() })}
        />
      )}
    </main>
  );
}

type ClaimsProps = {
  claims: Reply<PageClaims[]>;
  text: InterfaceText;
  services: PanelServices;
  onShowDispute(dataset: string, dispute: string): void;
};

/** The disputes side by side, then every claim grouped by claimant. */
function Claims({ claims, text, services, onShowDispute }: ClaimsProps) {
  const t = text.message;
  if (!claims.ok) {
    return (
      <p id="claims-error" class="error" role="alert">
        {t("panelClaimsFailed")}
      </p>
    );
  }
  const disputes = claims.value.flatMap((c) => c.disputes.map((d) => ({ dataset: c.dataset.id, ...d })));
  const factCount = claims.value.reduce((n, c) => n + c.facts.length, 0);
  const actions = (dataset: string) => ({
    text,
    onOpenSource: (fact: CardFact) => void services.openSource(dataset, fact),
    copyText: (value: string) => services.copyText(value),
  });
  return (
    <>
      <section class="disputes" aria-labelledby="disputes-heading">
        <h2 id="disputes-heading">{t("panelDisputesHeading")}</h2>
        {disputes.length === 0 ? (
          <p class="empty">{t("panelNoDisputes")}</p>
        ) : (
          disputes.map((dispute) => {
            const id = disputeElementId(dispute.dataset, dispute.id);
            return (
              <article key={id} id={id} class="dispute" data-dispute={dispute.id} tabIndex={-1} aria-labelledby={`${id}-label`}>
                <h3 id={`${id}-label`}>{dispute.label[text.language]}</h3>
                <div class="sides" style={{ "--sides": dispute.facts.length }}>
                  {dispute.facts.map((fact, i) => (
                    <div key={fact.id} class="side" role="group" aria-label={t("panelSide", String(i + 1), String(dispute.facts.length))}>
                      <Claim fact={fact} {...actions(dispute.dataset)} />
                    </div>
                  ))}
                </div>
              </article>
            );
          })
        )}
      </section>

      <section class="claims" aria-labelledby="claims-heading">
        <h2 id="claims-heading">{t("panelClaimsHeading")}</h2>
        {factCount === 0 ? (
          <p class="empty">{t("panelNoClaims")}</p>
        ) : (
          claims.value.map((datasetClaims) => {
            const facts = new Map(datasetClaims.facts.map((f) => [f.id, f]));
            return datasetClaims.groups.map((group) => {
              const id = `claimant-${datasetClaims.dataset.id}-${group.key.replace(/[^\w-]+/g, "_")}`;
              return (
                <section key={id} class="claimant-group" data-group={group.key} aria-labelledby={id}>
                  <h3 id={id}>{t("panelClaimCount", groupName(group, text), String(group.facts.length))}</h3>
                  <ul class="claim-list">
                    {group.facts.map((factId) => {
                      const fact = facts.get(factId);
                      return fact === undefined ? null : (
                        <li key={factId}>
                          <Claim fact={fact} {...actions(datasetClaims.dataset.id)} onShowDispute={(dispute) => onShowDispute(datasetClaims.dataset.id, dispute)} />
                        </li>
                      );
                    })}
                  </ul>
                </section>
              );
            });
          })
        )}
      </section>
    </>
  );
}

/** A group's heading: its claimants as the card lists them, or the outlet of the source's own lines. */
function groupName(group: ClaimGroup, text: InterfaceText): string {
  const language = text.language;
  if (group.outlet !== undefined) return text.message("panelOutletGroup", group.outlet[language]);
  return cardText(language).list(group.claimants.map((party: CardParty) => ("group" in party ? party.group[language] : party.name[language])));
}
