/** Lists every file under a folder, recursively, in a stable order. */
import { readdir } from "node:fs/promises";
import path from "node:path";

export async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
