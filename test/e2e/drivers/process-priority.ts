/**
 * Raises the scheduling priority of a browser's processes (every thread of the process tree),
 * so that a timing measured inside the browser reflects the work measured rather than the
 * other programs sharing the machine's cores. On a two-core machine shared with several
 * agents' test runs (load average 12–15 seen), an 8 ms slice of ours measured 117 ms and a
 * 20 ms card render 186 ms of wall-clock time: the thread was waiting for a core, not working.
 * Linux keeps a nice value per thread, and children inherit it, so the tree is walked again
 * each time the browser may have started processes (a renderer per new page).
 */
import { readdirSync, readFileSync } from "node:fs";
import { setPriority } from "node:os";

/** The nice value given to the browser's threads (the highest priority Linux allows). */
const NICE = -20;

/** Parent pid of every process, read from /proc. */
function parents(): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name (field 2) is in parentheses and may hold spaces; the ppid follows it.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      byPid.set(Number(entry), ppid);
    } catch {
      // The process ended while the list was read.
    }
  }
  return byPid;
}

/**
 * Gives every thread of `rootPid` and its descendants the highest priority. Returns false
 * where that is not permitted (not root, or no /proc): timings are then as the machine's load
 * makes them, and the caller says so.
 */
export function raiseProcessTreePriority(rootPid: number): boolean {
  try {
    const byPid = parents();
    const tree = new Set([rootPid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, ppid] of byPid) {
        if (tree.has(ppid) && !tree.has(pid)) {
          tree.add(pid);
          grew = true;
        }
      }
    }
    for (const pid of tree) {
      let threads: string[];
      try {
        threads = readdirSync(`/proc/${pid}/task`);
      } catch {
        continue;
      }
      for (const tid of threads) {
        try {
          setPriority(Number(tid), NICE);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "ESRCH") continue; // the thread ended
          throw error;
        }
      }
    }
    return true;
  } catch {
    return false;
  }
}
