import type { CoreDeps } from "../../../core/deps.js";
import type { ReplyBudget } from "../../reply-budget.js";
import type { InboundActivity } from "../activity-context.js";
import type { ConversationMemory } from "../remember-conversation.js";
import type { CohortTeamsApp } from "../teams-app.js";

/** What every activity handler gets from createTeamsPlatform. */
export type HandlerDeps = { app: CohortTeamsApp; deps: CoreDeps; remember: ConversationMemory; replies: ReplyBudget };

/**
 * Teams redelivers an activity it thinks timed out; the activity id (unique within its conversation)
 * makes the second delivery a no-op. Activities without an id are processed.
 */
export async function firstDelivery(deps: CoreDeps, activity: InboundActivity): Promise<boolean> {
  if (!activity.id) return true;
  return deps.inbound.firstTime(`teams:${activity.conversation.id}:${activity.id}`);
}
