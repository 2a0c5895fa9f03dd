import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildManifest, deploymentAppId, schemaProblems } from "../../../scripts/teams-package.js";

const APP_ID = "0c6e2d1f-8a3b-4c5d-9e7f-112233445566";
const BOT_ID = "11111111-2222-3333-4444-555555555555";
const template = JSON.parse(readFileSync("manifest/teams/manifest.json", "utf8"));
const built = buildManifest({ appId: APP_ID, botId: BOT_ID, publicUrl: "https://bot.example.org/x" });

/** Every Teams manifest schema version Microsoft's package ships from ours up (v1.19 … newest). */
const versions = readdirSync("node_modules/@microsoft/app-manifest/build/json-schemas/teams")
  .map((v) => v.replace(/^v/, ""))
  .filter((v) => /^1\.\d+$/.test(v) && Number(v.split(".")[1]) >= 19)
  .sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]));

function runPackage(env: Record<string, string | undefined>, args: string[] = []) {
  const { CLIENT_ID: _c, TEAMS_APP_ID: _t, ...rest } = process.env;
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/teams-package.ts", ...args], {
    env: { ...rest, ...env },
    encoding: "utf8",
  });
}

describe("Teams app package", () => {
  it("the built manifest validates against Microsoft's full v1.19 schema (@microsoft/app-manifest)", () => {
    expect(built.manifestVersion).toBe("1.19");
    expect(schemaProblems(built)).toEqual([]);
  });

  it("it also validates against every newer schema version in the package, up to the newest", () => {
    expect(versions.length).toBeGreaterThan(1);
    for (const version of versions) {
      const moved = { ...built, manifestVersion: version, $schema: built.$schema?.replace("v1.19", `v${version}`) };
      expect([version, schemaProblems(moved)]).toEqual([version, []]);
    }
  });

  it("the full schema has teeth: bad names, bot ids, scopes and a leftover placeholder all fail", () => {
    const bad = {
      ...built,
      name: { short: "A name much longer than thirty characters" },
      bots: [{ botId: "not-a-guid", scopes: ["everywhere"] }],
    };
    expect(schemaProblems(bad).length).toBeGreaterThanOrEqual(3);
    // The template in the repo carries no usable ids: it only becomes valid once a deployment fills them in.
    expect(schemaProblems(template).join(" ")).toMatch(/\/id /);
  });

  it("no app id or bot id is a constant in the repo", () => {
    expect(template.id).not.toMatch(/^[0-9a-f-]{36}$/i);
    expect(template.bots[0].botId).not.toMatch(/^[0-9a-f-]{36}$/i);
  });

  it("fills in this deployment's app id, CLIENT_ID as the bot id and PUBLIC_URL's host", () => {
    expect(built).toMatchObject({ id: APP_ID, bots: [{ botId: BOT_ID }], validDomains: ["bot.example.org"] });
    expect(() => buildManifest({ appId: APP_ID, botId: "nope" })).toThrow(/CLIENT_ID .*GUID/);
    expect(() => buildManifest({ appId: "nope", botId: BOT_ID })).toThrow(/TEAMS_APP_ID must be a GUID/);
  });

  it("the app id is generated once and kept; TEAMS_APP_ID overrides it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "teams-app-id-"));
    const file = path.join(dir, "data", "teams-app-id");
    const first = deploymentAppId({}, file);
    expect(first.appId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deploymentAppId({}, file).appId).toBe(first.appId);
    expect(readFileSync(file, "utf8").trim()).toBe(first.appId);
    expect(deploymentAppId({ TEAMS_APP_ID: APP_ID }, file).appId).toBe(APP_ID);
    rmSync(dir, { recursive: true, force: true });
  });

  it("npm run teams:package refuses without CLIENT_ID: non-zero, one line, no zip", () => {
    const result = runPackage({});
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "teams:package: refused: CLIENT_ID is not set; set it to your Azure Bot's app id (or pass --dev for a local test package)\n",
    );
  });

  it("with --dev it writes a separate dev zip with the placeholder bot id", () => {
    const result = runPackage({ TEAMS_APP_ID: APP_ID }, ["--dev"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^wrote dist\/cohort-bot-teams-dev\.zip .*placeholder bot id/);
    const files = unzipSync(readFileSync("dist/cohort-bot-teams-dev.zip"));
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));
    expect(manifest).toMatchObject({ id: APP_ID, bots: [{ botId: "00000000-0000-0000-0000-000000000000" }] });
  });

  it("with CLIENT_ID it writes the zip with the manifest and icons at its root", () => {
    execFileSync(process.execPath, ["--import", "tsx", "scripts/teams-package.ts"], {
      env: { ...process.env, CLIENT_ID: BOT_ID, TEAMS_APP_ID: APP_ID },
      stdio: "pipe",
    });
    const files = unzipSync(readFileSync("dist/cohort-bot-teams.zip"));
    expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));
    expect(manifest).toMatchObject({ id: APP_ID, bots: [{ botId: BOT_ID }] });
    expect(schemaProblems(manifest)).toEqual([]);
  });

  it("icons have the sizes Teams requires", () => {
    expect(pngSize("manifest/teams/color.png")).toEqual([192, 192]);
    expect(pngSize("manifest/teams/outline.png")).toEqual([32, 32]);
  });
});

function pngSize(file: string): [number, number] {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}
