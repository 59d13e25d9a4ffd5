/**
 * The machine and moment a benchmark ran on, printed above every table: figures from
 * different machines or commits are not comparable.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

export interface Machine {
  /** ISO date and time (UTC) of the run. */
  date: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  chromium: string;
  /** The commit measured, with "+ uncommitted changes" when the tree is dirty. */
  commit: string;
  /** One-minute load average when the run started and when it ended: other work skews figures. */
  loadAtStart: number;
  loadAtEnd?: number;
}

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8").split("\n").find((l) => l.startsWith("model name"));
    if (line !== undefined) return line.split(":")[1]!.trim();
  } catch {
    // not Linux: fall through
  }
  return os.cpus()[0]?.model ?? "unknown";
}

function osName(): string {
  try {
    const pretty = readFileSync("/etc/os-release", "utf8").match(/^PRETTY_NAME="?([^"\n]*)"?/m);
    if (pretty) return `${pretty[1]}, Linux ${os.release()}`;
  } catch {
    // not Linux: fall through
  }
  return `${os.type()} ${os.release()}`;
}

function gitCommit(root: string): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).trim() !== "";
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return "unknown";
  }
}

/** Describes this machine; `chromium` is the browser's own version string. */
export function describeMachine(root: string, chromium: string): Machine {
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    cpu: cpuModel(),
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: osName(),
    node: process.version,
    chromium,
    commit: gitCommit(root),
    loadAtStart: os.loadavg()[0]!,
  };
}

/** The machine as lines of text. */
export function formatMachine(machine: Machine): string[] {
  return [
    `Date:     ${machine.date}`,
    `Machine:  ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB RAM; ${machine.os}`,
    `Software: Node ${machine.node}; ${machine.chromium}`,
    `Commit:   ${machine.commit}`,
    `Load:     1-minute load average ${machine.loadAtStart.toFixed(2)} at the start` +
      (machine.loadAtEnd !== undefined ? `, ${machine.loadAtEnd.toFixed(2)} at the end` : "") +
      ` (${machine.cores} cores; above that, other processes competed for the CPU)`,
  ];
}
