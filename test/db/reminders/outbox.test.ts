import { PrismaPg } from "@prisma/adapter-pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildCoreDeps } from "../../../src/app/build-deps.js";
import { loadProgrammeFile } from "../../../src/config/load-programme-file.js";
import type { CoreDeps } from "../../../src/core/deps.js";
import { fixedClock } from "../../../src/core/ports/clock.js";
import { silentLogger } from "../../../src/core/ports/logger.js";
import { runSchedulerTick } from "../../../src/core/reminders/run-scheduler-tick.js";
import { importProgramme } from "../../../src/db/import-programme.js";
import { PrismaClient } from "../../../src/generated/prisma/client.js";
import { createFakeGateway, type FakeGateway } from "../../fakes/fake-gateway.js";
import { useTestDatabase } from "../../support/use-test-database.js";

const FIXTURE = "test/fixtures/reminders/mini-programme.yaml";
// Session for Team Alpha on Thu 10 Nov 2022 14:00 (GMT): the day-before reminder is due Wed 9 Nov 14:00Z.
const DAY_BEFORE = "2022-11-09T14:00:30Z";

const db = useTestDatabase({ resetEach: true });
let deps: CoreDeps;
let clock: ReturnType<typeof fixedClock>;
let slack: FakeGateway;

beforeEach(async () => {
  await importProgramme(db().prisma, loadProgrammeFile(FIXTURE));
  ({ deps, clock, slack } = makeDeps(db().prisma, DAY_BEFORE));
});

function makeDeps(prisma: PrismaClient, now: string) {
  const c = fixedClock(now);
  const d = buildCoreDeps({ db: { ...db(), prisma }, clock: c, logger: silentLogger });
  const gateway = createFakeGateway("slack");
  d.gateways.slack = gateway;
  return { deps: d, clock: c, slack: gateway };
}

const tick = () => runSchedulerTick({ deps });
const rows = () => db().prisma.delivery.findMany({ orderBy: { key: "asc" } });
const minutes = (n: number) => n * 60_000;

describe("outbox: exactly once", () => {
  it("sends a due reminder once, however many ticks and restarts follow", async () => {
    expect(await tick()).toEqual({ planned: 1, sent: 1, skipped: 0, failed: 0, deferred: 0 });
    expect(slack.sentTo("C0ALPHA")).toHaveLength(1);
    expect(slack.sent[0]?.message.summary).toMatch(/QI coaching: Alpha \(November\) tomorrow at 14:00/);
    await tick();
    // A "restart": fresh deps and gateway on the same database.
    const restarted = makeDeps(db().prisma, DAY_BEFORE);
    expect(await runSchedulerTick({ deps: restarted.deps })).toEqual({
      planned: 0,
      sent: 0,
      skipped: 0,
      failed: 0,
      deferred: 0,
    });
    expect(restarted.slack.sent).toHaveLength(0);
    expect(slack.sent).toHaveLength(1);
    const [row] = await rows();
    expect(row).toMatchObject({ status: "sent", platformMessageId: "slack-msg-1", attempts: 1 });
  });

  it("retries a delivery claimed by a dispatcher that crashed before sending, once its lease expires", async () => {
    await runSchedulerTick({ deps: { ...deps, gateways: {} } }); // plan only: no gateway, nothing targeted
    const planned = makeDeps(db().prisma, DAY_BEFORE);
    // Enqueue through a tick whose dispatch "crashes": claim, then never send or mark.
    const store = planned.deps.deliveries!;
    await runSchedulerTick({ deps: { ...planned.deps, deliveries: { ...store, claimDue: async () => [] } } });
    const claimed = await store.claimDue({ now: clock.now(), leaseMs: minutes(5), workerId: "crashed", limit: 10 });
    expect(claimed).toHaveLength(1);

    expect((await tick()).sent).toBe(0); // lease still held
    clock.advance(minutes(4));
    expect((await tick()).sent).toBe(0);
    clock.advance(minutes(2));
    expect((await tick()).sent).toBe(1);
    expect(await tick()).toMatchObject({ sent: 0 });
    expect(slack.sent).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ status: "sent", attempts: 2 });
  });
});

