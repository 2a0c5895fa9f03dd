import type { IncomingMessage } from "node:http";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * True when the request names this machine in its Host header (`localhost`, `127.0.0.1` or `[::1]`,
 * any port). Pages without a login (the playground, its API, staff pages in playground mode) answer
 * only these: a page on a foreign name that resolves to 127.0.0.1 (DNS rebinding) is refused.
 */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.replace(/:\d+$/, "");
  return LOOPBACK_HOSTS.has(name.toLowerCase());
}

/**
 * For a state-changing request: the Origin (when the browser sends one) must be a loopback page too,
 * so a page on another site cannot post to the playground from the user's browser.
 */
export function isLoopbackOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return isLoopbackHost(new URL(origin).host);
  } catch {
    return false;
  }
}

export function isLoopbackRequest(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  const safe = req.method === "GET" || req.method === "HEAD";
  return isLoopbackHost(req.headers.host) && (safe || isLoopbackOrigin(Array.isArray(origin) ? origin[0] : origin));
}
