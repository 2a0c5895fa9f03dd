import { defineConfig } from "vitest/config";

/** Browser tests: Debian's Chromium driven by playwright-core (`npm run test:e2e`). One file at a time. */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    // Builds dist/ (what spawned servers and CLIs run) and a seeded data folder to copy: test/support/global-setup.ts.
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
