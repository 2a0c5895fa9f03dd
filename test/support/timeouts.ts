/**
 * Timeouts for tests that wait on a real clock. The suite's defaults (vitest.config.ts) cover in-process
 * tests; these are for what really takes wall time on a loaded machine, still finite so a hang fails.
 * Measured at load 16 on 2 cores: a spawned server or CLI run (node + tsx + a fresh PGlite) takes
 * 30-60 s, where it takes 2-6 s idle.
 */

/** A test that starts real processes (the built server and cohort CLI). */
export const PROCESS_TEST_TIMEOUT = 300_000;

/** Waiting for one spawned server to answer /healthz (spawnServer's default). */
export const SERVER_START_TIMEOUT = 180_000;
