import { readFileSync } from "node:fs";
import fc from "fast-check";
import { signHeaders } from "../../support/slack-harness.js";
import { channelMention, invoke, MEMBER, personalMessage, STAFF, STRANGER } from "../../support/teams-activities.js";

/** One generated request: where it goes, its body and content type, and what it was made from. */
export type FuzzCase = { route: "/slack/events" | "/api/messages"; body: string; contentType?: string; from: string };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Mutation = { at: number; op: "set" | "delete"; value: Json };

const keyLike = fc.constantFrom("__proto__", "constructor", "id", "type", "value", "user", "channel", "event", "name");
const scalar: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 30 }),
  fc.constantFrom("", "null", "U0SPISTAFF1", "C0SPITWH", "tower-hamlets", "/cohort", "update", "help", "2022-11"),
);
/** Values that replace a field: wrong types, empty containers, prototype keys, nested junk. */
const junk: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), keyLike), scalar, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> },
);
/** Mostly a plausible string (the shape still fits, the content is odd), sometimes junk of any type. */
const replacement = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40, unit: "grapheme" }) as fc.Arbitrary<Json> },
  { weight: 2, arbitrary: junk },
);
const mutations = fc.array(
  fc.record({ at: fc.nat(), op: fc.constantFrom<Mutation["op"]>("set", "set", "set", "delete"), value: replacement }),
  { minLength: 0, maxLength: 3 },
);

/** A recorded payload with up to three fields replaced or removed (anywhere in its tree). */
function mutated(base: Json): fc.Arbitrary<Json> {
  return mutations.map((list) => {
    const copy = structuredClone(base);
    for (const m of list) {
      const paths = allPaths(copy);
      if (paths.length > 0) apply(copy, paths[m.at % paths.length] as (string | number)[], m);
    }
    return copy;
  });
}

function allPaths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [];
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...allPaths(child, [...prefix, key])]);
}

function apply(root: Json, path: (string | number)[], m: Mutation): void {
  let node = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  if (m.op === "delete") {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else Object.defineProperty(node, last, { value: m.value, enumerable: true, writable: true, configurable: true });
}

/** Every http(s) URL in a payload points at a local sink: nothing generated may reach a real host. */
function localUrls(value: Json, sink: string): Json {
  if (typeof value === "string") return /^\s*https?:/i.test(value) ? sink : value;
  if (Array.isArray(value)) return value.map((v) => localUrls(v, sink));
  if (value && typeof value === "object") {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, {
        value: localUrls(v, sink),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";
/** Mostly the content type Slack or Teams would send; sometimes another one, or none. */
function contentType(natural: string): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(natural) },
    { weight: 1, arbitrary: fc.constantFrom(FORM, JSON_TYPE, "text/plain", `${FORM}; charset=utf-8`, undefined) },
  );
}

const slackFixture = (name: string) => JSON.parse(readFileSync(`test/fixtures/slack/${name}`, "utf8")) as Json;
const rawPayloads = fc.oneof(
  fc.constantFrom("null", "[]", "1", '"x"', "{}", "", "{", "true", '{"type":null}', '{"type":"shortcut"}'),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 60 }),
);

