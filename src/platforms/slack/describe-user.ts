import type { WebClient } from "@slack/web-api";
import type { UserStanding } from "../../core/ports/chat-gateway.js";
import type { Logger } from "../../core/ports/logger.js";
import type { BotIds } from "./bot-identity.js";

type SlackUser = {
  name?: string;
  real_name?: string;
  team_id?: string;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  is_stranger?: boolean;
  profile?: { display_name?: string; real_name?: string };
};

/**
 * users.info → what staff need to know before adding someone: a guest (single- or multi-channel: Slack's
 * is_ultra_restricted / is_restricted), or a person from another organisation in a Slack Connect channel
 * (is_stranger, or a home workspace other than ours). Null when Slack does not answer (no users:read
 * scope, network): the caller then shows the account as unknown rather than guessing.
 */
export async function describeSlackUser(
  client: WebClient,
  userId: string,
  botIds: () => BotIds,
  logger: Logger,
): Promise<UserStanding | null> {
  try {
    const result = await client.users.info({ user: userId });
    const user = result.user as SlackUser | undefined;
    if (!user) return null;
    const home = botIds().teamId;
    const external = user.is_stranger === true || Boolean(home && user.team_id && user.team_id !== home);
    const name = user.profile?.display_name || user.profile?.real_name || user.real_name || user.name;
    return {
      ...(name ? { name } : {}),
      guest: user.is_restricted === true || user.is_ultra_restricted === true,
      external,
    };
  } catch (error) {
    logger.warn(
      { reason: (error as { data?: { error?: string } }).data?.error ?? (error as Error).message },
      "Slack users.info failed",
    );
    return null;
  }
}
