import type { CoreDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import type { UserStanding } from "../../ports/chat-gateway.js";
import type { Identity } from "../resolve-actor.js";
import type { Member, Programme, Team } from "../types.js";
import { memberKeyFor } from "./person-ref.js";

/**
 * Makes a person a member of a team (or moves a member from another team), by a staff decision: the
 * `add` command or an approved join request. Staff and coaches come only from the programme file and are
 * never changed here. Audited as `member.added` / `member.moved`.
 */
export async function addToTeam(input: {
  deps: Pick<CoreDeps, "programmes" | "audit">;
  programme: Programme;
  team: Team;
  person: Identity;
  name: string;
  by: string;
  via: "staff-command" | "join-request";
  standing: UserStanding | null;
}): Promise<{ member: Member; moved: boolean }> {
  const { deps, programme, team, person } = input;
  const [existing] = (await deps.programmes.findMembersByIdentity(person.platform, person.externalId)).filter(
    (m) => m.programmeId === programme.id,
  );
  if (existing && existing.role !== "member")
    throw new AppError(
      "conflict",
      `${existing.name} is programme ${existing.role === "staff" ? "staff" : "a coach"}; change that in the programme file.`,
    );
  if (existing?.teamId === team.id) throw new AppError("conflict", `${existing.name} is already in ${team.name}.`);
  let member: Member;
  if (existing) member = await deps.programmes.setMemberTeam(existing.id, team.id);
  else {
    member = await deps.programmes.ensureMember({
      programmeId: programme.id,
      teamId: team.id,
      key: memberKeyFor(person),
      name: input.name.slice(0, 120),
      role: "member",
    });
    if (member.teamId !== team.id) member = await deps.programmes.setMemberTeam(member.id, team.id);
    await deps.programmes.linkIdentity({
      memberId: member.id,
      platform: person.platform,
      externalId: person.externalId,
    });
  }
  await deps.audit.record({
    programmeId: programme.id,
    actor: input.by,
    action: existing ? "member.moved" : "member.added",
    subject: member.id,
    details: {
      team: team.key,
      ...(existing?.teamId ? { fromTeamId: existing.teamId } : {}),
      platform: person.platform,
      externalId: person.externalId,
      via: input.via,
      guest: input.standing?.guest ?? null,
      external: input.standing?.external ?? null,
    },
  });
  return { member, moved: Boolean(existing) };
}
