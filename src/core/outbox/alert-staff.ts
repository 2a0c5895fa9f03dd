import type { CoreDeps } from "../deps.js";
import { message } from "../messages/message.js";
import type { Channel } from "../programme/types.js";
import type { DeliveryStore } from "./delivery-store.js";

/**
 * Tells a programme's staff that a channel stopped accepting messages. It goes through the outbox (never
 * to the dead channel), keyed by the dead channel, so staff hear about it once per channel and day.
 */
export async function alertStaffChannelInactive(input: {
  deps: CoreDeps;
  deliveries: DeliveryStore;
  channel: Channel;
  reason: string;
  now: Date;
}): Promise<number> {
  const { deps, channel, reason, now } = input;
  const staff = (await deps.programmes.listChannels(channel.programmeId, { purpose: "staff" })).filter(
    (c) => c.active && c.id !== channel.id && deps.gateways[c.platform],
  );
  if (staff.length === 0) {
    deps.logger.warn({ channelId: channel.id, reason }, "channel marked inactive and no staff channel to tell");
    return 0;
  }
  const team = channel.teamId ? await deps.programmes.getTeam(channel.teamId) : null;
  const where = `${channel.platform} channel ${channel.name || channel.externalId}${team ? ` (${team.name})` : ""}`;
  const alert = message(
    `The bot can no longer post in the ${where}. Reminders to it have stopped.`,
    { type: "header", text: "A channel stopped accepting messages" },
    {
      type: "text",
      text: [
        "The bot can no longer post in the ",
        { bold: where },
        `: ${reason}. Reminders to it have stopped. Add the bot back to the channel (or fix the channel in the programme file and re-import), then the next reminders will reach it.`,
      ],
    },
  );
  return input.deliveries.enqueue(
    staff.map((s) => ({
      key: `staff-alert:channel-inactive:${channel.id}:${s.id}:${now.toISOString().slice(0, 10)}`,
      programmeId: channel.programmeId,
      kind: "staff-alert",
      teamId: null,
      target: s.id,
      occasion: `channel-inactive:${channel.id}`,
      scheduledFor: now,
      payload: { message: alert },
    })),
    now,
  );
}
