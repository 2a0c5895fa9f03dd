/**
 * What tests start as child processes: the built JavaScript (`npm start` runs dist/main.js), built from
 * src/ by the suite's global setup (global-setup.ts) before any test runs, so it is never stale.
 */
export const SERVER_ENTRY = "dist/main.js";
export const CLI_ENTRY = "dist/cli/main.js";
