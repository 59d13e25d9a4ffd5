// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { buildEntityCard, type EntityCard as EntityCardData } from "../../src/core/entity-card.ts";
import { createCardView, type CardView } from "../../src/page/card-view.ts";
import { BUNDLED_DATASET, readDatasetFile } from "../../scripts/lib/read-dataset-file.ts";

let darchiev: EntityCardData;
beforeAll(async () => {
  const result = await readDatasetFile(BUNDLED_DATASET);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  darchiev = buildEntityCard(result.dataset, "alexander-darchiev")!;
});

const device = () => (window as unknown as { happyDOM: { settings: { device: { prefersReducedMotion: string } } } }).happyDOM.settings.device;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.restoreAllMocks();
  device().prefersReducedMotion = "no-preference";
  document.body.replaceChildren();
});

const attachShadow = Element.prototype.attachShadow;

/** A card view with its card rendered; the shadow root is closed, so the test keeps it as it is made. */
function renderedView(): { view: CardView; card: () => Element } {
  vi.restoreAllMocks();
  let root: ShadowRoot | undefined;
  vi.spyOn(Element.prototype, "attachShadow").mockImplementation(function (this: Element, init: ShadowRootInit) {
    root = attachShadow.call(this, init);
    return root;
  });
  const view = createCardView(document, "data-test-card");
  cleanups.push(() => view.unmount());
  view.render({ card: darchiev, language: "en", onLanguageChange: () => {}, onClose: () => {}, onOpenSource: () => {}, key: "k" });
  return { view, card: () => root!.querySelector('[role="dialog"]')! };
}

/** A range over a name in the page, for the card to be placed at. */
function nameRange(): Range {
  const paragraph = document.createElement("p");
  paragraph.textContent = "Darchiev said the talks were constructive.";
  document.body.append(paragraph);
  const range = document.createRange();
  range.setStart(paragraph.firstChild!, 0);
  range.setEnd(paragraph.firstChild!, 8);
  return range;
}

describe("the card's entrance", () => {
  test("a card laid out hidden plays none until it is shown, then rises and fades in", () => {
    const { view, card } = renderedView();
    const stop = view.layOutHidden(nameRange(), undefined, () => {});
    cleanups.push(() => stop?.());
    expect(stop).not.toBeNull();
    expect(card().getAnimations()).toHaveLength(0);
    view.reveal();
    const [entrance] = card().getAnimations();
    expect(entrance).toBeDefined();
    const keyframes = (entrance!.effect as KeyframeEffect).getKeyframes();
    expect(keyframes.map((k) => Number(k.opacity))).toEqual([0, 1]);
  });

  test("a card attached at once (opened from the keyboard) plays it as it is attached", () => {
    const { view, card } = renderedView();
    view.attach();
    expect(card().getAnimations()).toHaveLength(1);
  });

  test("plays none for a reader who asks for reduced motion", () => {
    device().prefersReducedMotion = "reduce";
    const { view, card } = renderedView();
    const stop = view.layOutHidden(nameRange(), undefined, () => {});
    cleanups.push(() => stop?.());
    view.reveal();
    expect(card().getAnimations()).toHaveLength(0);
    view.unmount();
    const other = renderedView();
    other.view.attach();
    expect(other.card().getAnimations()).toHaveLength(0);
  });
});
