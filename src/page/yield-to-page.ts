/**
 * Gives the main thread back to the page between slices of work, so no task of ours runs long
 * enough to delay the reader's input.
 */

interface Scheduler {
  yield(): Promise<void>;
}

/** Resolves after the page has had a chance to run its own tasks. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  // A message-channel task is not clamped like nested setTimeout calls are.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
