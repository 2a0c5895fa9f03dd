import { beforeEach, describe, expect, it } from "vitest";
import { buildCoreDeps } from "../../../src/app/build-deps.js";
import { loadProgrammeFile } from "../../../src/config/load-programme-file.js";
import type { CoreDeps } from "../../../src/core/deps.js";
import { fixedClock } from "../../../src/core/ports/clock.js";
import { silentLogger } from "../../../src/core/ports/logger.js";
import { runSchedulerTick } from "../../../src/core/reminders/run-scheduler-tick.js";
import { importProgramme } from "../../../src/db/import-programme.js";
import { createFakeGateway, type FakeGateway } from "../../fakes/fake-gateway.js";
import { useTestDatabase } from "../../support/use-test-database.js";

/**
 * Catch-up, retries and expired leases never send in quiet time: whatever becomes sendable at night, at a
 * weekend or on a bank holiday waits for the next allowed time (once), or is recorded as skipped.
 */
const db = useTestDatabase();
let deps: CoreDeps;
let clock: ReturnType<typeof fixedClock>;
let slack: FakeGateway;

async function load(fixture: string, now: string, policy?: Record<string, unknown>) {
  await db().reset();
  const file = loadProgrammeFile(`test/fixtures/reminders/${fixture}.yaml`);
  if (policy) file.programme.reminders = { ...file.programme.reminders, ...policy };
  await importProgramme(db().prisma, file);
  clock = fixedClock(now);
  deps = buildCoreDeps({ db: db(), clock, logger: silentLogger });
  slack = createFakeGateway("slack");
  deps.gateways.slack = slack;
}

const tickAt = (at: string) => {
  clock.set(at);
  return runSchedulerTick({ deps });
};
const rows = () => db().prisma.delivery.findMany({ orderBy: { key: "asc" } });

describe("downtime that ends at 22:00 on a Friday, before a Monday 09:30 session", () => {
  beforeEach(() => load("monday-session", "2022-11-25T22:00:00Z"));

  it("sends the Friday reminder it missed on Monday at 08:00, once", async () => {
    // Down from before Fri 09:30 until Fri 22:00: the first tick after it sees the 3-days-before reminder.
    expect(await tickAt("2022-11-25T22:00:00Z")).toMatchObject({ planned: 1, deferred: 1, sent: 0 });
    for (const at of ["2022-11-25T23:59:00Z", "2022-11-26T10:00:00Z", "2022-11-27T19:00:00Z", "2022-11-28T07:59:00Z"])
      expect((await tickAt(at)).sent).toBe(0);
    expect(slack.sent).toHaveLength(0);

    expect((await tickAt("2022-11-28T08:00:00Z")).sent).toBe(1);
    expect(slack.sentTo("C0ALPHA")[0]?.message.summary).toMatch(/QI coaching: Alpha \(Monday\)/);
    for (const at of ["2022-11-28T08:01:00Z", "2022-11-28T08:02:00Z"]) await tickAt(at);
    const threeDays = (await rows()).filter((r) => r.occasion.endsWith("/-3d"));
    expect(threeDays).toHaveLength(1);
    expect(threeDays[0]).toMatchObject({ status: "sent", attempts: 1 });
    // Planned for Friday 09:30, really sent Monday 08:00: the log keeps both.
    expect(threeDays[0]?.scheduledFor.toISOString()).toBe("2022-11-25T09:30:00.000Z");
    expect(threeDays[0]?.sentAt?.toISOString()).toBe("2022-11-28T08:00:00.000Z");
    expect(slack.sentTo("C0ALPHA")).toHaveLength(1);
  });

  it("records a missed reminder as skipped when Monday 08:00 is too late for it", async () => {
    // With a day-before reminder too (planned Monday 08:00), the Friday one has nothing left to add.
    await load("monday-session", "2022-11-25T22:00:00Z", { sessions: { daysBefore: [3, 1], hoursBefore: [] } });
    await tickAt("2022-11-25T22:00:00Z");
    await tickAt("2022-11-26T10:00:00Z");
    const friday = (await rows()).find((r) => r.occasion.endsWith("/-3d"));
    expect(friday).toMatchObject({ status: "skipped", reason: expect.stringMatching(/came due during quiet hours/) });
    expect((await tickAt("2022-11-28T08:00:00Z")).sent).toBe(1);
    await tickAt("2022-11-28T08:01:00Z");
    expect(slack.sentTo("C0ALPHA")).toHaveLength(1);
    expect((await rows()).map((r) => [r.occasion.split("/").pop(), r.status])).toEqual([
      ["-1d", "sent"],
      ["-3d", "skipped"],
    ]);
  });
});

