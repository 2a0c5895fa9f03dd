import type { IncomingMessage, ServerResponse } from "node:http";
import { DateTime } from "luxon";
import { z } from "zod";
import type { Reply } from "../../../core/commands/reply.js";
import { runAction, runCommand, submitForm } from "../../../core/commands/run-command.js";
import type { CoreDeps } from "../../../core/deps.js";
import { formatLocal, parseLocalTime } from "../../../core/programme/local-time.js";
import type { Conversation, Identity } from "../../../core/programme/resolve-actor.js";
import type { Programme } from "../../../core/programme/types.js";
import type { TickResult } from "../../../core/reminders/run-scheduler-tick.js";
import { quietNow } from "../../../core/reminders/send-when-allowed.js";
import { sendJson } from "../../../http/router.js";
import type { MessageStore } from "../message-store.js";
import type { OpenForms } from "../open-forms.js";
import { isPlaygroundClock } from "../playground-clock.js";
import { channelsFor, findPlaygroundProgramme, type PlaygroundPerson, VISITOR } from "../playground-directory.js";
import { quickJumps } from "../quick-jumps.js";
import { renderHtmlForm } from "../render/render-form.js";
import { suggestionsFor } from "../suggestions.js";
import { ApiError, readJson } from "./http-helpers.js";
import { toMessageView } from "./message-view.js";

export type PlaygroundContext = {
  deps: CoreDeps;
  store: MessageStore;
  forms: OpenForms;
  /** Runs the reminders scheduler once at the clock's current time. */
  runTick: (deps: CoreDeps) => Promise<TickResult>;
};

const key = z.string().trim().min(1).max(100);
const sendSchema = z.object({ as: key, channel: key, text: z.string().trim().min(1, "type a message").max(4000) });
const actionSchema = z.object({
  as: key,
  channel: key,
  action: key,
  value: z.string().max(500).optional(),
  /** The id of the message holding the pressed button, so the core can have it replaced. */
  source: z.number().int().positive().optional(),
});
const formSchema = z.object({ as: key, token: key, values: z.record(z.string(), z.string().max(10_000)) });
const clockSchema = z.object({ to: z.string().trim().min(10).max(40), as: key.optional() });

