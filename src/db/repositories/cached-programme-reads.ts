import type { ProgrammeRepository } from "../../core/ports/programme-repository.js";
import type { CoachingSession, Milestone } from "../../core/programme/types.js";

/** The reads every request makes to find who is asking (resolveActor, linkMemberByChannel). */
const CACHED = ["findMembersByIdentity", "findChannels", "getProgramme", "getTeam"] as const;

/**
 * A short-lived cache in front of the four lookups that every command, button and form repeats for the
 * same person (5 queries of 6 for `/cohort help`), and the sessions and milestones ahead (`next`, App Home). Any write through this repository (a member linked
 * by channel, a conversation remembered, a channel marked inactive) empties it at once, so this process
 * always sees its own changes; changes from elsewhere (a CLI import, another replica) show within
 * `ttlMs`. Entries are per argument list; failed lookups are not kept. Time here is wall-clock
 * (performance.now), not the core's Clock, which the playground can move.
 */
export function withCachedReads(repo: ProgrammeRepository, ttlMs: number): ProgrammeRepository {
  if (ttlMs <= 0) return repo;
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  const cached = Object.fromEntries(
    CACHED.map((name) => {
      const read = repo[name] as (...args: unknown[]) => Promise<unknown>;
      return [
        name,
        (...args: unknown[]) => {
          const key = `${name}\u0000${JSON.stringify(args)}`;
          const now = performance.now();
          const hit = entries.get(key);
          if (hit && now - hit.at < ttlMs) return hit.value;
          const value = read(...args);
          entries.set(key, { at: now, value });
          value.catch(() => entries.delete(key));
          return value;
        },
      ];
    }),
  );
  // Reads (get*/list*/find*) pass through; anything else may change what the cache holds.
  const writes = Object.fromEntries(
    Object.entries(repo)
      .filter(([name, fn]) => typeof fn === "function" && !/^(get|list|find)/.test(name))
      .map(([name, fn]) => [
        name,
        async (...args: unknown[]) => {
          entries.clear();
          try {
            return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
          } finally {
            entries.clear();
          }
        },
      ]),
  );
  // `next` and App Home ask for what is ahead "from now": a new instant each time, so cached per minute
  // (fetched from the start of the minute) and cut to the exact instant in memory.
  const upcoming =
    <T>(name: "listSessions" | "listMilestones", dateOf: (item: T) => Date) =>
    (programmeId: string, options: { teamId?: string; from?: Date; to?: Date } = {}) => {
      const read = repo[name] as (id: string, o: typeof options) => Promise<T[]>;
      const { from } = options;
      if (!from || options.to) return read(programmeId, options);
      const minute = new Date(Math.floor(from.getTime() / 60_000) * 60_000);
      const key = `${name}\u0000${programmeId}\u0000${options.teamId ?? ""}\u0000${minute.getTime()}`;
      const now = performance.now();
      let hit = entries.get(key) as { at: number; value: Promise<T[]> } | undefined;
      if (!hit || now - hit.at >= ttlMs) {
        hit = { at: now, value: read(programmeId, { teamId: options.teamId, from: minute }) };
        entries.set(key, hit);
        hit.value.catch(() => entries.delete(key));
      }
      return hit.value.then((items) => items.filter((item) => dateOf(item) >= from));
    };
  return {
    ...repo,
    ...cached,
    listSessions: upcoming<CoachingSession>("listSessions", (s) => s.startsAt),
    listMilestones: upcoming<Milestone>("listMilestones", (m) => m.dueAt),
    ...writes,
  } as ProgrammeRepository;
}
