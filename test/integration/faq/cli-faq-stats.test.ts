import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../../src/db/open-database.js";
import { runCli } from "../../support/run-cli.js";
import { PROCESS_TEST_TIMEOUT } from "../../support/timeouts.js";

// Starts real processes (server or CLI): wall time on a loaded machine, see support/timeouts.ts.
vi.setConfig({ testTimeout: PROCESS_TEST_TIMEOUT });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-faq-stats-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cohort(args: string[], stdin = "") {
  return runCli(args, { env: { DATABASE_URL: `pglite:${dir}`, OPENAI_API_KEY: "" }, input: stdin });
}

describe("cohort faq stats / faq ask about your own team", () => {
  it("a question about “our team” gets the FAQ's general answer or a pointer, never another team's data", {
    timeout: PROCESS_TEST_TIMEOUT,
  }, async () => {
    const { code, stdout } = await cohort(["faq", "ask", "--json"], "how much of our grant have we spent?\n");
    expect(code).toBe(0);
    const result = JSON.parse(stdout.trim());
    if (result.outcome === "answer") expect(result.sources.length).toBeGreaterThan(0);
    else expect(result.answer).toContain("Ask it in Slack or Teams");
  });

  it("prints per-entry use and the questions that ended in “I don't know”", {
    timeout: PROCESS_TEST_TIMEOUT,
  }, async () => {
    // Questions asked in chat, as the server records them.
    const db = await openDatabase({ kind: "pglite", dir });
    try {
      const programme = await db.prisma.programme.findFirstOrThrow();
      const row = { programmeId: programme.id, platform: "slack" as const, askerExternalId: "U1", askedAt: new Date() };
      await db.prisma.askedQuestion.createMany({
        data: [
          { ...row, question: "how big is the grant", outcome: "answer", sources: ["grant-per-project"] },
          {
            ...row,
            question: "money?",
            outcome: "suggest",
            suggestions: ["grant-per-project", "total-funding"],
            pickedKey: "total-funding",
          },
          { ...row, question: "Can we claim mileage?", outcome: "decline", unansweredId: "q1" },
          { ...row, question: "weather?", outcome: "off-topic" },
        ],
      });
    } finally {
      await db.close();
    }
    const { code, stdout, stderr } = await cohort(["faq", "stats", "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const stats = JSON.parse(stdout);
    expect(stats.totals).toMatchObject({
      asked: 4,
      answered: 1,
      suggested: 1,
      picked: 1,
      declined: 1,
      offTopic: 1,
      passedToStaff: 1,
    });
    const byKey = Object.fromEntries(stats.entries.map((e: { key: string }) => [e.key, e]));
    expect(byKey["grant-per-project"]).toMatchObject({ answered: 1, offered: 1, picked: 0, used: 1 });
    expect(byKey["total-funding"]).toMatchObject({ answered: 0, offered: 1, picked: 1, used: 1 });
    expect(byKey["jagan-john"]).toMatchObject({ used: 0 });
    expect(stats.unknown).toEqual([
      expect.objectContaining({ question: "Can we claim mileage?", passedToStaff: true }),
    ]);

    const text = await cohort(["faq", "stats"]);
    expect(text.stdout).toContain("Can we claim mileage?  [passed to staff]");
    expect(text.stdout).toMatch(/\s1\s+0\s+1\/1\s+total-funding/);
  });
});