describe("retries and expired leases do not drift into quiet hours", () => {
  beforeEach(() => load("monday-session", "2022-11-25T19:59:30Z"));

  it("moves a retry after a 5xx back-off from 20:00 to the next allowed time", async () => {
    slack.failNext({ kind: "500" });
    // Caught up at 19:59:30 (allowed); the post fails; the 30 s back-off would land at 20:00:00.
    expect(await tickAt("2022-11-25T19:59:30Z")).toMatchObject({ sent: 0 });
    const [row] = await rows();
    expect(row?.nextAttemptAt?.toISOString()).toBe("2022-11-28T08:00:00.000Z");
    for (const at of ["2022-11-25T20:00:30Z", "2022-11-25T20:30:00Z", "2022-11-26T09:00:00Z"])
      expect((await tickAt(at)).sent).toBe(0);
    expect((await tickAt("2022-11-28T08:00:00Z")).sent).toBe(1);
    expect(slack.calls).toBe(2);
  });

  it("does not re-send a row whose lease runs out at night until the next allowed time", async () => {
    // Plan it, then let a dispatcher claim it at 19:59:30 and "crash" (lease 5 min, until 20:04:30).
    await runSchedulerTick({ deps: { ...deps, deliveries: { ...deps.deliveries!, claimDue: async () => [] } } });
    const store = deps.deliveries!;
    expect(await store.claimDue({ now: clock.now(), leaseMs: 300_000, workerId: "crashed", limit: 5 })).toHaveLength(1);
    for (const at of ["2022-11-25T20:05:00Z", "2022-11-26T12:00:00Z", "2022-11-28T07:59:00Z"])
      expect((await tickAt(at)).sent).toBe(0);
    expect(slack.calls).toBe(0);
    expect((await tickAt("2022-11-28T08:00:00Z")).sent).toBe(1);
    expect(slack.sent).toHaveLength(1);
  });
});

describe("each programme keeps its own sending hours", () => {
  it("sends for a programme without quiet hours while another's rows wait for its morning", async () => {
    // "anytime" allows every hour; "mini" keeps the default 20:00–08:00 and weekends.
    const anytime = { quietHours: { start: "00:00", end: "00:00" }, skipWeekends: false, bankHolidays: false };
    await load("monday-session", "2022-11-25T22:00:00Z", anytime);
    await importProgramme(db().prisma, loadProgrammeFile("test/fixtures/reminders/mini-programme.yaml"));
    const staffChannel = (slug: string) =>
      db().prisma.channel.findFirstOrThrow({ where: { purpose: "staff", programme: { slug } } });
    const alert = async (slug: string) => {
      const channel = await staffChannel(slug);
      return {
        key: `test-alert:${slug}`,
        programmeId: channel.programmeId,
        kind: "staff-alert",
        teamId: null,
        target: channel.id,
        occasion: `test:${slug}`,
        scheduledFor: new Date("2022-11-25T21:59:00Z"),
        payload: { message: { summary: `alert for ${slug}`, blocks: [] } },
      };
    };
    await deps.deliveries!.enqueue([await alert("monday"), await alert("mini")], clock.now());

    await tickAt("2022-11-25T22:00:00Z");
    const sent = () => slack.sent.map((s) => s.message.summary).filter((t) => t.startsWith("alert for"));
    expect(sent()).toEqual(["alert for monday"]);
    await tickAt("2022-11-26T12:00:00Z");
    expect(sent()).toEqual(["alert for monday"]);
    await tickAt("2022-11-28T08:00:00Z");
    expect(sent()).toEqual(["alert for monday", "alert for mini"]);
  });
});
