import { afterEach, describe, expect, it, vi } from "vitest";
import type { ProgrammeRepository } from "../../../src/core/ports/programme-repository.js";
import type { Member } from "../../../src/core/programme/types.js";
import { withCachedReads } from "../../../src/db/repositories/cached-programme-reads.js";

const member = (id: string, programmeId = "p1"): Member =>
  ({ id, programmeId, teamId: "t1", key: id, name: id, role: "member", email: null }) as Member;

/** A repository whose lookups count their calls and answer from a mutable list, like the database. */
function fakeRepository() {
  const state = { members: [member("m1")], failNext: false };
  const calls = { findMembersByIdentity: 0, listTeams: 0 };
  const repo = {
    findMembersByIdentity: async () => {
      calls.findMembersByIdentity++;
      if (state.failNext) {
        state.failNext = false;
        throw new Error("database down");
      }
      return [...state.members];
    },
    findChannels: async () => [],
    getProgramme: async () => null,
    getTeam: async () => null,
    listTeams: async () => {
      calls.listTeams++;
      return [];
    },
    ensureMember: async (input: Omit<Member, "id">) => {
      const m = { ...input, id: `m${state.members.length + 1}` } as Member;
      state.members.push(m);
      return m;
    },
  } as unknown as ProgrammeRepository;
  return { repo, state, calls };
}

describe("withCachedReads (the who-is-asking cache in front of the programme repository)", () => {
  afterEach(() => vi.useRealTimers());

  it("answers a repeated lookup from memory within the time to live", async () => {
    const { repo, calls } = fakeRepository();
    const cached = withCachedReads(repo, 5_000);
    await cached.findMembersByIdentity("slack", "U1");
    const again = await cached.findMembersByIdentity("slack", "U1");
    expect(again.map((m) => m.id)).toEqual(["m1"]);
    expect(calls.findMembersByIdentity).toBe(1);
    await cached.findMembersByIdentity("slack", "U2"); // another person is another entry
    expect(calls.findMembersByIdentity).toBe(2);
  });

  it("sees its own writes at once: a write empties the cache", async () => {
    const { repo } = fakeRepository();
    const cached = withCachedReads(repo, 60_000);
    expect(await cached.findMembersByIdentity("slack", "U1")).toHaveLength(1);
    await cached.ensureMember({ programmeId: "p1", teamId: "t1", key: "new", name: "New", role: "member" });
    expect(await cached.findMembersByIdentity("slack", "U1")).toHaveLength(2);
  });

  it("sees changes made elsewhere once the time to live has passed", async () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    const { repo, state } = fakeRepository();
    const cached = withCachedReads(repo, 5_000);
    await cached.findMembersByIdentity("slack", "U1");
    state.members = []; // e.g. removed by a CLI import in another process
    expect(await cached.findMembersByIdentity("slack", "U1")).toHaveLength(1);
    vi.advanceTimersByTime(5_001);
    expect(await cached.findMembersByIdentity("slack", "U1")).toHaveLength(0);
  });

  it("does not keep a failed lookup", async () => {
    const { repo, state, calls } = fakeRepository();
    const cached = withCachedReads(repo, 5_000);
    state.failNext = true;
    await expect(cached.findMembersByIdentity("slack", "U1")).rejects.toThrow("database down");
    expect(await cached.findMembersByIdentity("slack", "U1")).toHaveLength(1);
    expect(calls.findMembersByIdentity).toBe(2);
  });

  it("passes other reads straight through, and is off with a time to live of 0", async () => {
    const { repo, calls } = fakeRepository();
    const cached = withCachedReads(repo, 5_000);
    await cached.listTeams("p1");
    await cached.listTeams("p1");
    expect(calls.listTeams).toBe(2);
    expect(withCachedReads(repo, 0)).toBe(repo);
  });
});

describe("withCachedReads: sessions and milestones ahead (`next`, App Home)", () => {
  const at = (iso: string) => new Date(iso);
  const sessions = [
    { id: "s1", teamId: null, startsAt: at("2026-11-30T10:00:20Z") },
    { id: "s2", teamId: "t1", startsAt: at("2026-11-30T10:00:50Z") },
    { id: "s3", teamId: "t1", startsAt: at("2026-12-01T09:00:00Z") },
  ];
  function sessionRepository() {
    const asked: { from?: Date; to?: Date }[] = [];
    const repo = {
      listSessions: async (_p: string, o: { from?: Date; to?: Date } = {}) => {
        asked.push(o);
        return sessions.filter((s) => (!o.from || s.startsAt >= o.from) && (!o.to || s.startsAt <= o.to));
      },
      listMilestones: async () => [],
    } as unknown as ProgrammeRepository;
    return { repo, asked };
  }

  it("asks once per minute and still answers from the exact instant", async () => {
    const { repo, asked } = sessionRepository();
    const cached = withCachedReads(repo, 5_000);
    const ids = async (iso: string) =>
      (await cached.listSessions("p1", { teamId: "t1", from: at(iso) })).map((s) => s.id);
    expect(await ids("2026-11-30T10:00:10Z")).toEqual(["s1", "s2", "s3"]);
    // Later in the same minute: s1 has started, so it is no longer ahead — from the same cached read.
    expect(await ids("2026-11-30T10:00:30Z")).toEqual(["s2", "s3"]);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.from?.toISOString()).toBe("2026-11-30T10:00:00.000Z");
  });

  it("passes a bounded range (the planner's) straight through", async () => {
    const { repo, asked } = sessionRepository();
    const cached = withCachedReads(repo, 5_000);
    const range = { from: at("2026-11-30T10:00:10Z"), to: at("2026-11-30T12:00:00Z") };
    expect((await cached.listSessions("p1", range)).map((s) => s.id)).toEqual(["s1", "s2"]);
    await cached.listSessions("p1", range);
    expect(asked).toHaveLength(2);
  });
});
