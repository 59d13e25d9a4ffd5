/**
 * The texts the benchmarks run on, all built from the fixture pages (the seed article laid out
 * as an Arabic news page, and the English wire report on the same talks):
 * - the matcher's corpus: the text runs the content script would hand to the matcher,
 *   repeated to a few megabytes;
 * - a big news page: the two articles' paragraphs (with their links, bold names and names
 *   split across elements) repeated into many `<article>` blocks.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import type { Dataset } from "../../src/core/dataset-schema.ts";
import { aliasText } from "../../src/core/validate-dataset.ts";
import { collectTextRuns } from "../../src/page/collect-text-runs.ts";
import { utf8Bytes } from "./stats.ts";

const PAGES = path.resolve(import.meta.dirname, "../../test/fixtures/pages");
const ARABIC_PAGE = path.join(PAGES, "seed-article.ar.html");
const ENGLISH_PAGE = path.join(PAGES, "istanbul-talks.en.html");

/** The runs of text the content script collects from a fixture page. */
function pageRuns(file: string): string[] {
  const { document } = parseHTML(readFileSync(file, "utf8"));
  return [...collectTextRuns(document.documentElement ?? document)].map((run) => run.text);
}

/** A text corpus for the matcher, as the runs a page scan would match one by one. */
export interface TextCorpus {
  runs: string[];
  /** UTF-8 size of all runs together. */
  bytes: number;
  /** UTF-16 code units of all runs together. */
  units: number;
}

/**
 * The runs of both fixture pages, repeated until they hold at least `minBytes` of UTF-8 text.
 * Each copy of a run carries its copy number, so no two strings are the same and no engine can
 * serve a repeat from a cache.
 */
export function matcherCorpus(minBytes: number): TextCorpus {
  const base = [...pageRuns(ARABIC_PAGE), ...pageRuns(ENGLISH_PAGE)];
  const runs: string[] = [];
  let bytes = 0;
  let units = 0;
  for (let copy = 0; bytes < minBytes; copy++) {
    for (const text of base) {
      const run = `${copy} ${text}`;
      runs.push(run);
      bytes += utf8Bytes(run);
      units += run.length;
    }
  }
  return { runs, bytes, units };
}

/** One article's parts, taken from a fixture page. */
interface ArticleParts {
  lang: string;
  dir: string;
  headline: string;
  /** The `.story-body` children (paragraphs, pull quotes) as HTML, inline markup kept. */
  body: string[];
}

function articleParts(file: string): ArticleParts {
  const { document } = parseHTML(readFileSync(file, "utf8"));
  const html = document.documentElement;
  const body = [...document.querySelectorAll(".story-body > *")].map((element) => element.outerHTML as string);
  return {
    lang: html.getAttribute("lang") ?? "en",
    dir: html.getAttribute("dir") ?? "ltr",
    headline: document.querySelector("h1")?.innerHTML ?? "",
    body,
  };
}

/** A generated page and its size. */
export interface BigPage {
  html: string;
  /** UTF-8 size of the HTML file. */
  htmlBytes: number;
  /** UTF-8 size of the text of its articles. */
  textBytes: number;
  /** UTF-16 code units of the text of its articles. */
  textUnits: number;
  articles: number;
  paragraphs: number;
}

const STYLE = `
  body { margin: 0; font: 18px/1.7 "Noto Naskh Arabic", "Noto Sans Arabic", Georgia, serif; background: #f7f5f0; color: #1f1f23; }
  header, footer { background: #fff; border-bottom: 1px solid #ddd; padding: 0.8rem 1.25rem; }
  header nav a { margin-inline-end: 1rem; font-weight: 600; }
  main { max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem; }
  article { background: #fff; border: 1px solid #e4dfd4; border-radius: 8px; padding: 1rem 1.5rem; margin-block: 1.5rem; }
  article h2 { font-size: 1.5rem; line-height: 1.3; }
  .dateline { color: #6a675f; font-size: 0.85rem; }
  blockquote { border-inline-start: 4px solid #a0192b; margin: 1rem 0; padding-inline-start: 1rem; }
  a { color: #7d1422; text-decoration: none; }
`;

/**
 * A long news page: Arabic and English articles taken in turn, each a copy of a fixture
 * article with its own number, until the articles hold at least `minTextBytes` of text.
 */
export function bigNewsPage(minTextBytes: number, title = "Backstory benchmark page"): BigPage {
  const parts = [articleParts(ARABIC_PAGE), articleParts(ENGLISH_PAGE)];
  const articleText = parts.map((p) => {
    const { document } = parseHTML(`<!doctype html><html><body><h2>${p.headline}</h2>${p.body.join("")}</body></html>`);
    return document.body.textContent as string;
  });
  const blocks: string[] = [];
  let textBytes = 0;
  let textUnits = 0;
  let paragraphs = 0;
  for (let n = 0; textBytes < minTextBytes; n++) {
    const p = parts[n % 2]!;
    blocks.push(
      `<article lang="${p.lang}" dir="${p.dir}" id="story-${n}">` +
        `<h2><a href="#story-${n}">${p.headline}</a></h2>` +
        `<p class="dateline"><time>${n}</time></p>` +
        `${p.body.join("\n")}</article>`,
    );
    const text = articleText[n % 2]!;
    textBytes += utf8Bytes(text) + String(n).length;
    textUnits += text.length + String(n).length;
    paragraphs += p.body.length + 1;
  }
  const html =
    `<!doctype html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head>\n` +
    `<body><header><nav><a href="#">الرئيسية</a><a href="#">العالم</a><a href="#">World</a><a href="#">Politics</a></nav></header>\n` +
    `<main>\n${blocks.join("\n")}\n</main>\n<footer><p>صدى الأنباء · Meridian Wire</p></footer></body></html>\n`;
  return { html, htmlBytes: utf8Bytes(html), textBytes, textUnits, articles: blocks.length, paragraphs };
}

/** Every display name and alias of a dataset's entities, as written in the dataset. */
export function datasetAliases(dataset: Dataset): string[] {
  return dataset.entities.flatMap((entity) => [entity.name.ar, entity.name.en, ...entity.aliases.map(aliasText)]);
}
