/**
 * Builds the Teams app package to side-load: dist/cohort-bot-teams.zip with manifest.json and the two icons
 * at the root. Run: npm run teams:package [-- --dev]
 *
 * - bots[0].botId is CLIENT_ID (the Azure Bot's app id). Without it the script refuses, unless --dev, which
 *   writes dist/cohort-bot-teams-dev.zip with a placeholder bot id for local tools only.
 * - The app's own `id` belongs to this deployment: TEAMS_APP_ID if set, otherwise a GUID generated on the
 *   first run and kept in data/teams-app-id (git-ignored, beside the embedded database), so every later
 *   package — a new version of the same app — carries the same id. It is never a constant in the repo:
 *   two organisations sharing one id would collide in Teams' app catalogue.
 * - PUBLIC_URL's host goes into validDomains.
 * - The manifest is checked against Microsoft's full JSON schema for its manifestVersion (npm
 *   @microsoft/app-manifest) before anything is written.
 */
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { zipSync } from "fflate";
import { loadEnvFile } from "../src/config/load-env-file.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const PLACEHOLDER_BOT_ID = "00000000-0000-0000-0000-000000000000";
const ROOT = new URL("../", import.meta.url);
const TEMPLATE_DIR = new URL("manifest/teams/", ROOT);

export class PackageError extends Error {}

type Manifest = {
  $schema?: string;
  manifestVersion: string;
  id: string;
  bots: { botId: string }[];
  validDomains: string[];
};

/** The manifest for this deployment: the template with the app id, bot id and domain filled in. */
export function buildManifest(input: { appId: string; botId: string; publicUrl?: string }): Manifest {
  const manifest = JSON.parse(readFileSync(new URL("manifest.json", TEMPLATE_DIR), "utf8")) as Manifest;
  if (!GUID.test(input.appId)) throw new PackageError(`TEAMS_APP_ID must be a GUID, got "${input.appId}"`);
  if (!GUID.test(input.botId))
    throw new PackageError(`CLIENT_ID must be the Azure Bot's app id (a GUID), got "${input.botId}"`);
  manifest.id = input.appId;
  for (const bot of manifest.bots) bot.botId = input.botId;
  if (input.publicUrl) manifest.validDomains = [new URL(input.publicUrl).host];
  return manifest;
}

/** Problems with the manifest according to Microsoft's full schema for its manifestVersion; [] when valid. */
export function schemaProblems(manifest: { manifestVersion: string }, version = manifest.manifestVersion): string[] {
  const require = createRequire(import.meta.url);
  const file = require.resolve(
    `@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
  );
  // The published files start with a byte-order mark.
  const schema = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  const ajv = new Ajv04.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const check = ajv.compile(schema);
  return check(manifest) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
}

/** TEAMS_APP_ID, or the id kept in data/teams-app-id (created on first use). */
export function deploymentAppId(
  env: NodeJS.ProcessEnv,
  file = path.join(new URL("data/", ROOT).pathname, "teams-app-id"),
) {
  const fromEnv = env.TEAMS_APP_ID?.trim();
  if (fromEnv) return { appId: fromEnv, source: "TEAMS_APP_ID" };
  if (existsSync(file)) return { appId: readFileSync(file, "utf8").trim(), source: path.relative(process.cwd(), file) };
  const appId = randomUUID();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${appId}\n`);
  return { appId, source: `${path.relative(process.cwd(), file)} (new)` };
}

function main(argv: string[]): void {
  loadEnvFile();
  const dev = argv.includes("--dev");
  const clientId = process.env.CLIENT_ID?.trim();
  if (!clientId && !dev) {
    throw new PackageError(
      "refused: CLIENT_ID is not set; set it to your Azure Bot's app id (or pass --dev for a local test package)",
    );
  }
  const { appId, source } = deploymentAppId(process.env);
  if (!GUID.test(appId)) throw new PackageError(`the app id from ${source} must be a GUID, got "${appId}"`);
  const manifest = buildManifest({ appId, botId: clientId || PLACEHOLDER_BOT_ID, publicUrl: process.env.PUBLIC_URL });
  const problems = schemaProblems(manifest);
  if (problems.length > 0) throw new PackageError(`manifest.json is not valid: ${problems.join("; ")}`);
  const zip = zipSync({
    "manifest.json": new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    "color.png": readFileSync(new URL("color.png", TEMPLATE_DIR)),
    "outline.png": readFileSync(new URL("outline.png", TEMPLATE_DIR)),
  });
  const name = dev && !clientId ? "cohort-bot-teams-dev.zip" : "cohort-bot-teams.zip";
  mkdirSync(new URL("dist/", ROOT), { recursive: true });
  writeFileSync(new URL(`dist/${name}`, ROOT), zip);
  const bot = clientId ? `bot ${clientId}` : "placeholder bot id (local tools only, not for side-loading)";
  process.stdout.write(`wrote dist/${name} (${zip.length} bytes): app ${appId} from ${source}, ${bot}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    // One line for the person at the terminal; a stack only for a real bug.
    const message = error instanceof PackageError ? error.message : String((error as Error)?.stack ?? error);
    process.stderr.write(`teams:package: ${message}\n`);
    process.exit(1);
  }
}
