import type { CoreDeps } from "../deps.js";
import type { Delivery } from "../outbox/delivery-store.js";
import type { Actor, Channel } from "../programme/types.js";

/** The outbox kind of a digest a staff member posted (the scheduled one is "cycle-digest"). */
export const MANUAL_DIGEST_KIND = "digest-post";

/** An earlier post of a month's digest: when, by whom ("Cohort Bot" for the scheduled one), where. */
export type DigestPost = { at: Date; by: string; channels: string[] };

type PostPayload = { month?: string; byName?: string; channelName?: string };

/**
 * The latest post of one month's digest in a programme, scheduled or by hand, from the outbox (both
 * kinds are recorded there as sent rows), or null if it has not been posted.
 */
export async function lastDigestPost(input: {
  deps: CoreDeps;
  programmeId: string;
  month: string;
  /** Only posts by staff (the scheduler asks this before its own post, which goes out channel by channel). */
  byStaffOnly?: boolean;
  /** Only posts made at or after this time (the scheduler: the due date, so an early, incomplete post does not count). */
  since?: Date;
}): Promise<DigestPost | null> {
  const { deps, programmeId, month } = input;
  if (!deps.deliveries) return null;
  const rows = (
    await deps.deliveries.list({
      programmeId,
      statuses: ["sent"],
      kinds: input.byStaffOnly ? [MANUAL_DIGEST_KIND] : ["cycle-digest", MANUAL_DIGEST_KIND],
      limit: 1000,
    })
  ).filter(
    (d) => (d.payload as PostPayload | null)?.month === month && d.sentAt && (!input.since || d.sentAt >= input.since),
  );
  if (rows.length === 0) return null;
  const latest = rows.reduce((a, b) => ((b.sentAt as Date) > (a.sentAt as Date) ? b : a));
  // One post reaches several channels within the same second or so: report them together.
  const sameRun = rows.filter(
    (d) =>
      d.kind === latest.kind && Math.abs((d.sentAt as Date).getTime() - (latest.sentAt as Date).getTime()) < 60_000,
  );
  return {
    at: latest.sentAt as Date,
    by: postedBy(latest),
    channels: await channelNames(deps, sameRun),
  };
}

function postedBy(d: Delivery): string {
  if (d.kind === "cycle-digest") return "Cohort Bot (the scheduled digest)";
  return (d.payload as PostPayload | null)?.byName ?? "a staff member";
}

async function channelNames(deps: CoreDeps, rows: Delivery[]): Promise<string[]> {
  const names = new Set<string>();
  for (const d of rows) {
    const stored = (d.payload as PostPayload | null)?.channelName;
    const channel = stored ? null : await deps.programmes.getChannel(d.target);
    names.add(stored ?? channel?.name ?? channel?.externalId ?? d.target);
  }
  return [...names];
}

/** Records a staff member's post of a digest to these channels as sent outbox rows. */
export async function recordDigestPost(input: {
  deps: CoreDeps;
  actor: Actor;
  month: string;
  posted: { channel: Channel; messageId: string }[];
  at: Date;
}): Promise<void> {
  const { deps, actor, month, posted, at } = input;
  if (!deps.deliveries || posted.length === 0) return;
  const stamp = at.toISOString();
  await deps.deliveries.recordSent(
    posted.map(({ channel, messageId }) => ({
      key: `${MANUAL_DIGEST_KIND}:${month}:${channel.id}@${stamp}:${actor.member.id}`,
      programmeId: actor.programme.id,
      kind: MANUAL_DIGEST_KIND,
      teamId: null,
      target: channel.id,
      occasion: `digest:${month}/by:${actor.member.id}@${stamp}`,
      scheduledFor: at,
      payload: {
        month,
        byName: actor.member.name,
        by: actor.member.id,
        channelName: channel.name || channel.externalId,
      },
      sentAt: at,
      platformMessageId: messageId,
    })),
  );
}
