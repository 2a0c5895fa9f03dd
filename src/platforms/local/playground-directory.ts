import type { CoreDeps } from "../../core/deps.js";
import type { Member, Programme, Role } from "../../core/programme/types.js";
import { personalChannel } from "./message-store.js";

/** Someone the playground user can act as: a programme member with a local identity (their key). */
export type PlaygroundPerson = {
  key: string;
  name: string;
  role: Role;
  teamKey: string | null;
  teamName: string | null;
};

export type PlaygroundChannel = {
  id: string;
  name: string;
  /** What a screen reader and the sidebar say about it, e.g. the team's full name. */
  description: string;
  purpose: "team" | "staff" | "personal";
  kind: "channel" | "personal";
};

/**
 * Someone in the workspace who is in no team: what an applicant or a guest sees (the FAQ, `join`). Once
 * staff add them (`add visitor croydon`, or approving their `join`), they are listed with their team.
 */
export const VISITOR: PlaygroundPerson = {
  key: "visitor",
  name: "Sam Visitor",
  role: "member",
  teamKey: null,
  teamName: null,
};

/**
 * The programme the playground shows: the first one that has playground channels (every imported
 * programme gets them), preferring one running on the playground clock.
 */
export async function findPlaygroundProgramme(deps: CoreDeps): Promise<Programme | null> {
  const programmes = await deps.programmes.listProgrammes();
  const now = deps.clock.now().getTime();
  const running = programmes.filter((p) => p.startsOn.getTime() <= now && now <= p.endsOn.getTime() + 86_400_000);
  for (const p of [...running, ...programmes]) {
    if ((await deps.programmes.listChannels(p.id, { platform: "local" })).length > 0) return p;
  }
  return null;
}

/** People with a local identity, staff first, then by team and name. */
export async function listPeople(deps: CoreDeps, programme: Programme): Promise<PlaygroundPerson[]> {
  const [members, teams] = await Promise.all([
    deps.programmes.listMembers(programme.id),
    deps.programmes.listTeams(programme.id),
  ]);
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const withLocal = await Promise.all(
    members.map(async (m) => {
      const ids = await deps.programmes.listIdentities(m.id);
      return ids.some((i) => i.platform === "local" && i.externalId === m.key) ? m : null;
    }),
  );
  const order: Record<Role, number> = { staff: 0, coach: 1, member: 2 };
  const visitorIsMember = members.some((m) => m.key === `local-${VISITOR.key}`);
  const listed = withLocal
    .filter((m): m is Member => m !== null)
    .map((m) => {
      const team = m.teamId ? teamById.get(m.teamId) : undefined;
      return { key: m.key, name: m.name, role: m.role, teamKey: team?.key ?? null, teamName: team?.name ?? null };
    })
    .sort(
      (a, b) =>
        order[a.role] - order[b.role] ||
        (a.teamName ?? "").localeCompare(b.teamName ?? "") ||
        a.name.localeCompare(b.name),
    );
  return visitorIsMember ? listed : [...listed, VISITOR];
}

/**
 * The channels a person would be in: staff see every team channel and the staff channel; a team member
 * sees their own team's channel; everyone has a personal chat with the bot. The API checks every
 * request against this list, so a member cannot read another team's channel.
 */
export async function channelsFor(
  deps: CoreDeps,
  programme: Programme,
  person: PlaygroundPerson,
): Promise<PlaygroundChannel[]> {
  const [channels, teams] = await Promise.all([
    deps.programmes.listChannels(programme.id, { platform: "local" }),
    deps.programmes.listTeams(programme.id),
  ]);
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const visible = channels.filter((c) =>
    person.role === "staff"
      ? true
      : c.purpose === "team" && c.teamId !== null && teamById.get(c.teamId)?.key === person.teamKey,
  );
  const listed: PlaygroundChannel[] = visible
    .map((c) => ({
      id: c.externalId,
      name: c.name || c.externalId,
      description:
        c.purpose === "staff" ? "Programme team (staff only)" : (teamById.get(c.teamId ?? "")?.name ?? c.name),
      purpose: c.purpose,
      kind: "channel" as const,
    }))
    .sort((a, b) => (a.purpose === b.purpose ? a.name.localeCompare(b.name) : a.purpose === "staff" ? -1 : 1));
  listed.push({
    id: personalChannel(person.key),
    name: "Cohort Bot",
    description: "Your personal chat with the bot",
    purpose: "personal",
    kind: "personal",
  });
  return listed;
}
