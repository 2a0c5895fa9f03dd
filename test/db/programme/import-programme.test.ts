import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { loadProgrammeFile, parseProgrammeSource } from "../../../src/config/load-programme-file.js";
import { importProgramme } from "../../../src/db/import-programme.js";
import { useTestDatabase } from "../../support/use-test-database.js";

const SEED = "prisma/seed/sp-innovators.yaml";
const db = useTestDatabase({ resetEach: true });

async function rowCounts() {
  const p = db().prisma;
  return {
    programmes: await p.programme.count(),
    teams: await p.team.count(),
    members: await p.member.count(),
    identities: await p.platformIdentity.count(),
    channels: await p.channel.count(),
    sessions: await p.coachingSession.count(),
    milestones: await p.milestone.count(),
    cycles: await p.reportingCycle.count(),
    faq: await p.faqEntry.count(),
  };
}

describe("importProgramme", () => {
  it("imports the seed, and importing it again changes nothing", async () => {
    const file = loadProgrammeFile(SEED);
    const first = await importProgramme(db().prisma, file);
    expect(first.changed).toBe(true);
    const counts = await rowCounts();
    expect(counts).toMatchObject({ programmes: 1, teams: 12, cycles: 6 });
    const updatedAt = (await db().prisma.team.findFirstOrThrow({ orderBy: { key: "asc" } })).updatedAt;

    const second = await importProgramme(db().prisma, file);
    expect(second.changed).toBe(false);
    expect(Object.values(second.counts).every((c) => c.created + c.updated + c.removed === 0)).toBe(true);
    expect(await rowCounts()).toEqual(counts);
    expect((await db().prisma.team.findFirstOrThrow({ orderBy: { key: "asc" } })).updatedAt).toEqual(updatedAt);
    expect(await db().prisma.auditLog.count({ where: { action: "programme.import" } })).toBe(1);
  });

  it("links each team to its coach, and a coach that is not in coaches: is refused", async () => {
    await importProgramme(db().prisma, loadProgrammeFile(SEED));
    const team = await db().prisma.team.findFirstOrThrow({ where: { key: "croydon" }, include: { coach: true } });
    expect(team.coach).toMatchObject({ key: "daniel-mensah", role: "coach" });
    const source = fs.readFileSync(SEED, "utf8").replace("coach: daniel-mensah", "coach: amara-okafor");
    expect(() => parseProgrammeSource(source, "edited.yaml")).toThrow(
      /"amara-okafor" is not one of the programme's coaches/,
    );
  });

  it("interprets times as wall-clock London time on both sides of the clock change", async () => {
    await importProgramme(db().prisma, loadProgrammeFile(SEED));
    const final = await db().prisma.milestone.findFirstOrThrow({
      where: { dueAt: { gte: new Date("2023-03-30T00:00:00Z") } },
    });
    // 30 March 2023 is British Summer Time (UTC+1): 17:00 local is 16:00 UTC.
    expect(final.dueAt.toISOString()).toBe("2023-03-30T16:00:00.000Z");
    const october = await db().prisma.reportingCycle.findFirstOrThrow({ where: { month: "2022-10" } });
    expect(october.dueAt.toISOString()).toBe("2022-10-31T17:00:00.000Z"); // GMT again after 30 Oct
  });

  it("updates an edited file in place and never deletes submitted updates", async () => {
    const source = fs.readFileSync(SEED, "utf8");
    const original = parseProgrammeSource(source);
    const result = await importProgramme(db().prisma, original);
    const team = await db().prisma.team.findFirstOrThrow({
      where: { programmeId: result.programmeId },
      orderBy: { key: "asc" },
    });
    const cycle = await db().prisma.reportingCycle.findFirstOrThrow({ where: { month: "2022-10" } });
    await db().prisma.progressUpdate.create({
      data: { teamId: team.id, cycleId: cycle.id, status: "submitted", data: { progress: "Recruited two volunteers" } },
    });

    const edited = structuredClone(original);
    edited.teams = edited.teams.filter((t) => t.key !== team.key);
    edited.teams[0] = { ...edited.teams[0]!, name: `${edited.teams[0]!.name} (renamed)` };
    edited.reportingCycles = edited.reportingCycles.filter((c) => c.month !== "2022-10" && c.month !== "2023-03");
    edited.coachingSessions = edited.coachingSessions.slice(1);
    const summary = await importProgramme(db().prisma, edited);

    expect(summary.counts.teams).toMatchObject({ updated: 1, created: 0 });
    expect(summary.notes.join(" ")).toMatch(/1 team\(s\) not in the file were kept/);
    expect(summary.notes.join(" ")).toMatch(/1 cycle\(s\) not in the file were kept because they hold updates/);
    expect(summary.counts.reportingCycles?.removed).toBe(1); // March had no updates
    expect(summary.counts.coachingSessions?.removed).toBe(1);
    expect(await db().prisma.progressUpdate.count()).toBe(1);
    expect(await db().prisma.team.count()).toBe(12);
    // Same calendar token: a re-import must not break subscribed calendars.
    const again = await db().prisma.team.findUniqueOrThrow({ where: { id: team.id } });
    expect(again.calendarToken).toBe(team.calendarToken);
  });
});

describe("data rules", () => {
  it("allows one update per team and cycle, and keeps earlier versions", async () => {
    const { programmeId } = await importProgramme(db().prisma, loadProgrammeFile(SEED));
    const team = await db().prisma.team.findFirstOrThrow({ where: { programmeId } });
    const cycle = await db().prisma.reportingCycle.findFirstOrThrow({ where: { programmeId } });
    const update = await db().prisma.progressUpdate.create({
      data: { teamId: team.id, cycleId: cycle.id, data: { v: 1 } },
    });
    await expect(
      db().prisma.progressUpdate.create({ data: { teamId: team.id, cycleId: cycle.id, data: { v: 2 } } }),
    ).rejects.toMatchObject({ code: "P2002" });
    await db().prisma.progressUpdateVersion.create({
      data: { updateId: update.id, version: 1, status: "draft", data: { v: 1 } },
    });
    await expect(
      db().prisma.progressUpdateVersion.create({
        data: { updateId: update.id, version: 1, status: "draft", data: { v: 1 } },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("keeps one Delivery per occasion key", async () => {
    const { programmeId } = await importProgramme(db().prisma, loadProgrammeFile(SEED));
    const row = {
      key: "session-24h:s1:c1",
      programmeId,
      kind: "session-24h",
      target: "c1",
      occasion: "s1",
      scheduledFor: new Date(),
    };
    await db().prisma.delivery.create({ data: row });
    await expect(db().prisma.delivery.create({ data: row })).rejects.toMatchObject({ code: "P2002" });
  });

  it("stores JSON faithfully (compared structurally: JSONB reorders keys)", async () => {
    const { programmeId } = await importProgramme(db().prisma, loadProgrammeFile(SEED));
    const details = { zeta: 1, alpha: { nested: ["£10,000", "emoji 🎉"] } };
    const log = await db().prisma.auditLog.create({ data: { programmeId, actor: "test", action: "x", details } });
    expect((await db().prisma.auditLog.findUniqueOrThrow({ where: { id: log.id } })).details).toEqual(details);
  });
});
