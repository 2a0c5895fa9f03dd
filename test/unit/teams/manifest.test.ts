import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildManifest } from "../../../scripts/teams-package.js";

const schema = JSON.parse(readFileSync("test/fixtures/teams/manifest-v1.19.reduced.schema.json", "utf8"));
const manifest = JSON.parse(readFileSync("manifest/teams/manifest.json", "utf8"));

function validate(json: unknown) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const check = ajv.compile(schema);
  return check(json) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

function pngSize(file: string): [number, number] {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe("Teams app package", () => {
  it("manifest.json validates against the (reduced) v1.19 manifest schema", () => {
    expect(validate(manifest)).toEqual([]);
  });

  it("the schema check is not toothless: a bad manifest fails", () => {
    const bad = {
      ...manifest,
      name: { short: "A name much longer than thirty characters" },
      bots: [{ botId: "not-a-guid", scopes: ["everywhere"] }],
    };
    expect(validate(bad).length).toBeGreaterThanOrEqual(3);
  });

  it("icons have the sizes Teams requires", () => {
    expect(pngSize("manifest/teams/color.png")).toEqual([192, 192]);
    expect(pngSize("manifest/teams/outline.png")).toEqual([32, 32]);
  });

  it("the bot id comes from CLIENT_ID and the domain from PUBLIC_URL, and stays valid", () => {
    const built = buildManifest({
      CLIENT_ID: "11111111-2222-3333-4444-555555555555",
      PUBLIC_URL: "https://bot.example.org/x",
    });
    expect(built).toMatchObject({
      bots: [{ botId: "11111111-2222-3333-4444-555555555555" }],
      validDomains: ["bot.example.org"],
    });
    expect(validate(built)).toEqual([]);
    expect(() => buildManifest({ CLIENT_ID: "nope" })).toThrow(/GUID/);
  });

  it("npm run teams:package writes the zip with the manifest and icons at its root", () => {
    execFileSync(process.execPath, ["--import", "tsx", "scripts/teams-package.ts"], {
      env: { ...process.env, CLIENT_ID: "11111111-2222-3333-4444-555555555555" },
      stdio: "pipe",
    });
    const files = unzipSync(readFileSync("dist/cohort-bot-teams.zip"));
    expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    expect(validate(JSON.parse(new TextDecoder().decode(files["manifest.json"])))).toEqual([]);
  });
});
