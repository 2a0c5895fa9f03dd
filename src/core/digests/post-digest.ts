import type { CoreDeps } from "../deps.js";
import { type Message, message, textMessage } from "../messages/message.js";
import { DeliveryError } from "../ports/chat-gateway.js";
import { formatLocal } from "../programme/local-time.js";
import type { Actor, Channel } from "../programme/types.js";
import { monthLabel } from "../updates/cycles.js";
import { buildDigest } from "./build-digest.js";
import { type DigestPost, lastDigestPost, recordDigestPost } from "./digest-posts.js";

/**
 * Staff pressed "Post to staff channels" on a preview: send the digest to every active staff channel of
 * the actor's own programme on a platform connected here, record it in the outbox and the audit log.
 * One digest per cycle: if this month's digest was already posted (by the scheduler or by someone),
 * nothing is sent until the person confirms with "Post again" (`again`), and the re-post is audited.
 */
export async function postDigest({
  deps,
  actor,
  month,
  again = false,
}: {
  deps: CoreDeps;
  actor: Actor;
  month: string;
  again?: boolean;
}): Promise<Message> {
  const programmeId = actor.programme.id;
  const label = monthLabel(month);
  const previous = await lastDigestPost({ deps, programmeId, month });
  if (previous && !again) return confirmRepost({ label, month, previous, timeZone: actor.programme.timeZone });

  // Channels on a platform this deployment has no gateway for are not its business (the scheduler does
  // not target them either), so they are not listed as failures.
  const channels = (await deps.programmes.listChannels(programmeId, { purpose: "staff" })).filter(
    (c) => c.active && deps.gateways[c.platform],
  );
  if (channels.length === 0)
    return textMessage(`The ${label} digest was not posted: this programme has no staff channel connected here.`);
  const digest = await buildDigest({ deps, programmeId, month });
  const posted: { channel: Channel; messageId: string }[] = [];
  const problems: string[] = [];
  for (const channel of channels) {
    const problem = await sendTo(deps, channel, digest, posted);
    if (problem) problems.push(`${channel.name || channel.externalId} (${problem})`);
  }
  const at = deps.clock.now();
  await recordDigestPost({ deps, actor, month, posted, at });
  const names = posted.map((p) => `${p.channel.name || p.channel.externalId} (${p.channel.platform})`);
  await deps.audit.record({
    programmeId,
    actor: actor.member.id,
    action: previous ? "digest.repost" : "digest.post",
    subject: month,
    details: {
      posted: names,
      problems,
      ...(previous ? { previous: { at: previous.at.toISOString(), by: previous.by } } : {}),
    },
  });
  if (posted.length === 0) return textMessage(`The ${label} digest was not posted: ${problems.join("; ")}.`);
  return textMessage(
    `Posted the ${label} digest${previous ? " again" : ""} to ${names.join(", ")}.${problems.length ? ` Not posted to: ${problems.join("; ")}.` : ""}`,
  );
}

/** Sends the digest to one channel; returns what went wrong, or null when it was posted. */
async function sendTo(
  deps: CoreDeps,
  channel: Channel,
  digest: Message,
  posted: { channel: Channel; messageId: string }[],
): Promise<string | null> {
  const gateway = deps.gateways[channel.platform];
  if (!gateway) return `${channel.platform} is not connected here`;
  try {
    const sent = await gateway.send(
      {
        platform: channel.platform,
        kind: "channel",
        externalId: channel.externalId,
        conversationRef: channel.conversationRef ?? undefined,
      },
      digest,
    );
    posted.push({ channel, messageId: sent.messageId });
    return null;
  } catch (error) {
    const reason = error instanceof DeliveryError ? error.reason : "unexpected error";
    deps.logger.warn({ err: error, channelId: channel.id }, "digest post failed");
    if (error instanceof DeliveryError && error.permanent)
      await deps.programmes.markChannelInactive(channel.id, reason);
    return reason;
  }
}

function confirmRepost(input: { label: string; month: string; previous: DigestPost; timeZone: string }): Message {
  const { label, month, previous } = input;
  const when = formatLocal(previous.at, input.timeZone);
  const where = previous.channels.length ? ` to ${previous.channels.join(", ")}` : "";
  return message(
    `The ${label} digest was already posted at ${when} by ${previous.by}${where}. Post it again?`,
    {
      type: "text",
      text: [`The ${label} digest was already posted at `, { bold: when }, " by ", { bold: previous.by }, `${where}.`],
    },
    { type: "text", text: "Post it again? Everyone in the staff channels will see a second copy." },
    {
      type: "actions",
      buttons: [{ action: "digest.post", label: "Post again", value: `${month}:again`, style: "danger" }],
    },
  );
}
