import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the bot made: a Web API method (`chat.postMessage`) or a POST to a response_url (`response`). */
export type RecordedCall = {
  method: string;
  params: Record<string, unknown>;
  authorization?: string;
};

type Scripted = { status?: number; headers?: Record<string, string>; body?: Record<string, unknown> };

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
  reset(): void;
  close(): Promise<void>;
};

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const scripted = new Map<string, Scripted[]>();
  let seq = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const method = path.startsWith("/response") ? "response" : (path.split("/").pop() ?? "");
      calls.push({
        method,
        params: parseBody(raw, req.headers["content-type"]),
        authorization: req.headers.authorization,
      });
      const next = scripted.get(method)?.shift();
      const answer = next ?? { body: defaultAnswer(method, ++seq) };
      res.writeHead(answer.status ?? 200, { "content-type": "application/json", ...(answer.headers ?? {}) });
      res.end(JSON.stringify(answer.body ?? { ok: false, error: "fake_error" }));
    });
  });
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
    async waitFor(method, count = 1, timeoutMs = 3000) {
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
    reset() {
      calls.length = 0;
      scripted.clear();
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
      return { ok: true, channel: "C1", ts: `1700000000.${String(n).padStart(6, "0")}` };
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
