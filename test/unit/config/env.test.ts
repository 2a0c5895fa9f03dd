import { describe, expect, it } from "vitest";
import { bindHost, EnvError, parseEnv, platformsConfigured } from "../../../src/config/env.js";

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

  it("never serves the playground with real credentials: PLAYGROUND=true is refused, unset is off", () => {
    const slack = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" };
    for (const nodeEnv of ["production", "development"]) {
      expect(() => parseEnv({ NODE_ENV: nodeEnv, PLAYGROUND: "true", ...slack })).toThrowError(
        /^Invalid environment: PLAYGROUND is refused with real Slack credentials: .*no login/,
      );
      expect(platformsConfigured(parseEnv({ NODE_ENV: nodeEnv, ...slack }))).toMatchObject({ playground: false });
    }
    // A Slack Web API on this machine is a local fake (tests, contract checks), not a real workspace.
    const fake = parseEnv({ PLAYGROUND: "true", ...slack, SLACK_API_URL: "http://127.0.0.1:9/api/" });
    expect(platformsConfigured(fake)).toMatchObject({ slack: true, playground: true });
    expect(() => parseEnv({ PLAYGROUND: "true", ...slack, SLACK_API_URL: "https://slack-gov.com/api/" })).toThrow(
      /PLAYGROUND is refused/,
    );
  });

  it("binds loopback whenever something without a login is served, and refuses another HOST then", () => {
    expect(bindHost(parseEnv({}))).toBe("127.0.0.1");
    expect(bindHost(parseEnv({ TEAMS_ALLOW_UNAUTHENTICATED: "true", PLAYGROUND: "false" }))).toBe("127.0.0.1");
    const fakeSlack = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", SLACK_API_URL: "http://localhost:9/" };
    expect(bindHost(parseEnv({ ...fakeSlack, PLAYGROUND: "true" }))).toBe("127.0.0.1");
    expect(bindHost(parseEnv({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }))).toBeUndefined();
    expect(bindHost(parseEnv({ HOST: "::1" }))).toBe("::1");
    for (const HOST of ["0.0.0.0", "::", "192.0.2.10", "bot.example.org"]) {
      expect(() => parseEnv({ HOST })).toThrowError(
        new RegExp(`^Invalid environment: HOST is ${HOST}, not a loopback`),
      );
    }
    for (const HOST of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"])
      expect(parseEnv({ HOST }).HOST).toBe(HOST);
  });

  it.each([
    [{ DATABASE_URL: "garbage" }, "DATABASE_URL must be unset"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL .*got a mysql: URL"],
    [{ DATABASE_URL: "postgres://u:p@host:99999/db" }, "DATABASE_URL is not a valid postgres:// URL"],
    [{ DATABASE_URL: "pglite:" }, "DATABASE_URL pglite: needs a folder"],
    [{ SCHEDULER_CRON: "garbage" }, "SCHEDULER_CRON is not a cron expression"],
    [{ PUBLIC_URL: "javascript:alert(1)" }, "PUBLIC_URL must be an http:// or https:// URL"],
    [{ SLACK_API_URL: "file:///etc/passwd" }, "SLACK_API_URL must be an http"],
  ])("refuses %j in one line naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrowError(new RegExp(`^Invalid environment: ${message}[^\n]*$`));
  });

  it("never repeats a database URL (it can carry a password) in its refusal", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://admin:hunter2@db" })).toThrowError(/^(?!.*hunter2)/);
  });

  it("accepts every documented DATABASE_URL form and cron expression", () => {
    for (const DATABASE_URL of ["pglite:memory", "pglite:./data/db", "postgres://u:p@h:5432/d", "postgresql:///db"]) {
      expect(parseEnv({ DATABASE_URL }).DATABASE_URL).toBe(DATABASE_URL);
    }
    expect(parseEnv({ SCHEDULER_CRON: "* * * * * *" }).SCHEDULER_CRON).toBe("* * * * * *");
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
