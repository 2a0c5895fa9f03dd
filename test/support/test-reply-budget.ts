import { createReplyBudget, type ReplyBudget } from "../../src/platforms/reply-budget.js";

/**
 * The harnesses answer inline unless a test is about the reply budget (it sets REPLY_BUDGET_MS itself,
 * e.g. slow-database.test.ts): on a loaded machine a reply can take longer than production's 1.5 s, and
 * most tests read the reply from the ack (Slack) or expect it at the connector before the HTTP answer.
 */
export function testReplyBudget(env: Record<string, string> | undefined): ReplyBudget | undefined {
  return env?.REPLY_BUDGET_MS ? undefined : createReplyBudget({ budgetMs: 60_000 });
}
