import { parse as parseQuery } from "node:querystring";
import { z } from "zod";

/**
 * The shapes of signed request this app handles, checked before Bolt sees them. Bolt trusts a signed
 * body: `payload=null` threw inside its receiver (an unhandled rejection that took the process down),
 * `channel: null` or a form field named `event` throw inside its router (a 500), and a shape no listener
 * matches holds the request for 3 s before a 404. Anything outside these shapes gets a 400 at once.
 * The keys Bolt uses to tell request kinds apart (`event`, `command`, `name`, `actions`) must be absent
 * where they would make Bolt route the body elsewhere.
 */
const id = z.string().min(1).max(255);
const absent = z.never().optional();
const httpsUrl = z.url({ protocol: /^https?$/ });
const user = z.looseObject({
  id,
  username: z.string().optional(),
  name: z.string().optional(),
  team_id: z.string().optional(),
});
const team = z.looseObject({ id, enterprise_id: z.string().optional() }).nullable().optional();
const enterprise = z.looseObject({ id }).nullable().optional();
const notOtherKinds = { event: absent, command: absent, name: absent, function_data: absent };

/** `/cohort …` (form fields; a repeated field arrives as an array, which is refused). */
const slashCommand = z.looseObject({
  command: z.string().regex(/^\/cohort/),
  text: z.string().max(8_000).optional(),
  user_id: id,
  user_name: z.string().optional(),
  channel_id: id,
  team_id: z.string().optional(),
  enterprise_id: z.string().optional(),
  is_enterprise_install: z.string().optional(),
  trigger_id: id,
  response_url: httpsUrl.optional(),
  event: absent,
});

const blockActions = z.looseObject({
  ...notOtherKinds,
  type: z.literal("block_actions"),
  user,
  team,
  enterprise,
  trigger_id: id,
  response_url: httpsUrl.optional(),
  channel: z.looseObject({ id }).optional(),
  actions: z
    .array(
      z.looseObject({
        action_id: id,
        type: z.string(),
        block_id: z.string().optional(),
        value: z.string().max(2_000).optional(),
        url: z.string().optional(),
      }),
    )
    .min(1)
    .max(25),
});

const inputState = z.looseObject({
  type: z.string().optional(),
  value: z.string().nullable().optional(),
  selected_option: z.looseObject({ value: z.string() }).nullable().optional(),
});

const viewAction = z.looseObject({
  ...notOtherKinds,
  actions: absent,
  type: z.enum(["view_submission", "view_closed"]),
  user,
  team,
  enterprise,
  response_url: httpsUrl.optional(),
  response_urls: z.array(z.looseObject({ response_url: httpsUrl })).optional(),
  view: z.looseObject({
    id,
    callback_id: id,
    hash: z.string().optional(),
    private_metadata: z.string().max(3_000).optional(),
    app_installed_team_id: z.string().optional(),
    state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), inputState)) }),
    blocks: z.array(z.looseObject({ type: z.string(), block_id: z.string().optional() })).max(100),
  }),
});

/** Events API callbacks: the app subscribes to app_home_opened only (manifest/slack/manifest.yaml). */
const eventCallback = z.looseObject({
  type: z.literal("event_callback"),
  team_id: z.string().optional(),
  enterprise_id: z.string().nullable().optional(),
  event_id: z.string().optional(),
  authorizations: z
    .array(
      z.looseObject({
        team_id: z.string().nullable().optional(),
        enterprise_id: z.string().nullable().optional(),
        is_enterprise_install: z.boolean().optional(),
      }),
    )
    .optional(),
  event: z.looseObject({
    type: id,
    user: z.string().optional(),
    channel: z.string().optional(),
    tab: z.string().optional(),
    channel_id: absent,
    item: absent,
    subteam: absent,
  }),
});

const urlVerification = z.looseObject({ type: z.literal("url_verification"), challenge: z.string().max(1_000) });

export type SlackRequestKind = "ssl_check" | "command" | "interaction" | "event" | "url_verification" | "rate_limited";
export type SlackRequestCheck = { ok: true; kind: SlackRequestKind } | { ok: false; reason: string };

/** Classifies a raw body exactly as Bolt will parse it (same content-type rule, same `payload` field). */
export function checkSlackRequest(rawBody: string, contentType: string | undefined): SlackRequestCheck {
  if (contentType === "application/x-www-form-urlencoded") {
    const form = parseQuery(rawBody);
    if (form.ssl_check === "1") return { ok: true, kind: "ssl_check" };
    if (form.payload === undefined) return shape(slashCommand, form, "command", "slash command");
    if (typeof form.payload !== "string") return { ok: false, reason: "payload given more than once" };
    const payload = parseJson(form.payload);
    if (!isRecord(payload)) return { ok: false, reason: "payload is not a JSON object" };
    if (payload.type === "block_actions") return shape(blockActions, payload, "interaction", "block_actions payload");
    if (payload.type === "view_submission" || payload.type === "view_closed") {
      return shape(viewAction, payload, "interaction", `${payload.type} payload`);
    }
    return { ok: false, reason: `interaction type ${describeType(payload.type)} is not one this app handles` };
  }
  const body = parseJson(rawBody);
  if (!isRecord(body)) return { ok: false, reason: "body is not a JSON object" };
  if (body.type === "event_callback") return shape(eventCallback, body, "event", "event callback");
  if (body.type === "url_verification") return shape(urlVerification, body, "url_verification", "url_verification");
  if (body.type === "app_rate_limited") return { ok: true, kind: "rate_limited" };
  return { ok: false, reason: `request type ${describeType(body.type)} is not one this app handles` };
}

function shape(schema: z.ZodType, value: unknown, kind: SlackRequestKind, what: string): SlackRequestCheck {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, kind };
  const issue = result.error.issues[0];
  return { ok: false, reason: `malformed ${what}: ${issue?.path.join(".") || "body"} ${issue?.message ?? "invalid"}` };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describeType(type: unknown): string {
  return typeof type === "string" ? JSON.stringify(type.slice(0, 40)) : `(${type === null ? "null" : typeof type})`;
}
