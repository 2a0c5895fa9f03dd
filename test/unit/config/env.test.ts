import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, platformsConfigured } from "../../../src/config/env.js";

describe("environment", () => {
  it("starts with no variables at all: port 3978, embedded database, playground", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3978);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(platformsConfigured(env)).toMatchObject({ slack: false, teams: false, playground: true });
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ PORT: "", SLACK_BOT_TOKEN: "  ", DATABASE_URL: "" });
    expect(env.PORT).toBe(3978);
    expect(env.SLACK_BOT_TOKEN).toBeUndefined();
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ SLACK_BOT_TOKEN: "xoxp-user-token", SLACK_SIGNING_SECRET: "s" }, "SLACK_BOT_TOKEN"],
    [{ TEAMS_ALLOW_UNAUTHENTICATED: "maybe" }, "TEAMS_ALLOW_UNAUTHENTICATED"],
    [{ SLACK_API_URL: "not a url" }, "SLACK_API_URL"],
    [{ CLIENT_ID: "abc" }, "CLIENT_SECRET"],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_SIGNING_SECRET"],
  ])("fails fast naming the variable: %j", (source, variable) => {
    expect(() => parseEnv(source)).toThrowError(EnvError);
    expect(() => parseEnv(source)).toThrowError(new RegExp(`Invalid environment: ${variable} `));
  });

  it("refuses unauthenticated Teams traffic in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production", TEAMS_ALLOW_UNAUTHENTICATED: "true" })).toThrowError(
      /TEAMS_ALLOW_UNAUTHENTICATED is refused with NODE_ENV=production/,
    );
    expect(parseEnv({ NODE_ENV: "development", TEAMS_ALLOW_UNAUTHENTICATED: "true" }).TEAMS_ALLOW_UNAUTHENTICATED).toBe(
      true,
    );
  });

  it("parses booleans rather than comparing strings", () => {
    expect(parseEnv({ PLAYGROUND: "1" }).PLAYGROUND).toBe(true);
    expect(parseEnv({ PLAYGROUND: "false" }).PLAYGROUND).toBe(false);
  });

  it("never serves the playground in production with real credentials", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      PLAYGROUND: "true",
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "s",
    });
    expect(platformsConfigured(env).playground).toBe(false);
    const dev = parseEnv({ PLAYGROUND: "true", SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" });
    expect(platformsConfigured(dev)).toMatchObject({ slack: true, playground: true });
  });
});

describe(".env.example", () => {
  it("lists every variable the server reads, each with a comment above it", async () => {
    const fs = await import("node:fs");
    const { envVariables } = await import("../../../src/config/env.js");
    const lines = fs.readFileSync(".env.example", "utf8").split("\n");
    const listed = lines.flatMap((l, i) => {
      const m = /^([A-Z_]+)=/.exec(l);
      return m ? [{ name: m[1], commented: (lines[i - 1] ?? "").startsWith("#") }] : [];
    });
    const schemaKeys = Object.keys(envVariables.shape);
    expect(listed.every((v) => v.commented)).toBe(true);
    expect(listed.map((v) => v.name).sort()).toEqual(schemaKeys.sort());
  });
});
