import { z } from "zod";

/**
 * The shape of an activity the adapter reads (activity-context.ts's InboundActivity), checked before the
 * Teams SDK sees it. The SDK trusts the body: a `serviceUrl` that is not a string, or a `from` without
 * an id, throws inside it and becomes a 500. In the unauthenticated local mode anyone on this machine can
 * post anything, so what does not fit gets a 400 at once instead.
 */
const id = z.string().min(1).max(1_000);
const optionalText = z.string().max(1_000).optional();
const idRef = z.looseObject({ id: optionalText, name: optionalText });

const activityShape = z.looseObject({
  type: z.string().min(1).max(100),
  id: optionalText,
  name: optionalText,
  text: z.string().max(28_000).optional(),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  channelId: optionalText,
  from: z.looseObject({ id, name: optionalText, aadObjectId: optionalText }),
  recipient: z.looseObject({ id, name: optionalText }),
  conversation: z.looseObject({
    id,
    conversationType: optionalText,
    tenantId: optionalText,
    name: optionalText,
    isGroup: z.boolean().optional(),
  }),
  channelData: z
    .looseObject({ tenant: idRef.optional(), team: idRef.optional(), channel: idRef.optional() })
    .optional(),
  entities: z
    .array(z.looseObject({ type: optionalText, text: z.string().max(1_000).optional(), mentioned: idRef.optional() }))
    .max(50)
    .optional(),
  membersAdded: z.array(z.looseObject({ id })).max(500).optional(),
  membersRemoved: z.array(z.looseObject({ id })).max(500).optional(),
});

/** Null when the body fits; otherwise a short reason for the 400 and the log line. */
export function activityProblem(body: unknown): string | null {
  const result = activityShape.safeParse(body);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return `malformed activity: ${issue?.path.join(".") || "body"} ${issue?.message ?? "invalid"}`;
}
