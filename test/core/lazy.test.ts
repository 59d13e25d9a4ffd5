/** `lazy`: a module's tables and patterns made on first use, once. */
import { expect, test } from "vitest";
import { lazy } from "../../src/core/lazy.ts";

test("makes nothing until first asked, then once: every use gets the same value", () => {
  let made = 0;
  const pattern = lazy(() => {
    made++;
    return /\p{L}+/gu;
  });
  expect(made).toBe(0);
  const first = pattern();
  first.lastIndex = 3;
  expect(pattern()).toBe(first);
  // A stateful pattern keeps its state between uses, as a module-level constant did.
  expect(pattern().lastIndex).toBe(3);
  expect(made).toBe(1);
});

test("a value that is undefined or null is still made once", () => {
  let made = 0;
  const nothing = lazy(() => {
    made++;
    return undefined;
  });
  nothing();
  nothing();
  expect(made).toBe(1);
});
