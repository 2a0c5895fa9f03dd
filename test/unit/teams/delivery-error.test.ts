import { describe, expect, it } from "vitest";
import { toDeliveryError } from "../../../src/platforms/teams/delivery-error.js";

const http = (status: number, data?: unknown, headers: Record<string, string> = {}) => ({
  response: { status, data, headers },
});

describe("Teams send failures → DeliveryError", () => {
  it.each([
    [http(403, { error: { code: "BotNotInConversationRoster" } }), true],
    [http(400, { error: { code: "MessageWritesBlocked" } }), true],
    [http(404), true],
    [http(403), true],
    [http(500), false],
    [http(502), false],
    [http(401), false],
    [{ code: "ECONNREFUSED" }, false],
  ])("%j → permanent %s", (error, permanent) => {
    expect(toDeliveryError(error).permanent).toBe(permanent);
  });

  it("429 carries Retry-After in milliseconds", () => {
    const error = toDeliveryError(http(429, undefined, { "retry-after": "3" }));
    expect(error).toMatchObject({ permanent: false, retryAfterMs: 3000 });
  });
});
