import { defineConfig } from "vitest/config";

/** The reliability suite (issue 8): crash, faults, duplicates, concurrency, bad input, security. */
export default defineConfig({
  test: {
    include: ["test/reliability/**/*.test.ts"],
    // Builds dist/ (what spawned servers and CLIs run) and a seeded data folder to copy: test/support/global-setup.ts.
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
