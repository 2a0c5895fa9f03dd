import type { CoreDeps } from "../deps.js";
import { type Message, textMessage } from "../messages/message.js";
import { DeliveryError } from "../ports/chat-gateway.js";
import type { Actor } from "../programme/types.js";
import { monthLabel } from "../updates/cycles.js";
import { buildDigest } from "./build-digest.js";

/**
 * Staff pressed "Post to staff channels" on a preview: send the digest to every active staff channel of
 * the actor's own programme through the platform gateways, and audit it. Channels whose platform is not
 * connected in this deployment are reported, not silently skipped.
 */
export async function postDigest({
  deps,
  actor,
  month,
}: {
  deps: CoreDeps;
  actor: Actor;
  month: string;
}): Promise<Message> {
  const programmeId = actor.programme.id;
  const digest = await buildDigest({ deps, programmeId, month });
  const channels = (await deps.programmes.listChannels(programmeId, { purpose: "staff" })).filter((c) => c.active);
  const posted: string[] = [];
  const problems: string[] = [];
  for (const channel of channels) {
    const name = channel.name || channel.externalId;
    const gateway = deps.gateways[channel.platform];
    if (!gateway) {
      problems.push(`${name} (${channel.platform} is not connected here)`);
      continue;
    }
    try {
      await gateway.send(
        {
          platform: channel.platform,
          kind: "channel",
          externalId: channel.externalId,
          conversationRef: channel.conversationRef ?? undefined,
        },
        digest,
      );
      posted.push(`${name} (${channel.platform})`);
    } catch (error) {
      const reason = error instanceof DeliveryError ? error.reason : "unexpected error";
      deps.logger.warn({ err: error, channelId: channel.id }, "digest post failed");
      if (error instanceof DeliveryError && error.permanent)
        await deps.programmes.markChannelInactive(channel.id, reason);
      problems.push(`${name} (${reason})`);
    }
  }
  await deps.audit.record({
    programmeId,
    actor: actor.member.id,
    action: "digest.post",
    subject: month,
    details: { posted, problems },
  });
  const label = monthLabel(month);
  if (posted.length === 0)
    return textMessage(
      `The ${label} digest was not posted: ${problems.length ? problems.join("; ") : "this programme has no active staff channel"}.`,
    );
  return textMessage(
    `Posted the ${label} digest to ${posted.join(", ")}.${problems.length ? ` Not posted to: ${problems.join("; ")}.` : ""}`,
  );
}
