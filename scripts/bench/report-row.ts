/**
 * One line of the benchmark table, as each part returns it: a figure of ours beside its
 * baseline measured in the same run, their ratio and the target it is held to.
 */

/** How to read a ratio: `cost` is ours ÷ baseline (lower is better); `speedup` is baseline ÷ ours. */
type RatioSense = "cost" | "speedup";

export interface ReportRow {
  /** The section of the table: "Matcher (Node)", "In the page (Chromium)", "Size". */
  section: string;
  /** What is measured. */
  figure: string;
  /** Our figure, formatted with its unit. */
  ours: string;
  /** The baseline's figure, formatted, with what the baseline is. */
  baseline: string;
  /** The ratio as a number (see `sense`), or null when it cannot be computed. */
  ratio: number | null;
  sense: RatioSense;
  /** The target as written in the issue, or "—" when none is set. */
  target: string;
  /** Whether the target is met; null when there is no target. */
  met: boolean | null;
}

/** A ratio for the table: "3.21×" or "52× faster". */
export function formatRatio(row: Pick<ReportRow, "ratio" | "sense">): string {
  if (row.ratio === null || !Number.isFinite(row.ratio)) return "n/a";
  const value = row.ratio >= 100 ? row.ratio.toFixed(0) : row.ratio >= 10 ? row.ratio.toFixed(1) : row.ratio.toFixed(2);
  return row.sense === "speedup" ? `${value}× faster` : `${value}×`;
}

/** A number of milliseconds, to a sensible precision. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

/** A number of bytes, in KB (1,000 bytes) or MB (1,000,000 bytes). */
export function bytes(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  if (Math.abs(value) >= 1_000_000) return `${(value / 1_000_000).toFixed(2)} MB`;
  return `${(value / 1000).toFixed(1)} KB`;
}

/** A throughput in MB (1,000,000 bytes of UTF-8 text) per second. */
export function mbPerSecond(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  if (value >= 100) return `${value.toFixed(0)} MB/s`;
  if (value >= 1) return `${value.toFixed(1)} MB/s`;
  return `${(value * 1000).toFixed(2)} KB/s`;
}
