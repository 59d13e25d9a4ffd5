/**
 * Ends a promise that nobody awaits (a timer's or an event's work) in one catch, so a failure
 * is reported once, with the `Backstory:` prefix, instead of as an unhandled rejection that
 * names nothing.
 */

/** Logs `promise`'s failure, if any, as `Backstory: <what>: <error>`. */
export function logFailure(promise: Promise<unknown>, what: string): void {
  promise.catch((error: unknown) => console.warn(`Backstory: ${what}: ${String((error as Error | null)?.message ?? error)}`));
}
