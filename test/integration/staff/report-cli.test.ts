import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../../support/run-cli.js";
import { seededDataFolder } from "../../support/seeded-data-folder.js";
import { PROCESS_TEST_TIMEOUT } from "../../support/timeouts.js";

// Starts real processes (the CLI): wall time on a loaded machine, see support/timeouts.ts.
vi.setConfig({ testTimeout: PROCESS_TEST_TIMEOUT });

/** `cohort report`, through the real CLI, on the seed programme as a first start leaves it. */
let dir = "";
beforeAll(async () => {
  dir = await seededDataFolder();
});

describe("cohort report --out <file>", () => {
  it("writes one self-contained HTML report and says where", async () => {
    const out = path.join(path.dirname(dir), "report.html");
    const result = await runCli(["report", "--out", out], { env: { DATABASE_URL: `pglite:${dir}` } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`Wrote the Social Prescribing Innovators Programme report to ${out}`);
    const html = fs.readFileSync(out, "utf8");
    expect(html).toContain("<title>Social Prescribing Innovators Programme: end-of-programme report");
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/); // nothing fetched from elsewhere
  });

  it("refuses an unknown programme or format with exit code 2 and one line", async () => {
    const env = { DATABASE_URL: `pglite:${dir}` };
    const out = path.join(path.dirname(dir), "x.html");
    const unknown = await runCli(["report", "--out", out, "--programme", "nope"], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('no programme "nope" (known: sp-innovators-2022)');
    const format = await runCli(["report", "--out", out, "--format", "docx"], { env });
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format must be html or pdf");
  });
});
