import path from "node:path";

/** Shared between the global setup (which creates it) and the tests (which copy it). */
export type SeededTemplate = { folder: string; root: string };
export const SEEDED_TEMPLATE_KEY = "seededTemplate";

declare module "vitest" {
  export interface ProvidedContext {
    seededTemplate: SeededTemplate;
    /** Names of this run's PostgreSQL test databases start with it (test-database.ts). */
    testDatabasePrefix: string;
  }
}

/** Marker files: `ready` once the folder is seeded and closed; `failed` holds why it could not be. */
export function templateState(template: SeededTemplate) {
  return { ready: path.join(template.root, "ready"), failed: path.join(template.root, "failed") };
}
