import { describeNext } from "../../commands/next.js";
import type { CoreDeps } from "../../deps.js";
import type { Message } from "../../messages/message.js";
import type { Actor, Team } from "../../programme/types.js";
import { getTeamStatus } from "../../updates/get-team-status.js";
import type { Intent } from "../detect-intent.js";
import { describeCoach } from "./coach.js";
import { describeDue } from "./due.js";
import { describeNextItem } from "./schedule.js";
import { describeSpend } from "./spend.js";
import { describeStaffReply } from "./staff-reply.js";

/**
 * Answers a question about the asker's own team from the data. Null when it does not apply to them
 * (staff or a coach with no team asking who their coach is): the FAQ answers instead.
 */
export async function answerLive({
  deps,
  actor,
  intent,
}: {
  deps: CoreDeps;
  actor: Actor;
  intent: Intent;
}): Promise<Message | null> {
  const inTeam = (a: Actor): a is Actor & { team: Team } => a.team !== null;
  switch (intent) {
    case "next":
      return describeNext({ deps, actor });
    case "next-session":
      return describeNextItem(deps, actor, "session");
    case "next-workshop":
      return describeNextItem(deps, actor, "workshop");
    case "next-milestone":
      return describeNextItem(deps, actor, "milestone");
    case "submitted":
      return getTeamStatus({ deps, actor });
    case "staff-reply":
      return describeStaffReply(deps, actor);
    case "coach":
      return inTeam(actor) ? describeCoach(deps, actor) : null;
    case "due":
      return inTeam(actor) ? describeDue(deps, actor) : getTeamStatus({ deps, actor });
    case "spend":
      return inTeam(actor) ? describeSpend(deps, actor) : null;
  }
}
