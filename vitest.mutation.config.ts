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
    // Every run imports src/core afresh (vitest's default isolation), though reusing the modules
    // would be faster: modules keep state (the word and normalisation memos, a global regex's
    // lastIndex), which would carry one mutant's answers into the next mutant's run.
  },
});