/** Signed-able Slack bodies: mutated recorded payloads (interactivity, commands, events) and raw junk. */
export function slackCases(sink: string): fc.Arbitrary<FuzzCase> {
  const interaction = (name: string) =>
    mutated(slackFixture(name)).map((p) => `payload=${encodeURIComponent(JSON.stringify(localUrls(p, sink)))}`);
  const command = mutated(slackFixture("slash-command.json")).map((fields) => {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(localUrls(fields, sink) as Record<string, Json>)) {
      for (const item of Array.isArray(v) ? v : [v])
        form.append(k, typeof item === "string" ? item : JSON.stringify(item));
    }
    return form.toString();
  });
  const commandText = fc.string({ maxLength: 200, unit: "grapheme" }).map((text) =>
    new URLSearchParams({
      ...(slackFixture("slash-command.json") as Record<string, string>),
      response_url: sink,
      text,
    }).toString(),
  );
  const event = mutated(slackFixture("app-home-opened.json")).map((e) => JSON.stringify(e));
  const bodies: fc.Arbitrary<[string, string]>[] = [
    ...["block-actions.json", "view-submission.json", "view-closed.json"].map((n) =>
      interaction(n).map((b): [string, string] => [b, FORM]),
    ),
    command.map((b): [string, string] => [b, FORM]),
    commandText.map((b): [string, string] => [b, FORM]),
    rawPayloads.map((p): [string, string] => [`payload=${encodeURIComponent(p)}`, FORM]),
    fc.string({ maxLength: 120 }).map((b): [string, string] => [b, FORM]),
    event.map((b): [string, string] => [b, JSON_TYPE]),
    fc
      .string({ maxLength: 60 })
      .map((c): [string, string] => [JSON.stringify({ type: "url_verification", challenge: c }), JSON_TYPE]),
    rawPayloads.map((b): [string, string] => [b, JSON_TYPE]),
  ];
  return fc
    .oneof(...bodies)
    .chain(([body, natural]) =>
      contentType(natural).map((type) => ({ route: "/slack/events" as const, body, contentType: type, from: natural })),
    );
}

/** Bot Framework activities (messages, mentions, dialogs, installs) mutated, plus raw junk. */
export function teamsCases(serviceUrl: string): fc.Arbitrary<FuzzCase> {
  const teamsFixture = (name: string) => JSON.parse(readFileSync(`test/fixtures/teams/${name}`, "utf8")) as Json;
  const people = [MEMBER, STAFF, STRANGER];
  const recorded: Json[] = [
    personalMessage({ serviceUrl, id: "m1", from: MEMBER, text: "help" }),
    personalMessage({ serviceUrl, id: "m2", from: STAFF, text: "digest" }),
    channelMention({ serviceUrl, id: "m3", from: STAFF, text: "status", channelId: "19:tower-hamlets@thread.tacv2" }),
    invoke({
      serviceUrl,
      id: "m4",
      from: MEMBER,
      name: "task/fetch",
      data: { cohortAction: "update.open", cohortValue: "2022-11" },
    }),
    invoke({ serviceUrl, id: "m5", from: MEMBER, name: "task/submit", data: { formToken: "x", progress: "ok" } }),
    ...[
      "channel-mention.json",
      "conversation-update-bot-added.json",
      "installation-update-personal.json",
      "task-fetch-update.json",
    ].map(teamsFixture),
  ] as Json[];
  const activity = fc
    .tuple(fc.constantFrom(...recorded), fc.nat(), fc.string({ maxLength: 80, unit: "grapheme" }), fc.boolean())
    .chain(([base, who, text, withText]) => {
      const person = people[who % people.length];
      const seeded = {
        ...(base as Record<string, Json>),
        id: `fuzz-${who}`,
        from: person as Json,
        ...(withText ? { text } : {}),
      };
      return mutated(seeded).map((a) => JSON.stringify(localUrls(a, serviceUrl)));
    });
  return fc
    .oneof(
      { weight: 6, arbitrary: activity },
      { weight: 1, arbitrary: rawPayloads },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    )
    .chain((body) =>
      contentType(JSON_TYPE).map((type) => ({
        route: "/api/messages" as const,
        body,
        contentType: type,
        from: "activity",
      })),
    );
}

/** Sends one case, Slack ones correctly signed; resolves with the status (never throws for an HTTP answer). */
export async function send(baseUrl: string, c: FuzzCase): Promise<{ status: number; ms: number }> {
  const headers: Record<string, string> = c.contentType ? { "content-type": c.contentType } : {};
  if (c.route === "/slack/events") Object.assign(headers, signHeaders(c.body, "good"));
  const started = performance.now();
  const res = await fetch(`${baseUrl}${c.route}`, {
    method: "POST",
    headers,
    body: c.body,
    signal: AbortSignal.timeout(20_000),
  });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started };
}
