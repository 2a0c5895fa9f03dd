import type { CoreDeps } from "../deps.js";
import { AppError } from "../errors.js";
import type { Identity } from "../programme/resolve-actor.js";
import type { Member, Programme, Team } from "../programme/types.js";

/** What one viewer of the staff pages may see, decided afresh on every request. */
export type StaffScope = {
  member: Member;
  programme: Programme;
  role: "staff" | "coach";
  /** Teams this viewer may open: every team for staff, only the teams they coach for a coach. */
  teams: Team[];
  /** Staff see programme-wide things too: unanswered questions, the whole delivery log, the report. */
  wholeProgramme: boolean;
};

/**
 * Maps a signed-in identity to a staff scope. Members of a team get `forbidden`; someone on the staff
 * of one programme asking for another (`programmeSlug`) gets `not_found`, so they learn nothing of it.
 * A person on the staff of several programmes sees the one running now, else the newest.
 */
export async function resolveStaffScope({
  deps,
  identity,
  programmeSlug,
}: {
  deps: Pick<CoreDeps, "programmes" | "clock">;
  identity: Identity;
  programmeSlug?: string;
}): Promise<StaffScope> {
  const memberships = await deps.programmes.findMembersByIdentity(identity.platform, identity.externalId);
  if (memberships.length === 0)
    throw new AppError("not_a_member", "You are not on any programme here, so there is nothing to show you.");
  const eligible = memberships.filter((m) => m.role === "staff" || m.role === "coach");
  if (eligible.length === 0)
    throw new AppError("forbidden", "These pages are for programme staff and QI coaches only.");

  const programmes = new Map<string, Programme>();
  for (const m of eligible) {
    const p = await deps.programmes.getProgramme(m.programmeId);
    if (p) programmes.set(p.id, p);
  }
  const member = pickMembership(eligible, programmes, deps.clock.now(), programmeSlug);
  const programme = member ? programmes.get(member.programmeId) : undefined;
  if (!member || !programme) throw new AppError("not_found", "There is no such programme page.");

  const all = await deps.programmes.listTeams(programme.id);
  const role = member.role === "staff" ? "staff" : "coach";
  return {
    member,
    programme,
    role,
    teams: role === "staff" ? all : all.filter((t) => t.coachId === member.id),
    wholeProgramme: role === "staff",
  };
}

function pickMembership(
  eligible: Member[],
  programmes: Map<string, Programme>,
  now: Date,
  slug: string | undefined,
): Member | undefined {
  const withProgramme = eligible.filter((m) => programmes.has(m.programmeId));
  if (slug) return withProgramme.find((m) => programmes.get(m.programmeId)?.slug === slug);
  const t = now.getTime();
  const running = (m: Member) => {
    const p = programmes.get(m.programmeId);
    return p !== undefined && p.startsOn.getTime() <= t && t <= p.endsOn.getTime() + 86_400_000;
  };
  const newest = [...withProgramme].sort(
    (a, b) =>
      (programmes.get(b.programmeId)?.startsOn.getTime() ?? 0) -
      (programmes.get(a.programmeId)?.startsOn.getTime() ?? 0),
  );
  return withProgramme.find(running) ?? newest[0];
}

/**
 * One team page: a key this programme does not have is `not_found` (another programme's team looks the
 * same as no team at all); a team the coach does not coach is `forbidden`.
 */
export async function teamInScope(deps: Pick<CoreDeps, "programmes">, scope: StaffScope, key: string): Promise<Team> {
  const visible = scope.teams.find((t) => t.key === key);
  if (visible) return visible;
  const exists = (await deps.programmes.listTeams(scope.programme.id)).some((t) => t.key === key);
  if (exists) throw new AppError("forbidden", "You can open the pages of the teams you coach only.");
  throw new AppError("not_found", "There is no such team in this programme.");
}
