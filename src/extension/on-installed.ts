/**
 * What the background does when the extension is installed or updated: settings get their
 * defaults or are repaired (an older or corrupted stored shape is read field by field and written
 * back in the current one), and the imported datasets are upgraded — tables compiled by another
 * version are compiled again from the stored datasets. Stored data is never dropped on an
 * update: browsers keep `storage.local` and `storage.sync` across it, and each step rewrites a
 * value only after reading it.
 *
 * The datasets are upgraded on every `onInstalled`, whatever its reason, not only on "update":
 * Chromium reports "install" when an unpacked extension loaded from the command line comes back
 * at a new version over existing storage, and the upgrade only rewrites what another version
 * built, so when nothing is stale it writes nothing.
 */
import type { UpgradeReport } from "./dataset-store.ts";

/** The steps, injected so tests can run them against fake storage. */
export interface InstallTasks {
  /** Repairs the stored settings; returns what was repaired. */
  repairSettings(): Promise<string[]>;
  /** Upgrades the imported datasets after an update. */
  upgradeDatasets(): Promise<UpgradeReport>;
}

/** `runtime.onInstalled`'s details, as far as they matter here. */
export interface InstalledDetails {
  reason: string;
  previousVersion?: string;
}

/** Runs the install or update steps; returns lines for the log (empty when all was well). */
export async function handleInstalled(details: InstalledDetails, tasks: InstallTasks): Promise<string[]> {
  const log: string[] = [];
  try {
    const repaired = await tasks.repairSettings();
    if (repaired.length > 0) log.push(`settings repaired: ${repaired.join("; ")}`);
  } catch (error) {
    // The stored value stays as it was; the datasets' upgrade does not depend on it.
    log.push(`settings not repaired: ${(error as Error).message}`);
  }
  try {
    const report = await tasks.upgradeDatasets();
    const from = details.previousVersion === undefined ? "" : ` from ${details.previousVersion}`;
    if (report.recompiled.length > 0) log.push(`${details.reason}${from}: compiled again the tables of ${report.recompiled.join(", ")}`);
    if (report.swept > 0) log.push(`removed ${report.swept} stored key(s) no imported dataset uses`);
    log.push(...report.problems);
  } catch (error) {
    log.push(`imported datasets not upgraded: ${(error as Error).message}`);
  }
  return log;
}
