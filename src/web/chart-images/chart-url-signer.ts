import { createHmac, timingSafeEqual } from "node:crypto";
import type { ChartLinks } from "../../core/ports/chart-links.js";
import type { Clock } from "../../core/ports/clock.js";

/** How long a picture link in a chat message keeps working. */
export const CHART_LINK_TTL_MS = 30 * 86_400_000;

const PATH = /^\/charts\/digest\/([A-Za-z0-9_-]{1,64})\/(\d{4}-\d{2})\.png$/;

export type ChartUrlSigner = {
  links: ChartLinks;
  /** The chart a request asks for when its signature is valid and unexpired; null otherwise. */
  verify(url: URL): { programmeId: string; month: string } | null;
};

/**
 * Signed, expiring links to chart pictures: `<PUBLIC_URL>/charts/digest/<programme id>/<YYYY-MM>.png
 * ?exp=<unix seconds>&sig=<HMAC-SHA256>`. Slack's and Teams' servers fetch them without logging in, so
 * the signature is the only credential: it covers the chart and the expiry, and is compared in
 * constant time.
 */
export function createChartUrlSigner(input: {
  publicUrl: string;
  secret: Buffer;
  clock: Clock;
  ttlMs?: number;
}): ChartUrlSigner {
  const base = input.publicUrl.replace(/\/+$/, "");
  const sign = (programmeId: string, month: string, exp: number) =>
    createHmac("sha256", input.secret).update(`digest-chart\n${programmeId}\n${month}\n${exp}`).digest("base64url");
  return {
    links: {
      digestChart({ programmeId, month }) {
        const exp = Math.floor((input.clock.now().getTime() + (input.ttlMs ?? CHART_LINK_TTL_MS)) / 1000);
        const path = `/charts/digest/${encodeURIComponent(programmeId)}/${encodeURIComponent(month)}.png`;
        return `${base}${path}?exp=${exp}&sig=${sign(programmeId, month, exp)}`;
      },
    },
    verify(url) {
      const match = PATH.exec(url.pathname);
      const exp = Number(url.searchParams.get("exp"));
      const given = url.searchParams.get("sig") ?? "";
      if (!match || !Number.isInteger(exp) || !given) return null;
      const [, programmeId, month] = match as unknown as [string, string, string];
      const expected = Buffer.from(sign(programmeId, month, exp));
      const actual = Buffer.from(given);
      if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
      if (exp * 1000 <= input.clock.now().getTime()) return null;
      return { programmeId, month };
    },
  };
}
