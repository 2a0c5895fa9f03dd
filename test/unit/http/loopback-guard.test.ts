import { describe, expect, it } from "vitest";
import { isLoopbackHost, isLoopbackOrigin } from "../../../src/http/loopback-guard.js";

describe("loopback guard", () => {
  it("accepts localhost, 127.0.0.1 and [::1] with any port, and nothing else", () => {
    for (const host of ["localhost", "LOCALHOST:3978", "127.0.0.1", "127.0.0.1:1", "[::1]", "[::1]:3978"]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    const foreign = [
      undefined,
      "",
      "rebind.evil.example",
      "rebind.evil.example:3978",
      "localhost.evil.example",
      "127.0.0.1.nip.io",
      "[::1]evil",
      "[::1]:3978x",
      "127.0.0.2",
      "0.0.0.0",
      "localhost:",
      "::1",
    ];
    for (const host of foreign) expect(isLoopbackHost(host), String(host)).toBe(false);
  });

  it("accepts no Origin (not a browser) or a loopback page; refuses null, other sites and other schemes", () => {
    for (const origin of [undefined, "http://localhost:3978", "http://127.0.0.1:5173", "https://[::1]"]) {
      expect(isLoopbackOrigin(origin), String(origin)).toBe(true);
    }
    for (const origin of ["null", "https://evil.example", "http://rebind.evil.example:3978", "file://localhost", ""]) {
      expect(isLoopbackOrigin(origin), origin).toBe(false);
    }
  });
});
