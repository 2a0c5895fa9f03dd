import { beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../../support/run-cli.js";
import { seededDataFolder } from "../../support/seeded-data-folder.js";
import { PROCESS_TEST_TIMEOUT } from "../../support/timeouts.js";

// Starts real processes (server or CLI): wall time on a loaded machine, see support/timeouts.ts.
vi.setConfig({ testTimeout: PROCESS_TEST_TIMEOUT });

// The seed programme, as a first start leaves it: a copy, so no run here pays initdb and the seed import
// (a first start is tested in server/healthz.test.ts and cli/import-cli.test.ts).
let dir = "";
beforeAll(async () => {
  dir = await seededDataFolder();
});

/** Runs the real CLI in a child process on the embedded database, with no LLM configured. */
function cohort(args: string[], stdin = "") {
  return runCli(args, { env: { DATABASE_URL: `pglite:${dir}`, OPENAI_API_KEY: "" }, input: stdin });
}

describe("cohort faq ask", () => {
  it("prints exactly one JSON line for a question", {
    timeout: PROCESS_TEST_TIMEOUT,
  }, async () => {
    const { code, stdout, stderr } = await cohort([
      "faq",
      "ask",
      "What is the biggest grant a project can get?",
      "--json",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0] ?? "");
    expect(result).toEqual({
      answered: true,
      answer: expect.stringContaining("£10,000"),
      sources: ["grant-per-project"],
      outcome: "answer",
      suggestions: [],
    });
  });

  it("answers one question per stdin line in one process", async () => {
    const questions = [
      "how many teams are in the cohort?",
      "",
      "What is the capital of France?",
      "who runs the programme",
    ];
    const { code, stdout } = await cohort(["faq", "ask", "--json"], `${questions.join("\n")}\n`);
    expect(code).toBe(0);
    const results = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(results.map((r) => r.answered)).toEqual([true, false, true]);
    expect(results[0].answer).toMatch(/12|twelve/i);
    expect(results[1]).toMatchObject({ sources: [] });
    expect(results[2].answer).toContain("Healthy London Partnership");
  });
});

describe("cohort faq ask: questions about “our team” (the CLI knows no team)", () => {
  it("“who is our coach” gets a pointer to every team's coach, and no entry passed off as the answer", {
    timeout: 90_000,
  }, async () => {
    const { code, stdout } = await cohort(["faq", "ask", "--json"], "who is our coach\nwhos our coach?\n");
    expect(code).toBe(0);
    const results = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { answer: string });
    for (const r of results) {
      expect(r.answer).toMatch(/^That depends on your team, and the CLI doesn't know who you are/);
      expect(r.answer).toContain("cohort programme show");
    }
    // The command it points at does list each team's coach.
    const show = await cohort(["programme", "show"]);
    expect(show.stdout).toMatch(/tower-hamlets .*coach Priya Shah/);
  });

  it("a policy question about the grant is not treated as one about the team", { timeout: 60_000 }, async () => {
    const { stdout } = await cohort(["faq", "ask", "--json", "what can we spend our grant on?"]);
    expect(JSON.parse(stdout).answer).not.toContain("CLI doesn't know who you are");
  });
});
