import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/{core,shared,page,ui,extension,scripts,fixtures}/**/*.test.{ts,tsx}"],
          environment: "node",
          // The property and fuzz suites run thousands of cases: seconds on a quiet machine, more
          // on a loaded one. A timeout here guards against a hang, not a speed (that is the bench).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/e2e/**/*.test.ts"],
          // Prints which Chromium and Firefox this run drives, before the first test.
          globalSetup: ["test/e2e/browser-versions.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // Each file launches its own browser; two at once would share two cores badly.
          fileParallelism: false,
        },
      },
    ],
  },
});