describe("outbox: failures", () => {
  it("honours Retry-After on a 429 and delivers once", async () => {
    slack.failNext({ kind: "429", retryAfterMs: 90_000 });
    expect(await tick()).toMatchObject({ planned: 1, sent: 0 });
    clock.advance(60_000);
    expect((await tick()).sent).toBe(0);
    clock.advance(31_000);
    expect((await tick()).sent).toBe(1);
    expect(slack.calls).toBe(2);
    expect(slack.sent).toHaveLength(1);
  });

  it("backs off exponentially on 5xx and network errors, then delivers once", async () => {
    slack.failNext({ kind: "500" });
    slack.failNext({ kind: "network" });
    await tick(); // attempt 1 fails → retry after 30 s
    clock.advance(30_000);
    await tick(); // attempt 2 fails → retry after 60 s
    clock.advance(30_000);
    expect((await tick()).sent).toBe(0);
    clock.advance(30_000);
    expect((await tick()).sent).toBe(1);
    expect(slack.calls).toBe(3);
    expect((await rows())[0]).toMatchObject({ status: "sent", attempts: 3, lastError: null });
  });

  it("gives up after the bounded number of attempts and records why", async () => {
    slack.failNext({ kind: "500" }, { times: 100 });
    for (let i = 0; i < 8; i++) {
      await tick();
      clock.advance(minutes(31));
    }
    expect(slack.calls).toBe(6);
    expect((await rows())[0]).toMatchObject({ status: "failed", reason: expect.stringMatching(/gave up after 6/) });
  });

  it("on a permanent error: failed with a reason, channel inactive, staff told, channel no longer targeted", async () => {
    slack.failNext({ kind: "permanent", reason: "channel_not_found" }, { externalId: "C0ALPHA" });
    const result = await tick();
    expect(result.failed).toBe(1);
    const alpha = await db().prisma.channel.findFirstOrThrow({ where: { externalId: "C0ALPHA" } });
    expect(alpha).toMatchObject({ active: false, inactiveReason: "channel_not_found" });
    expect(slack.sentTo("C0STAFF")).toHaveLength(1);
    expect(slack.sentTo("C0STAFF")[0]?.message.summary).toMatch(/can no longer post in the slack channel alpha/);
    const failed = (await rows()).find((r) => r.target === alpha.id);
    expect(failed).toMatchObject({ status: "failed", reason: "permanent: channel_not_found" });

    // The hour-before reminder the next day is not planned for the dead channel.
    clock.set("2022-11-10T13:00:30Z");
    await tick();
    expect(slack.sentTo("C0ALPHA")).toHaveLength(0);
    expect((await rows()).filter((r) => r.target === alpha.id)).toHaveLength(1);
  });

  it("leaves every delivery sent, skipped or failed with a reason", async () => {
    // Run the whole November: some get sent, stale ones skipped after "downtime".
    for (const at of ["2022-11-09T14:00:30Z", "2022-11-18T17:00:30Z", "2022-11-25T10:00:30Z", "2022-12-05T08:00:30Z"]) {
      clock.set(at);
      await tick();
    }
    const all = await rows();
    expect(all.length).toBeGreaterThan(5);
    for (const r of all) {
      expect(["sent", "skipped", "failed"]).toContain(r.status);
      if (r.status !== "sent") expect(r.reason).toBeTruthy();
    }
    expect(all.some((r) => r.status === "skipped" && /stale/.test(r.reason ?? ""))).toBe(true);
  });
});

describe("outbox: two schedulers on one database", () => {
  // Each "server" gets its own client and pool of 4 connections, on PGlite and on PostgreSQL alike.
  const poolSize = 4;
  let servers: PrismaClient[] = [];
  beforeEach(() => {
    servers = [0, 1].map(() => new PrismaClient({ adapter: new PrismaPg({ ...db().connection, max: poolSize }) }));
  });
  afterEach(async () => {
    await Promise.all(servers.map((p) => p.$disconnect()));
  });

  it("never both send the same delivery", async () => {
    const [a, b] = servers.map((p) => makeDeps(p, "2022-11-25T10:00:30Z"));
    a!.slack.latencyMs = 5;
    b!.slack.latencyMs = 5;
    const results = await Promise.all([
      runSchedulerTick({ deps: a!.deps, workerId: "a" }),
      runSchedulerTick({ deps: b!.deps, workerId: "b" }),
      runSchedulerTick({ deps: a!.deps, workerId: "a2" }),
      runSchedulerTick({ deps: b!.deps, workerId: "b2" }),
    ]);
    const sent = [...a!.slack.sent, ...b!.slack.sent];
    const all = await rows();
    const sentRows = all.filter((r) => r.status === "sent");
    expect(sentRows.length).toBeGreaterThan(3);
    expect(sent).toHaveLength(sentRows.length);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(sentRows.length);
    expect(all.every((r) => r.status !== "pending" && r.status !== "claimed")).toBe(true);
  });

  it("hands each due row to exactly one of many concurrent claimers", async () => {
    const programme = await db().prisma.programme.findFirstOrThrow();
    const store = deps.deliveries!;
    const at = new Date("2022-11-25T10:00:00Z");
    await store.enqueue(
      Array.from({ length: 40 }, (_, i) => ({
        key: `test:${i}`,
        programmeId: programme.id,
        kind: "test",
        teamId: null,
        target: "nowhere",
        occasion: `o${i}`,
        scheduledFor: at,
        payload: null,
      })),
      at,
    );
    const stores = servers.map((p) => makeDeps(p, "2022-11-25T10:00:30Z").deps.deliveries!);
    const claims = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        stores[i % 2]!.claimDue({
          now: new Date("2022-11-25T10:00:30Z"),
          leaseMs: 60_000,
          workerId: `w${i}`,
          limit: 5,
        }),
      ),
    );
    const ids = claims.flat().map((d) => d.key);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
  });
});
