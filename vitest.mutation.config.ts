import { defineConfig } from "vitest/config";

// The tests Stryker runs against each mutant of src/core: src/core's own tests. The others reach
// core only through other folders, and on two shared cores each extra file costs every mutant.
export default defineConfig({
  test: {
    include: ["test/core/**/*.test.ts"],
    environment: "node",
    setupFiles: ["test/mutation-setup.ts"],
    // Two cores shared with other work: a slow property run is not a failure here.
    testTimeout: 120_000,
    // Stryker switches mutants at run time (mutation switching), so a module need not be
    // imported afresh for each one: reusing them across runs saves the imports' time per mutant.
    isolate: false,
  },
});
