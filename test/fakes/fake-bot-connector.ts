import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the bot made to the connector. */
export type ConnectorCall = { method: string; path: string; body: Record<string, unknown>; authorization?: string };

type Failure = { status: number; body?: unknown; headers?: Record<string, string> };

/**
 * A stand-in for the Bot Framework Connector (the `serviceUrl` of every activity): records replies and
 * proactive sends to /v3/conversations/..., answers with ids, and fails on demand (403, 429, 500) for a
 * conversation id so gateway error handling can be tested without Microsoft.
 */
export async function startFakeBotConnector() {
  const calls: ConnectorCall[] = [];
  const failures = new Map<string, Failure>();
  let created = 0;
  let sent = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const path = decodeURIComponent(req.url ?? "/");
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      calls.push({ method: req.method ?? "GET", path, body, authorization: req.headers.authorization });
      const failure = [...failures.entries()].find(([pattern]) => path.includes(pattern))?.[1];
      if (failure) {
        res.writeHead(failure.status, { "content-type": "application/json", ...failure.headers });
        res.end(JSON.stringify(failure.body ?? { error: { code: "Failure", message: "fake failure" } }));
        return;
      }
      res.setHeader("content-type", "application/json");
      if (req.method === "POST" && path === "/v3/conversations") {
        created += 1;
        res.end(JSON.stringify({ id: `a:created-${created}`, activityId: "" }));
        return;
      }
      sent += 1;
      res.end(JSON.stringify({ id: `sent-${sent}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    /** Activities posted into conversations (replies and proactive sends). */
    activities: () => calls.filter((c) => c.method === "POST" && /\/v3\/conversations\/[^/]+\/activities/.test(c.path)),
    /** Makes every request whose path contains `pattern` fail with this answer until cleared. */
    failFor(pattern: string, failure: Failure) {
      failures.set(pattern, failure);
    },
    reset() {
      calls.length = 0;
      failures.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeBotConnector = Awaited<ReturnType<typeof startFakeBotConnector>>;
