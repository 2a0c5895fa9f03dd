import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../../support/run-cli.js";
import { PROCESS_TEST_TIMEOUT } from "../../support/timeouts.js";

// Starts real processes (server or CLI): wall time on a loaded machine, see support/timeouts.ts.
vi.setConfig({ testTimeout: PROCESS_TEST_TIMEOUT });

let dir: string;
let env: Record<string, string>;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-cli-"));
  env = { DATABASE_URL: `pglite:${dir}/db` };
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("cohort import / programme show (CLI)", () => {
  it("imports the seed twice: the second run changes nothing", async () => {
    const first = await runCli(["import", "prisma/seed/sp-innovators.yaml", "--json"], { env });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ slug: "sp-innovators-2022", changed: true });
    expect(summary.counts.teams.created).toBe(12);

    const second = await runCli(["import", "prisma/seed/sp-innovators.yaml"], { env });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^No changes: sp-innovators-2022/);
    expect(second.stdout).toMatch(/teams\s+0 created, 0 updated, 12 unchanged/);

    const show = await runCli(["programme", "show"], { env });
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/Social Prescribing Innovators/);
    expect(show.stdout).toMatch(/Teams \(12\)/);
  });

  it("rejects a broken file with exit code 2, naming the file and line", async () => {
    const broken = path.join(dir, "broken.yaml");
    fs.writeFileSync(broken, `${fs.readFileSync("prisma/seed/sp-innovators.yaml", "utf8")}\n  bad: [unclosed\n`);
    const result = await runCli(["import", broken], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: YAML syntax`),
    );
    expect(result.stdout).toBe("");
  });

  it("exits 2 with a clear message for usage mistakes, 0 for --help", async () => {
    const missing = await runCli(["import"], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing required argument 'file'/);
    const unknown = await runCli(["frobnicate"], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
    const help = await runCli(["import", "--help"], { env });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: cohort import/);
  });
});
