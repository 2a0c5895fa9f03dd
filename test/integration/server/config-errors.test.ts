import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { lines, startExpectingRefusal } from "../../support/refused-start.js";
import { runCli } from "../../support/run-cli.js";
import { PROCESS_TEST_TIMEOUT } from "../../support/timeouts.js";

// Starts real processes (server or CLI): wall time on a loaded machine, see support/timeouts.ts.
vi.setConfig({ testTimeout: PROCESS_TEST_TIMEOUT });

/**
 * Issue 12 point 6, through the real entry points (`npm start`'s dist/main.js and the `cohort` CLI): a
 * configuration mistake stops everything before it starts (no database opened, no port bound, not one log
 * line) with one line naming the variable or file; exit code 2.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-config-errors-"));
const dataDir = path.join(dir, "db");
const aFile = path.join(dir, "not-a-folder");
fs.writeFileSync(aFile, "I am a file\n");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cases: [string, Record<string, string>, RegExp][] = [
  [
    "DATABASE_URL=garbage",
    { DATABASE_URL: "garbage" },
    /^Invalid environment: DATABASE_URL must be unset .*postgres:\/\//,
  ],
  [
    "DATABASE_URL=mysql://x",
    { DATABASE_URL: "mysql://x" },
    /^Invalid environment: DATABASE_URL .*\(got a mysql: URL\)$/,
  ],
  [
    "SCHEDULER_CRON=garbage",
    { DATABASE_URL: `pglite:${dataDir}`, SCHEDULER: "", SCHEDULER_CRON: "garbage" },
    /^Invalid environment: SCHEDULER_CRON is not a cron expression/,
  ],
  [
    "a data path that is a file",
    { DATABASE_URL: `pglite:${aFile}` },
    new RegExp(`^Invalid environment: DATABASE_URL ${escapeRegExp(aFile)} is a file, not a folder`),
  ],
  [
    "a data path under a file",
    { DATABASE_URL: `pglite:${aFile}/db` },
    new RegExp(
      `^Invalid environment: DATABASE_URL ${escapeRegExp(aFile)}/db cannot be created because ${escapeRegExp(aFile)} is a file`,
    ),
  ],
  [
    "PUBLIC_URL=javascript:alert(1)",
    { DATABASE_URL: `pglite:${dataDir}`, PUBLIC_URL: "javascript:alert(1)" },
    /^Invalid environment: PUBLIC_URL must be an http:\/\/ or https:\/\/ URL/,
  ],
];

describe("npm start with a configuration mistake", { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it.each(cases)("%s: one line, exit 2, before anything starts", async (_what, env, message) => {
    const result = await startExpectingRefusal({ NODE_ENV: "development", PLAYGROUND: "", ...env });
    expect(lines(result.stderr)).toEqual([expect.stringMatching(message)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(""); // no log line: the logger, the database and the port never started
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});

describe("the cohort CLI with a configuration mistake", { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it.each(cases.filter(([what]) => !what.startsWith("PUBLIC_URL")))(
    "%s: one line, exit 2",
    async (_what, env, message) => {
      const result = await runCli(["programme", "show"], { env });
      expect(lines(result.stderr)).toEqual([expect.stringMatching(message)]);
      expect(result.code).toBe(2);
      expect(fs.existsSync(dataDir)).toBe(false);
    },
  );

  it("refuses a YAML alias bomb in one line naming the file and line, exit 2", async () => {
    const bomb = path.join(dir, "bomb.yaml");
    const rows = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (const [name, prev] of ["ba", "cb", "dc", "ed", "fe", "gf", "hg", "ih"].map((p) => [p[0], p[1]])) {
      rows.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    fs.writeFileSync(bomb, `${rows.join("\n")}\n`);
    const started = performance.now();
    const result = await runCli(["import", bomb], { env: { DATABASE_URL: `pglite:${dataDir}` } });
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(new RegExp(`^${escapeRegExp(bomb)}:2:\\d+: YAML aliases expand too far`)),
    ]);
    expect(result.code).toBe(2);
    expect(fs.existsSync(dataDir)).toBe(false);
    console.log(
      `[config-errors] alias bomb refused in ${Math.round(performance.now() - started)} ms (CLI start included)`,
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
