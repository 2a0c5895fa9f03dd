import type { CoreDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import type { Identity } from "../resolve-actor.js";
import type { Member, Programme } from "../types.js";

/**
 * `remove`: the person stops being a member. Their platform ids are unlinked (so nothing resolves to
 * them any more) and they leave their team; the member row stays, because their past updates name them.
 * Staff and coaches are only ever changed in the programme file. Audited as `member.removed`.
 */
export async function removeFromProgramme(input: {
  deps: Pick<CoreDeps, "programmes" | "audit">;
  programme: Programme;
  person: Identity;
  by: string;
}): Promise<{ member: Member; teamName: string | null }> {
  const { deps, programme, person } = input;
  const [member] = (await deps.programmes.findMembersByIdentity(person.platform, person.externalId)).filter(
    (m) => m.programmeId === programme.id,
  );
  if (!member) throw new AppError("not_found", "That person isn't a member of this programme.");
  if (member.role !== "member")
    throw new AppError(
      "conflict",
      `${member.name} is programme ${member.role === "staff" ? "staff" : "a coach"}; change that in the programme file.`,
    );
  const team = member.teamId ? await deps.programmes.getTeam(member.teamId) : null;
  const identities = await deps.programmes.listIdentities(member.id);
  for (const id of identities) await deps.programmes.unlinkIdentity({ programmeId: programme.id, ...id });
  await deps.programmes.setMemberTeam(member.id, null);
  await deps.audit.record({
    programmeId: programme.id,
    actor: input.by,
    action: "member.removed",
    subject: member.id,
    details: { team: team?.key ?? null, identities },
  });
  return { member, teamName: team?.name ?? null };
}
