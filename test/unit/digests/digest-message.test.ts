import { describe, expect, it } from "vitest";
import { digestMessage } from "../../../src/core/digests/build-digest.js";
import type { DigestData, TeamRow } from "../../../src/core/digests/load-digest-data.js";
import { messageToPlainText } from "../../../src/core/digests/render-plain-text.js";
import type { Block } from "../../../src/core/messages/message.js";
import { plainText } from "../../../src/core/messages/message.js";
import type { Programme, ReportingCycle, Team } from "../../../src/core/programme/types.js";
import type { UpdateData } from "../../../src/core/updates/update-form.js";

const programme: Programme = {
  id: "p1",
  slug: "demo",
  name: "Demo Programme",
  organisation: "",
  timeZone: "Europe/London",
  grantPerTeam: 10_000,
  totalFunding: 60_000,
  startsOn: new Date("2022-10-01"),
  endsOn: new Date("2023-03-31"),
  settings: {},
};
const cycle = (month: string, due: string): ReportingCycle => ({
  id: `c-${month}`,
  programmeId: "p1",
  month,
  opensAt: new Date(`${month}-24T09:00:00Z`),
  dueAt: new Date(due),
  graceDays: 3,
});
const team = (key: string, name: string): Team => ({
  id: `t-${key}`,
  programmeId: "p1",
  key,
  name,
  borough: "",
  project: "",
  award: 10_000,
  calendarToken: key,
  sampleData: true,
  coachId: null,
});

function row(
  key: string,
  name: string,
  data: UpdateData | null,
  extra: Partial<TeamRow> & { late?: boolean; draft?: boolean } = {},
): TeamRow {
  const status = extra.draft ? "draft" : "submitted";
  return {
    team: team(key, name),
    update:
      data || extra.draft
        ? {
            id: `u-${key}`,
            teamId: `t-${key}`,
            cycleId: "c-2022-11",
            status,
            data: data ?? {},
            version: 1,
            late: extra.late ?? false,
            submittedAt: null,
            submittedById: null,
            updatedById: null,
            updatedAt: new Date(),
          }
        : null,
    submitted: data !== null && !extra.draft,
    data: data && !extra.draft ? data : {},
    previousRag: extra.previousRag ?? null,
    spend: extra.spend ?? (data?.spend !== undefined && !extra.draft ? { amount: data.spend, month: "2022-11" } : null),
    peopleTotal: extra.peopleTotal ?? data?.people ?? 0,
  };
}

const fixture: DigestData = {
  programme,
  cycle: cycle("2022-11", "2022-11-30T17:00:00Z"),
  previous: cycle("2022-10", "2022-10-31T17:00:00Z"),
  rows: [
    row(
      "alpha",
      "Alpha",
      { rag: "on-track", progress: "All good\nmore", people: 10, spend: 3000 },
      { previousRag: "on-track", peopleTotal: 25 },
    ),
    row(
      "bravo",
      "Bravo",
      { rag: "off-track", progress: "Hard month", people: 2, spend: 1000, blockers: "No room." },
      { previousRag: "on-track", late: true, peopleTotal: 2 },
    ),
    row(
      "charlie",
      "Charlie",
      { rag: "off-track", progress: "Still stuck", people: 0, spend: 500 },
      { previousRag: "off-track" },
    ),
    row(
      "delta",
      "Delta",
      {
        rag: "at-risk",
        progress: "Slipping",
        people: 5,
        spend: 2000,
        support: "data",
        supportDetail: "Help with SNOMED codes",
      },
      { previousRag: "at-risk", peopleTotal: 9 },
    ),
    row("echo", "Echo", null, { spend: { amount: 1500, month: "2022-10" }, peopleTotal: 7 }),
    row("foxtrot", "Foxtrot", { progress: "half" }, { draft: true }),
  ],
};

const text = (b: Block) =>
  b.type === "list" ? b.items.map(plainText) : b.type === "text" || b.type === "context" ? [plainText(b.text)] : [];

describe("the staff digest", () => {
  const message = digestMessage(fixture);
  const out = messageToPlainText(message);

  it("leads with counts and names", () => {
    expect(message.blocks[0]).toEqual({ type: "header", text: "Progress digest: November 2022" });
    expect(out).toContain("Submitted: 4 of 6");
    expect(out).toContain("Late: 1: Bravo");
    expect(out).toContain("Missing: 2: Echo, Foxtrot (draft started)");
    expect(message.summary).toBe(
      "November 2022 digest for Demo Programme: 4 of 6 submitted (1 late), 2 missing (Echo, Foxtrot); 3 need attention.",
    );
  });

  it("orders attention: moved to off track, then off track, then support, with reasons", () => {
    const idx = message.blocks.findIndex((b) => b.type === "text" && plainText(b.text) === "Needs attention");
    const list = message.blocks[idx + 1];
    expect(list && text(list)).toEqual([
      "Bravo — off track (was on track); blocker: No room",
      "Charlie — off track",
      "Delta — support requested (Data and measurement): Help with SNOMED codes",
    ]);
  });

  it("summarises RAG and change since last month", () => {
    expect(out).toContain(
      "🟢 1 on track · 🟠 1 at risk · 🔴 2 off track · 2 not reported. Since October 2022: 1 worse, 0 better.",
    );
  });

  it("totals spend (latest known per team) against total funding, and people this month and overall", () => {
    expect(out).toContain("Grant spent to date: £8,000 of £60,000 awarded (13%)");
    expect(out).toContain("People supported: 17 this month · 43 in total");
  });

  it("lists every team on one line, off track first, missing last", () => {
    const lists = message.blocks.filter((b) => b.type === "list");
    expect(lists.at(-1) && text(lists.at(-1) as Block)).toEqual([
      "🔴 Bravo (late) — Hard month · £1,000 of £10,000 spent · 2 people",
      "🔴 Charlie — Still stuck · £500 of £10,000 spent · 0 people",
      "🟠 Delta — Slipping · £2,000 of £10,000 spent · 5 people",
      "🟢 Alpha — All good · £3,000 of £10,000 spent · 10 people",
      "⏳ Echo — no update yet · £1,500 spent (as of October 2022)",
      "⏳ Foxtrot — draft started, not submitted",
    ]);
  });

  it("has a view button per submitted update, in rows of five at most", () => {
    const buttons = message.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []));
    expect(buttons.map((b) => [b.action, b.value])).toEqual([
      ["update.view", "u-bravo"],
      ["update.view", "u-charlie"],
      ["update.view", "u-delta"],
      ["update.view", "u-alpha"],
    ]);
  });

  it("stays short enough for a chat window with 12 teams", () => {
    expect(message.blocks.length).toBeLessThan(20);
  });
});

describe("a very large cohort", () => {
  it("caps team lines and buttons so the message fits a chat window", () => {
    const rows = Array.from({ length: 60 }, (_, i) =>
      row(`t${i}`, `Team ${String(i).padStart(2, "0")}`, { rag: "on-track", progress: "fine", people: 1, spend: 10 }),
    );
    const message = digestMessage({ ...fixture, rows });
    const lists = message.blocks.filter((b) => b.type === "list");
    const teamList = lists.at(-1);
    expect(teamList?.type === "list" && teamList.items.length).toBe(41);
    expect(teamList?.type === "list" && plainText(teamList.items[40] ?? "")).toBe("…and 20 more teams.");
    expect(message.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []))).toHaveLength(25);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(messageToPlainText(message)).toContain("People supported: 60 this month");
  });
});
