import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../core/ports/logger.js";

export type BotIds = { botId?: string; botUserId?: string; teamId?: string };

/**
 * Who the bot is in the workspace (auth.test). Bolt would call auth.test inside its constructor and
 * fail every request if Slack was unreachable then; we ask once at start-up, in the background, and
 * carry on without the ids if Slack does not answer (they only refine event filtering).
 */
export function createBotIdentity(client: WebClient, logger: Logger) {
  let ids: BotIds = {};
  return {
    current: (): BotIds => ids,
    async check(): Promise<void> {
      try {
        const result = await client.auth.test();
        ids = { botId: result.bot_id, botUserId: result.user_id, teamId: result.team_id };
        logger.info({ botUserId: ids.botUserId, teamId: ids.teamId }, "Slack token verified");
      } catch (error) {
        logger.warn(
          { reason: (error as { data?: { error?: string } }).data?.error ?? (error as Error).message },
          "Slack auth.test failed; the Slack app keeps running and will retry on the next start",
        );
      }
    },
  };
}
