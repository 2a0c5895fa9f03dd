import { beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../../src/db/open-database.js";
import { runCli } from "../../support/run-cli.js";
import { seededDataFolder } from "../../support/seeded-data-folder.js";
import { PROCESS_TEST_TIMEOUT } from "../../support/timeouts.js";

// Starts real processes (server or CLI): wall time on a loaded machine, see support/timeouts.ts.
vi.setConfig({ testTimeout: PROCESS_TEST_TIMEOUT });

// The seed programme, as a first start leaves it (a copy: no initdb or seed import in this file).
let dir = "";
beforeAll(async () => {
  dir = await seededDataFolder();
});

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

describe("cohort faq stats counts each question once", () => {
  it("a question repeated by the same person, and questions of another programme, are not counted again", {
    timeout: 120_000,
  }, async () => {
    const db = await openDatabase({ kind: "pglite", dir });
    try {
      await db.prisma.askedQuestion.deleteMany();
      const programme = await db.prisma.programme.findFirstOrThrow();
      const other = await db.prisma.programme.create({
        data: {
          slug: "other-programme",
          name: "Another programme",
          organisation: "Elsewhere",
          startsOn: new Date("2021-01-01"),
          endsOn: new Date("2021-06-30"),
          timeZone: "Europe/London",
          grantPerTeam: 1,
          totalFunding: 1,
        },
      });
      const at = (minutes: number) => new Date(Date.UTC(2022, 10, 25, 10, minutes));
      const row = { programmeId: programme.id, platform: "slack" as const, askerExternalId: "U1" };
      await db.prisma.askedQuestion.createMany({
        data: [
          // Asked, not known, passed to staff; then asked again in other words: "already with the team".
          { ...row, askedAt: at(0), question: "Can we claim mileage?", outcome: "decline", unansweredId: "q1" },
          { ...row, askedAt: at(5), question: "can we claim for mileage", outcome: "decline", unansweredId: "q1" },
          // The same FAQ question twice in a row (a double send).
          {
            ...row,
            askedAt: at(6),
            question: "how big is the grant",
            outcome: "answer",
            sources: ["grant-per-project"],
          },
          {
            ...row,
            askedAt: at(6),
            question: "how big is the grant",
            outcome: "answer",
            sources: ["grant-per-project"],
          },
          // Someone else asking the same thing is another question.
          {
            ...row,
            askedAt: at(7),
            askerExternalId: "U2",
            question: "how big is the grant",
            outcome: "answer",
            sources: ["grant-per-project"],
          },
          // Another programme's question.
          { ...row, askedAt: at(8), programmeId: other.id, question: "weather?", outcome: "off-topic" },
        ],
      });
    } finally {
      await db.close();
    }
    const { code, stdout } = await cohort(["faq", "stats", "--json", "--programme", "sp-innovators-2022"]);
    expect(code).toBe(0);
    const stats = JSON.parse(stdout);
    expect(stats.totals).toMatchObject({ asked: 3, answered: 2, declined: 1, offTopic: 0, passedToStaff: 1 });
    const byKey = Object.fromEntries(stats.entries.map((e: { key: string }) => [e.key, e]));
    expect(byKey["grant-per-project"]).toMatchObject({ answered: 2, used: 2 });
    expect(stats.unknown).toHaveLength(1);
  });
});

describe("cohort faq dismiss", () => {
  it("closes a queued question without an answer; a second time says it was dismissed", {
    timeout: 180_000,
  }, async () => {
    const db = await openDatabase({ kind: "pglite", dir });
    let id = "";
    try {
      const programme = await db.prisma.programme.findFirstOrThrow({ where: { slug: "sp-innovators-2022" } });
      const row = await db.prisma.unansweredQuestion.create({
        data: { programmeId: programme.id, platform: "slack", askerExternalId: "U9", question: "test please ignore" },
      });
      id = row.id;
    } finally {
      await db.close();
    }
    const first = await cohort(["faq", "dismiss", id.slice(0, 8), "--programme", "sp-innovators-2022"]);
    expect(first.stdout).toContain("Dismissed");
    expect(first.code).toBe(0);
    const open = await cohort(["faq", "unanswered", "--programme", "sp-innovators-2022"]);
    expect(open.stdout).not.toContain("test please ignore");
    const again = await cohort(["faq", "dismiss", id.slice(0, 8), "--programme", "sp-innovators-2022"]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain("That question was dismissed");
  });
});
