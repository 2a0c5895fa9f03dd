import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { pgConnectionFromUrl } from "../../src/db/database-url.js";
import { CLI_ENTRY } from "./built-entry-points.js";
import { SEEDED_TEMPLATE_KEY, type SeededTemplate, templateState } from "./seeded-template.js";

/**
 * Runs once per `vitest run`, before any test file:
 * - builds dist/ (skipped in a few ms when it is newer than src/), so tests that start the server or the
 *   CLI run the JavaScript `npm start` runs, without a TypeScript loader in each child (~1 s less per
 *   process, and less CPU on a busy machine); again before each watch-mode re-run, so none runs stale code;
 * - starts, in the background, one embedded data folder created, migrated and seeded by the real CLI,
 *   which CLI and server tests copy (seeded-data-folder.ts) instead of paying initdb, migrations and the
 *   seed import in each of their own (~6 s idle each, much more on a busy machine);
 * - names this run's PostgreSQL test databases, and drops them at the end (test-database.ts keeps each
 *   open for the next test file of its process).
 */
export default function setup(project: TestProject) {
  build();
  project.onTestsRerun(() => build());
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-seeded-template-"));
  const template: SeededTemplate = { folder: path.join(root, "db"), root };
  project.provide(SEEDED_TEMPLATE_KEY, template);
  const making = createTemplate(template);
  const prefix = `cohort_test_${randomBytes(3).toString("hex")}_`;
  project.provide("testDatabasePrefix", prefix);
  return async () => {
    await making.stop(); // a run that never needed it may end first
    fs.rmSync(root, { recursive: true, force: true });
    await dropTestDatabases(prefix);
  };
}

/** The PostgreSQL databases this run's test files kept open for the next file (test-database.ts). */
async function dropTestDatabases(prefix: string) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const admin = new pg.Client(pgConnectionFromUrl(url));
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

function build() {
  execFileSync(process.execPath, ["scripts/build-js.mjs"], { stdio: "inherit" });
}

/** `cohort faq stats` on an empty folder creates the database and imports the seed, as a first start does. */
function createTemplate(template: SeededTemplate): { stop(): Promise<void> } {
  const { ready, failed } = templateState(template);
  let output = "";
  const child = spawn(process.execPath, [CLI_ENTRY, "faq", "stats", "--json"], {
    env: { ...process.env, DATABASE_URL: `pglite:${template.folder}`, LOG_LEVEL: "warn", OPENAI_API_KEY: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => {
    output += d;
  });
  child.stderr.on("data", (d) => {
    output += d;
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) => {
    child.once("error", (error) => {
      fs.writeFileSync(failed, String(error));
      resolve();
    });
    child.once("exit", (code) => {
      if (code === 0) fs.writeFileSync(ready, "");
      else if (!stopping) fs.writeFileSync(failed, `cohort faq stats exited with ${code}:\n${output}`);
      resolve();
    });
  });
  return {
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
