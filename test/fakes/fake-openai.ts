import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeReply = { status?: number; content?: string; delayMs?: number; body?: unknown };

/**
 * A local OpenAI-compatible server: POST /v1/chat/completions answers with whatever `reply` returns
 * (a chat completion with `content`, an error status, or a delay). Records every request body.
 */
export async function startFakeOpenAi(
  reply: (request: { messages: { role: string; content: string }[] }) => FakeReply,
) {
  const requests: { messages: { role: string; content: string }[]; model: string; authorization?: string }[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(raw);
      requests.push({ ...body, authorization: req.headers.authorization });
      const r = reply(body);
      const send = () => {
        if (res.destroyed) return;
        const status = r.status ?? 200;
        const payload =
          r.body ??
          (status === 200
            ? {
                id: "chatcmpl-fake",
                object: "chat.completion",
                created: 0,
                model: body.model,
                choices: [
                  { index: 0, finish_reason: "stop", message: { role: "assistant", content: r.content ?? "" } },
                ],
              }
            : { error: { message: "fake failure", type: "server_error" } });
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
      };
      if (r.delayMs) setTimeout(send, r.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
