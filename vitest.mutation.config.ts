import { defineConfig } from "vitest/config";

// The tests Stryker runs against each mutant of src/core: the pure unit tests only. The DOM,
// UI, packaging and browser suites are slow, need a build, and test other folders.
export default defineConfig({
  test: {
    include: ["test/core/**/*.test.ts", "test/shared/**/*.test.ts", "test/extension/**/*.test.ts"],
    exclude: ["test/extension/packaging.test.ts"],
    environment: "node",
    setupFiles: ["test/mutation-setup.ts"],
    // Two cores shared with other work: a slow property run is not a failure here.
    testTimeout: 30_000,
  },
});
