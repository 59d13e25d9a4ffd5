/**
 * Waiting for a page's services in the UI tests: the services are `vi.fn` fakes, so what an
 * action asked of them, and when each answer came, is known exactly; no settle loop guesses.
 */
import { act, waitFor } from "@testing-library/preact";
import type { Mock } from "vitest";

/** The fakes among a services object's members. */
function fakesOf(services: object): Mock[] {
  return Object.values(services).filter((value): value is Mock => typeof value === "function" && "mock" in value);
}

/**
 * Runs `action` (a user's step, fired through testing-library) and waits, inside `act`, until
 * every service call it led to has been answered, the calls those answers led to included, so
 * the page has rendered every answer; with `until`, first until that assertion holds. A rejected
 * answer counts as answered.
 */
export async function afterAnswers(services: object, action: () => unknown, until?: () => void): Promise<void> {
  const fakes = fakesOf(services);
  const seen = new Map(fakes.map((fake) => [fake, fake.mock.results.length]));
  await act(async () => {
    await action();
  });
  // Work the page does before it asks a service (reading a chosen file) shows only in the page.
  if (until !== undefined) await waitFor(until);
  // An answer may lead to more calls (a save, then the list read again): follow them until none are new.
  for (let round = 0; ; round++) {
    if (round === 20) throw new Error("the services are still being called after 20 rounds of answers");
    const pending: unknown[] = [];
    for (const fake of fakes) {
      const results = fake.mock.results;
      for (let i = seen.get(fake)!; i < results.length; i++) pending.push(results[i]!.value);
      seen.set(fake, results.length);
    }
    if (pending.length === 0) return;
    await act(async () => {
      await Promise.allSettled(pending);
    });
  }
}
