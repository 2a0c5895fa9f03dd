import { hkdfSync, randomBytes } from "node:crypto";

export type ChartSecretEnv = { CHART_URL_SECRET?: string; SLACK_SIGNING_SECRET?: string; CLIENT_SECRET?: string };

/**
 * The key that signs chart picture links. Every replica of a deployment must use the same one, so it
 * comes from the environment: CHART_URL_SECRET when set (32+ characters; rotate it to revoke every link);
 * otherwise derived (HKDF-SHA256, its own label) from the deployment's Slack signing secret or Teams
 * client secret, which every replica already shares; failing both (a playground with PUBLIC_URL), a
 * random key per process, so links stop working at the next restart.
 */
export function resolveChartSecret(env: ChartSecretEnv): {
  secret: Buffer;
  source: "CHART_URL_SECRET" | "derived" | "random";
} {
  if (env.CHART_URL_SECRET) return { secret: Buffer.from(env.CHART_URL_SECRET, "utf8"), source: "CHART_URL_SECRET" };
  const base = env.SLACK_SIGNING_SECRET ?? env.CLIENT_SECRET;
  if (base) {
    const key = hkdfSync("sha256", base, "cohort-bot", "chart picture links v1", 32);
    return { secret: Buffer.from(key), source: "derived" };
  }
  return { secret: randomBytes(32), source: "random" };
}
