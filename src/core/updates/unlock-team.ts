import type { CoreDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { type Message, textMessage } from "../messages/message.js";
import { formatLocal } from "../programme/local-time.js";
import { type Actor, cycleLocksAt } from "../programme/types.js";
import { monthLabel, resolveCycle } from "./cycles.js";

/** How long a staff unlock lasts. */
export const UNLOCK_DAYS = 7;

/** Staff re-open a team's update for a cycle for a week (`unlock <team-key> [YYYY-MM]`). Audited. */
export async function unlockTeam({
  deps,
  actor,
  teamKey,
  month,
}: {
  deps: CoreDeps;
  actor: Actor;
  teamKey: string;
  month?: string;
}): Promise<Message> {
  const teams = await deps.programmes.listTeams(actor.programme.id);
  const team = teams.find((t) => t.key === teamKey.toLowerCase());
  if (!team)
    throw new AppError("not_found", `There is no team “${teamKey}”. Team keys: ${teams.map((t) => t.key).join(", ")}.`);
  const cycle = await resolveCycle(deps, actor.programme, month);
  const now = deps.clock.now();
  const base = Math.max(now.getTime(), cycleLocksAt(cycle).getTime());
  const until = new Date(base + UNLOCK_DAYS * 86_400_000);
  await deps.updates.setUnlock({
    teamId: team.id,
    cycleId: cycle.id,
    unlockedUntil: until,
    unlockedById: actor.member.id,
  });
  await deps.audit.record({
    programmeId: actor.programme.id,
    actor: actor.member.id,
    action: "update.unlock",
    subject: `${team.key}:${cycle.month}`,
    details: { teamId: team.id, cycleId: cycle.id, unlockedUntil: until.toISOString() },
  });
  return textMessage(
    `${team.name} can edit its ${monthLabel(cycle.month)} update until ${formatLocal(until, actor.programme.timeZone)}. Tell them to use \`update ${cycle.month}\`.`,
  );
}