/** The JSON API under /playground/api/: thin conversions to runCommand / runAction / submitForm. */
export function playgroundApi(ctx: PlaygroundContext) {
  let jumping: Promise<unknown> = Promise.resolve();
  const routes: Record<string, (req: IncomingMessage, url: URL, programme: Programme) => Promise<unknown>> = {
    "GET state": async (_req, url, programme) => {
      const as = url.searchParams.get("as");
      const person = as ? await findPerson(ctx.deps, programme, as).catch(() => null) : null;
      return {
        programme: { name: programme.name, organisation: programme.organisation, timeZone: programme.timeZone },
        clock: clockInfo(ctx.deps, programme),
        quickJumps: await quickJumps(ctx.deps, programme, person),
      };
    },
    "GET channels": async (_req, url, programme) => {
      const person = await findPerson(ctx.deps, programme, url.searchParams.get("as"));
      const channels = await channelsFor(ctx.deps, programme, person);
      // Where this person starts: staff in the staff channel, a member in their team's channel.
      const home = channels.find((c) => c.purpose === (person.role === "staff" ? "staff" : "team")) ?? channels[0];
      return { person, channels, home: home?.id ?? null, suggestions: suggestionsFor(person.role) };
    },
    "GET messages": async (_req, url, programme) => {
      const person = await findPerson(ctx.deps, programme, url.searchParams.get("as"));
      const channel = await allowedChannel(ctx.deps, programme, person, url.searchParams.get("channel"));
      const after = Number(url.searchParams.get("after") ?? 0) || 0;
      const messages = ctx.store
        .list(channel.id, { viewer: person.key, after })
        .map((m) => toMessageView(m, person.key, programme.timeZone));
      return { messages, clock: clockInfo(ctx.deps, programme) };
    },
    "POST send": async (req, _url, programme) => {
      const input = await readJson(req, sendSchema);
      const { person, identity, conversation } = await caller(ctx.deps, programme, input);
      const at = ctx.deps.clock.now().toISOString();
      const reply = await runCommand(ctx.deps, { identity, conversation, text: input.text });
      // As with a Slack slash command: what you typed is seen by the others in the channel only when the
      // bot answers in the channel; a private answer (or a form) keeps your line private too.
      const shared = reply.type === "message" && reply.visibility !== "private";
      ctx.store.add({
        channel: conversation.externalId,
        at,
        author: { kind: "person", key: person.key, name: person.name },
        text: input.text,
        visibleTo: shared ? undefined : person.key,
      });
      return deliver(ctx, reply, person, conversation);
    },
    "POST action": async (req, _url, programme) => {
      const input = await readJson(req, actionSchema);
      const { person, identity, conversation } = await caller(ctx.deps, programme, input);
      const reply = await runAction(ctx.deps, { identity, conversation, action: input.action, value: input.value });
      const replaced = replaceSource(ctx, reply, person, conversation, input.source);
      return {
        ...deliver(ctx, reply, person, conversation),
        ...(replaced ? { replaced: toMessageView(replaced, person.key, programme.timeZone) } : {}),
      };
    },
    "POST form": async (req, _url, programme) => {
      const input = await readJson(req, formSchema);
      const open = ctx.forms.get(input.token);
      if (!open || open.as !== input.as) throw new ApiError(410, "This form has expired. Please open it again.");
      const { identity, conversation } = await caller(ctx.deps, programme, { as: open.as, channel: open.channel });
      const values = Object.fromEntries(open.view.form.fields.map((f) => [f.id, input.values[f.id] ?? ""]));
      const result = await submitForm(ctx.deps, {
        identity,
        conversation,
        formId: open.view.form.id,
        context: open.view.context,
        values,
      });
      if (!result.ok) {
        return { ok: false, errors: result.errors, html: renderHtmlForm({ ...open.view, values }, result.errors) };
      }
      ctx.forms.close(input.token);
      ctx.store.add({
        channel: open.channel,
        at: ctx.deps.clock.now().toISOString(),
        author: { kind: "bot" },
        message: result.confirmation,
        visibleTo: open.as,
      });
      return { ok: true };
    },
    "POST clock": async (req, _url, programme) => {
      const input = await readJson(req, clockSchema);
      const clock = ctx.deps.clock;
      if (!isPlaygroundClock(clock)) {
        throw new ApiError(409, "The clock only moves when no Slack or Teams workspace is connected.");
      }
      const to = parseLocalTime(input.to, programme.timeZone);
      if (!to || to.getUTCFullYear() < 2000 || to.getUTCFullYear() > 2100) {
        throw new ApiError(400, "Give a date and time like 2022-11-29T09:00.");
      }
      // One jump at a time: two overlapping scheduler runs would race for the same deliveries.
      const before = ctx.store.lastId();
      const run = jumping.then(async () => {
        clock.jumpTo(to);
        return ctx.runTick(ctx.deps);
      });
      jumping = run.catch(() => undefined);
      const tick = await run;
      // Tell the page which of the viewer's channels just received something, so it can point there.
      const person = input.as ? await findPerson(ctx.deps, programme, input.as) : null;
      const arrived = person
        ? (await channelsFor(ctx.deps, programme, person))
            .map((c) => ({
              channel: c.id,
              name: c.name,
              count: ctx.store.list(c.id, { viewer: person.key, after: before }).length,
            }))
            .filter((c) => c.count > 0)
        : [];
      return {
        clock: clockInfo(ctx.deps, programme),
        tick,
        arrived,
        quiet: quietNow(programme, ctx.deps.clock.now()),
        quickJumps: await quickJumps(ctx.deps, programme, person),
      };
    },
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const name = url.pathname.replace(/^\/playground\/api\//, "").replace(/\/$/, "");
    const route = routes[`${req.method} ${name}`];
    try {
      if (!route) throw new ApiError(404, "no such playground endpoint");
      const programme = await findPlaygroundProgramme(ctx.deps);
      if (!programme) throw new ApiError(503, "No programme is loaded yet. Import one with `cohort import`.");
      sendJson(res, 200, await route(req, url, programme));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      sendJson(res, error.status, { error: error.message });
    }
  };
}

function clockInfo(deps: CoreDeps, programme: Programme) {
  const now = deps.clock.now();
  return {
    now: now.toISOString(),
    label: formatLocal(now, programme.timeZone),
    /** For the page's datetime input, in the programme's zone. */
    wall: DateTime.fromJSDate(now, { zone: programme.timeZone }).toFormat("yyyy-LL-dd'T'HH:mm"),
    adjustable: isPlaygroundClock(deps.clock),
  };
}

async function findPerson(deps: CoreDeps, programme: Programme, as: string | null): Promise<PlaygroundPerson> {
  const member = as
    ? (await deps.programmes.findMembersByIdentity("local", as)).find((m) => m.programmeId === programme.id)
    : undefined;
  if (!member && as === VISITOR.key) return VISITOR;
  if (!member) throw new ApiError(404, "Pick who you are from the list first.");
  const team = member.teamId ? await deps.programmes.getTeam(member.teamId) : null;
  return {
    key: as as string,
    name: member.name,
    role: member.role,
    teamKey: team?.key ?? null,
    teamName: team?.name ?? null,
  };
}

async function allowedChannel(deps: CoreDeps, programme: Programme, person: PlaygroundPerson, id: string | null) {
  const channel = (await channelsFor(deps, programme, person)).find((c) => c.id === id);
  if (!channel) throw new ApiError(403, "You are not in that channel.");
  return channel;
}

async function caller(deps: CoreDeps, programme: Programme, input: { as: string; channel: string }) {
  const person = await findPerson(deps, programme, input.as);
  const channel = await allowedChannel(deps, programme, person, input.channel);
  const identity: Identity = { platform: "local", externalId: person.key, displayName: person.name };
  const conversation: Conversation = { platform: "local", externalId: channel.id, kind: channel.kind };
  return { person, identity, conversation };
}

/**
 * A decided join request: the card pressed on shows the decision in place of its buttons, as in Slack.
 * Only a message the presser can see in that channel; the page swaps it in from the `replaced` answer.
 */
function replaceSource(
  ctx: PlaygroundContext,
  reply: Reply,
  person: PlaygroundPerson,
  conversation: Conversation,
  source: number | undefined,
) {
  if (reply.type !== "message" || !reply.replaceSource || source === undefined) return null;
  const channel = conversation.externalId;
  const visible = ctx.store.list(channel, { viewer: person.key, after: source - 1 }).find((m) => m.id === source);
  return visible ? ctx.store.replace(channel, source, reply.replaceSource) : null;
}

/** Puts a reply where the person would see it: public in the channel, private to them, or a form to open. */
function deliver(ctx: PlaygroundContext, reply: Reply, person: PlaygroundPerson, conversation: Conversation) {
  if (reply.type === "form") {
    const token = ctx.forms.add({ view: reply.view, as: person.key, channel: conversation.externalId });
    return { form: { token, html: renderHtmlForm(reply.view) } };
  }
  ctx.store.add({
    channel: conversation.externalId,
    at: ctx.deps.clock.now().toISOString(),
    author: { kind: "bot" },
    message: reply.message,
    visibleTo: reply.visibility === "private" ? person.key : undefined,
  });
  return {};
}
