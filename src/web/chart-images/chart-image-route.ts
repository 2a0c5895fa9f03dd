import type { CoreDeps } from "../../core/deps.js";
import type { Route } from "../../http/router.js";
import { sendJson } from "../../http/router.js";
import type { ChartUrlSigner } from "./chart-url-signer.js";
import { renderDigestChart } from "./digest-chart.js";

const CACHE_MS = 10 * 60_000;
const CACHE_MAX = 32;

/**
 * GET /charts/digest/<programme id>/<YYYY-MM>.png?exp=…&sig=…: the digest's picture for Slack and Teams,
 * which fetch it without logging in. A bad or expired signature is a plain 404, like any unknown path.
 * Pictures are kept for ten minutes: each chat client fetching the same digest costs one render.
 */
export function chartImageRoute({ deps, signer }: { deps: CoreDeps; signer: ChartUrlSigner }): Route {
  const cache = new Map<string, { at: number; png: Promise<Buffer | null> }>();
  return {
    method: "GET",
    path: "/charts/*",
    async handler(req, res) {
      const chart = signer.verify(new URL(req.url ?? "/", "http://localhost"));
      if (!chart) return sendJson(res, 404, { error: "not_found" });
      const key = `${chart.programmeId}:${chart.month}`;
      const now = performance.now();
      let hit = cache.get(key);
      if (!hit || now - hit.at > CACHE_MS) {
        if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
        hit = { at: now, png: renderDigestChart(deps, chart) };
        cache.set(key, hit);
        hit.png.catch(() => cache.delete(key));
      }
      const png = await hit.png;
      if (!png) return sendJson(res, 404, { error: "not_found" });
      res.writeHead(200, {
        "content-type": "image/png",
        "content-length": png.length,
        "cache-control": "private, max-age=3600",
        "x-content-type-options": "nosniff",
      });
      res.end(png);
    },
  };
}
