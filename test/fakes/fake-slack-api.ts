import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the bot made: a Web API method (`chat.postMessage`) or a POST to a response_url (`response`). */
export type RecordedCall = {
  method: string;
  params: Record<string, unknown>;
  authorization?: string;
  /** HTTP status answered; 0 when the call was never answered (`hang`). */
  status: number;
  /** Slack did what was asked (2xx and ok:true). */
  ok: boolean;
  /** What Slack answered (kept for accepted posts: their ts). */
  answer?: Record<string, unknown>;
};

/** `hang`: hold the request without answering (a timeout at the client); it counts as never processed. */
type Scripted = { status?: number; headers?: Record<string, string>; body?: Record<string, unknown>; hang?: boolean };

/**
 * A stand-in for Slack's Web API on 127.0.0.1: records every call (form-encoded or JSON, with nested
 * JSON fields such as `view` and `blocks` decoded), answers like Slack does, and can be told to fail
 * the next calls to a method with a 429 + Retry-After, a 5xx or an `ok:false` error.
 */
export type FakeSlackApi = {
  /** Base for SLACK_API_URL, ending in /api/. */
  url: string;
  /** A response_url whose POSTs are recorded as method "response". */
  responseUrl: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  failNext(method: string, answer: Scripted, times?: number): void;
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /**
   * Slack's processing time for a method: each request waits this long, then is recorded and answered
   * (so a message counts as posted only once it is fully processed, as on Slack).
   */
  setDelay(method: string, ms: number): void;
  /** Called as each request arrives, before the delay (e.g. to crash the bot mid-batch). */
  onArrival(hook: ((method: string, arrived: number) => void) | undefined): void;
  /** Successful (2xx, ok:true) calls to a method: what Slack really did. */
  accepted(method: string): RecordedCall[];
  reset(): void;
  close(): Promise<void>;
};

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const scripted = new Map<string, Scripted[]>();
  const delays = new Map<string, number>();
  const arrivals = new Map<string, number>();
  let arrivalHook: ((method: string, arrived: number) => void) | undefined;
  let seq = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const method = path.startsWith("/response") ? "response" : (path.split("/").pop() ?? "");
      const arrived = (arrivals.get(method) ?? 0) + 1;
      arrivals.set(method, arrived);
      arrivalHook?.(method, arrived);
      const next = scripted.get(method)?.shift();
      const delay = delays.get(method) ?? 0;
      if (delay > 0 && !next?.hang) await new Promise((r) => setTimeout(r, delay));
      const call: RecordedCall = {
        method,
        params: parseBody(raw, req.headers["content-type"]),
        authorization: req.headers.authorization,
        status: 0,
        ok: false,
      };
      calls.push(call);
      if (next?.hang) return; // never answered; closeAllConnections() ends it
      const answer = next ?? {
        body: method === "conversations.history" ? history(call.params) : defaultAnswer(method, ++seq),
      };
      call.status = answer.status ?? 200;
      call.ok = call.status < 300 && answer.body?.ok === true;
      if (call.ok && method === "chat.postMessage") call.answer = answer.body;
      res.writeHead(answer.status ?? 200, { "content-type": "application/json", ...(answer.headers ?? {}) });
      res.end(JSON.stringify(answer.body ?? { ok: false, error: "fake_error" }));
    });
  });
  /** Like Slack: the channel's accepted posts, newest first, with metadata when include_all_metadata is set. */
  function history(params: Record<string, unknown>): Record<string, unknown> {
    const oldest = Number(params.oldest ?? 0);
    const messages = calls
      .filter((c) => c.method === "chat.postMessage" && c.ok && c.params.channel === params.channel)
      .map((c) => ({
        ts: String(c.answer?.ts ?? ""),
        text: c.params.text,
        ...(String(params.include_all_metadata) === "true" && c.params.metadata ? { metadata: c.params.metadata } : {}),
      }))
      .filter((m) => Number(m.ts) >= oldest)
      .reverse();
    return { ok: true, messages, has_more: false };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    url: `${base}/api/`,
    responseUrl: `${base}/response/commands/T1/1/abc`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext(method, answer, times = 1) {
      const list = scripted.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push(answer);
      scripted.set(method, list);
    },
    // Returns as soon as the calls are there; the default only bounds a failing wait (30 s: a loaded
    // machine can take seconds to deliver a call that is on its way).
    async waitFor(method, count = 1, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.filter((c) => c.method === method);
        if (found.length >= count) return found;
        if (Date.now() > until)
          throw new Error(
            `expected ${count} ${method} call(s), saw ${found.length}: ${calls.map((c) => c.method).join(", ")}`,
          );
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    setDelay(method, ms) {
      delays.set(method, ms);
    },
    onArrival(hook) {
      arrivalHook = hook;
    },
    accepted: (method) => calls.filter((c) => c.method === method && c.ok),
    reset() {
      calls.length = 0;
      scripted.clear();
      delays.clear();
      arrivals.clear();
      arrivalHook = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function defaultAnswer(method: string, n: number): Record<string, unknown> {
  switch (method) {
    case "auth.test":
      return { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1", url: "https://fake.slack.com/" };
    case "views.open":
    case "views.publish":
    case "views.update":
      return { ok: true, view: { id: `V${n}` } };
    case "chat.postMessage":
      // Real-looking timestamps (now), so history look-ups bounded by `oldest` find them.
      return { ok: true, channel: "C1", ts: `${Math.floor(Date.now() / 1000)}.${String(n).padStart(6, "0")}` };
    default:
      return { ok: true };
  }
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return params;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
