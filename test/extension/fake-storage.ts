/**
 * An in-memory `storage.local` for tests: values are copied through JSON on the way in and out
 * (as the browser serialises them), changes are reported to `onChanged` listeners, and a test
 * can make writes fail — every write, or only those touching certain keys.
 */
import type { StorageArea, StorageChangeEvent, StorageChangeListener } from "../../src/shared/imported-datasets.ts";

const copy = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export class FakeStorageArea implements StorageArea {
  private readonly data = new Map<string, unknown>();
  private readonly listeners = new Set<StorageChangeListener>();
  /** Decides whether a `set` fails, and with which message; null lets it through. */
  failSet: ((items: Record<string, unknown>) => string | null) | null = null;
  failGet: string | null = null;
  failRemove: string | null = null;
  /** Every successful `set`, in order (copies). */
  readonly writes: Record<string, unknown>[] = [];

  constructor(initial: Record<string, unknown> = {}) {
    for (const [key, value] of Object.entries(initial)) this.data.set(key, copy(value));
  }

  readonly onChanged: StorageChangeEvent = {
    addListener: (listener) => void this.listeners.add(listener),
    removeListener: (listener) => void this.listeners.delete(listener),
  };

  async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    if (this.failGet !== null) throw new Error(this.failGet);
    const wanted = keys === null ? [...this.data.keys()] : typeof keys === "string" ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const key of wanted) if (this.data.has(key)) out[key] = copy(this.data.get(key));
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const failure = this.failSet?.(items) ?? null;
    // All or nothing, as one `set` call is in the browsers.
    if (failure !== null) throw new Error(failure);
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [key, value] of Object.entries(items)) {
      changes[key] = { oldValue: copy(this.data.get(key)), newValue: copy(value) };
      this.data.set(key, copy(value));
    }
    this.writes.push(copy(items));
    this.emit(changes);
  }

  async remove(keys: string | string[]): Promise<void> {
    if (this.failRemove !== null) throw new Error(this.failRemove);
    const changes: Record<string, { oldValue?: unknown }> = {};
    for (const key of typeof keys === "string" ? [keys] : keys) {
      if (!this.data.has(key)) continue;
      changes[key] = { oldValue: copy(this.data.get(key)) };
      this.data.delete(key);
    }
    if (Object.keys(changes).length > 0) this.emit(changes);
  }

  /** Everything stored, as plain data. */
  snapshot(): Record<string, unknown> {
    return copy(Object.fromEntries(this.data));
  }

  keys(): string[] {
    return [...this.data.keys()].sort();
  }

  /** Writes a value behind the store's back (a corrupted or old-format value). */
  poke(key: string, value: unknown): void {
    this.data.set(key, copy(value));
  }

  private emit(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>): void {
    queueMicrotask(() => {
      for (const listener of this.listeners) listener(changes, "local");
    });
  }
}
