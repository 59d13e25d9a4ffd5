/**
 * Setup for `npm run mutation` only: caps every fast-check property at 100 runs. A mutant that
 * a property catches is caught within the first runs; the thousands the suite runs guard
 * against rare inputs, and would make each of a thousand mutants cost seconds more.
 */
import { vi } from "vitest";

vi.mock("fast-check", async (importOriginal) => {
  const fc = await importOriginal<typeof import("fast-check")>();
  const assert = ((property: Parameters<typeof fc.assert>[0], params?: Parameters<typeof fc.assert>[1]) =>
    fc.assert(property, { ...params, numRuns: Math.min(params?.numRuns ?? 100, 100) })) as typeof fc.assert;
  return { ...fc, assert, default: { ...fc.default, assert } };
});
