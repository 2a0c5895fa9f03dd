/**
 * Builds the Teams app package to side-load: dist/cohort-bot-teams.zip with manifest.json and the two
 * icons at the root. The bot id comes from CLIENT_ID (the Azure Bot's app id); TEAMS_APP_ID overrides
 * the app's own id; PUBLIC_URL's host is added to validDomains. Run: npm run teams:package
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { zipSync } from "fflate";
import { loadEnvFile } from "../src/config/load-env-file.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dir = new URL("../manifest/teams/", import.meta.url);
const out = new URL("../dist/cohort-bot-teams.zip", import.meta.url);

export function buildManifest(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(new URL("manifest.json", dir), "utf8")) as {
    id: string;
    bots: { botId: string }[];
    validDomains: string[];
  };
  const clientId = env.CLIENT_ID?.trim();
  if (clientId && !GUID.test(clientId))
    throw new Error(`CLIENT_ID must be the Azure Bot's app id (a GUID), got "${clientId}"`);
  if (clientId) for (const bot of manifest.bots) bot.botId = clientId;
  const appId = env.TEAMS_APP_ID?.trim();
  if (appId) {
    if (!GUID.test(appId)) throw new Error(`TEAMS_APP_ID must be a GUID, got "${appId}"`);
    manifest.id = appId;
  }
  if (env.PUBLIC_URL) manifest.validDomains = [new URL(env.PUBLIC_URL).host];
  return manifest;
}

function main(): void {
  loadEnvFile();
  const manifest = buildManifest(process.env);
  if (!process.env.CLIENT_ID) {
    process.stderr.write(
      "warning: CLIENT_ID is not set, so the package has a placeholder bot id; set it to side-load\n",
    );
  }
  const zip = zipSync({
    "manifest.json": new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    "color.png": readFileSync(new URL("color.png", dir)),
    "outline.png": readFileSync(new URL("outline.png", dir)),
  });
  mkdirSync(new URL("../dist/", import.meta.url), { recursive: true });
  writeFileSync(out, zip);
  process.stdout.write(`wrote dist/cohort-bot-teams.zip (${zip.length} bytes)\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
