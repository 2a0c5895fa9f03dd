import type { IncomingMessage } from "node:http";
import type { z } from "zod";
import { readBody } from "../../../http/router.js";

/** An expected failure of a playground request: sent back as `{ error }` with this status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The playground has no login, so it refuses requests another web page could forge: a POST must be JSON
 * (a cross-site form cannot send that without a CORS preflight we never answer) and, when the browser
 * says where it came from, come from this same host.
 */
export function assertSameOrigin(req: IncomingMessage): void {
  const origin = req.headers.origin;
  if (!origin) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new ApiError(403, "cross-site request refused");
  }
  if (originHost !== req.headers.host) throw new ApiError(403, "cross-site request refused");
}

export async function readJson<T extends z.ZodType>(req: IncomingMessage, schema: T): Promise<z.infer<T>> {
  assertSameOrigin(req);
  if (!(req.headers["content-type"] ?? "").toLowerCase().startsWith("application/json")) {
    throw new ApiError(415, "send JSON (content-type: application/json)");
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readBody(req, 100_000));
  } catch {
    throw new ApiError(400, "the body is not valid JSON");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(400, `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}
