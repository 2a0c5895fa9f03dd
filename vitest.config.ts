import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/reliability/**", "test/e2e/**", "node_modules/**"],
    // Builds dist/ (what spawned servers and CLIs run) and a seeded data folder to copy: test/support/global-setup.ts.
    globalSetup: ["test/support/global-setup.ts"],
    // Two workers suit CI's 2 cores. Each runs file after file in one process (isolate: false), so PGlite's
    // WebAssembly, Prisma and the app load once per worker, and a file's database is handed on to the next
    // (test/support/test-database.ts). isolate: false alone took the suite from 297 s to 193 s idle.
    pool: "forks",
    maxWorkers: 2,
    isolate: false,
    // Sized for a loaded 2-core machine (docs/TESTING.md): an in-process test is CPU only; a hook opens a
    // database (from the migrated snapshot) and seeds it, 30-60 s at load 16. Tests that start real
    // processes set PROCESS_TEST_TIMEOUT (test/support/timeouts.ts).
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
