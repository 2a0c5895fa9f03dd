import { describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/core/ports/clock.js";
import { resolveChartSecret } from "../../../src/web/chart-images/chart-secret.js";
import { createChartUrlSigner } from "../../../src/web/chart-images/chart-url-signer.js";

const secret = Buffer.from("k".repeat(32));

describe("signed chart links", () => {
  const signer = createChartUrlSigner({
    publicUrl: "https://bot.example.org/",
    secret,
    clock: fixedClock("2022-12-01T09:00:00Z"),
  });
  const link = new URL(signer.links.digestChart({ programmeId: "prog1", month: "2022-11" }));

  it("point at the public URL and verify", () => {
    expect(link.origin + link.pathname).toBe("https://bot.example.org/charts/digest/prog1/2022-11.png");
    expect(signer.verify(link)).toEqual({ programmeId: "prog1", month: "2022-11" });
  });

  it("refuse a changed month, programme, expiry or signature", () => {
    const other = (from: string, to: string) => new URL(link.href.replace(from, to));
    expect(signer.verify(other("2022-11.png", "2022-10.png"))).toBeNull();
    expect(signer.verify(other("/prog1/", "/prog2/"))).toBeNull();
    const exp = link.searchParams.get("exp") as string;
    expect(signer.verify(other(`exp=${exp}`, `exp=${Number(exp) + 1}`))).toBeNull();
    expect(signer.verify(other("sig=", "sig=x"))).toBeNull();
  });

  it("refuse a link after 30 days, or signed with another key", () => {
    const later = createChartUrlSigner({
      publicUrl: "https://bot.example.org",
      secret,
      clock: fixedClock("2022-12-31T09:00:01Z"),
    });
    expect(later.verify(link)).toBeNull();
    const otherKey = createChartUrlSigner({
      publicUrl: "https://bot.example.org",
      secret: Buffer.from("z".repeat(32)),
      clock: fixedClock("2022-12-01T09:00:00Z"),
    });
    expect(otherKey.verify(link)).toBeNull();
  });

  it("take the key from CHART_URL_SECRET, else derive it from the platform secret, else a random one", () => {
    expect(resolveChartSecret({ CHART_URL_SECRET: "s".repeat(32) }).source).toBe("CHART_URL_SECRET");
    const a = resolveChartSecret({ SLACK_SIGNING_SECRET: "abc" });
    expect(a.source).toBe("derived");
    expect(a.secret.equals(resolveChartSecret({ SLACK_SIGNING_SECRET: "abc" }).secret)).toBe(true);
    expect(a.secret.equals(Buffer.from("abc"))).toBe(false);
    expect(resolveChartSecret({}).source).toBe("random");
  });
});
