import type { IncomingMessage, ServerResponse } from "node:http";

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** One route: exact path, or a prefix when `path` ends with "/*". */
export type Route = { method: "GET" | "POST" | "*"; path: string; handler: Handler };

/** A deliberately small router: the platforms bring their own request handling (Bolt, Teams SDK). */
export function matchRoute(routes: Route[], method: string, pathname: string): Route | undefined {
  return routes.find((r) => {
    if (r.method !== "*" && r.method !== method) return false;
    if (r.path.endsWith("/*")) return pathname.startsWith(r.path.slice(0, -1));
    return r.path === pathname;
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, body: string, type = "text/plain; charset=utf-8"): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** Reads a request body up to a limit (platform payloads are small; refuse anything huge). */
export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  return (await readRawBody(req, limit)).toString("utf8");
}

/** The body's bytes, exactly as sent (signatures are computed over them). */
export async function readRawBody(req: IncomingMessage, limit = 1_000_000): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw Object.assign(new Error("request body too large"), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
