import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../../../src/config/env.js";
import { signInMethods } from "../../../src/web/auth/create-staff-sign-in.js";

const TENANT = "7e1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const slack = { SLACK_CLIENT_ID: "123.456", SLACK_CLIENT_SECRET: "s", PUBLIC_URL: "https://cohort.example.org" };
const teamsBot = { CLIENT_ID: "bot", CLIENT_SECRET: "bot-secret" };
const entra = { ENTRA_CLIENT_ID: "app", ENTRA_CLIENT_SECRET: "s", PUBLIC_URL: "https://cohort.example.org" };

describe("staff sign-in environment", () => {
  it("configures no method by default, Slack and/or Entra ID when their pairs are set", () => {
    expect(signInMethods(parseEnv({}))).toEqual([]);
    expect(signInMethods(parseEnv(slack)).map((m) => m.id)).toEqual(["slack"]);
    const both = signInMethods(parseEnv({ ...slack, ...entra, ...teamsBot, TENANT_ID: TENANT }));
    expect(both.map((m) => [m.id, m.issuer.href])).toEqual([
      ["slack", "https://slack.com/"],
      ["entra", `https://login.microsoftonline.com/${TENANT}/v2.0`],
    ]);
  });

  it("prefers ENTRA_TENANT_ID over the bot's TENANT_ID", () => {
    const other = "00000000-1111-4222-8333-444444444444";
    const [method] = signInMethods(parseEnv({ ...entra, ...teamsBot, TENANT_ID: TENANT, ENTRA_TENANT_ID: other }));
    expect(method?.issuer.href).toBe(`https://login.microsoftonline.com/${other}/v2.0`);
  });

  it.each([
    [
      { SLACK_CLIENT_ID: "123.456" },
      "SLACK_CLIENT_SECRET Sign in with Slack needs both SLACK_CLIENT_ID and SLACK_CLIENT_SECRET",
    ],
    [{ ENTRA_CLIENT_SECRET: "s" }, "ENTRA_CLIENT_ID Sign in with Entra ID needs both"],
    [{ SLACK_CLIENT_ID: "1", SLACK_CLIENT_SECRET: "s" }, "PUBLIC_URL is required for staff sign-in"],
    [entra, "ENTRA_TENANT_ID is required for Sign in with Entra ID (or set TENANT_ID)"],
    [
      { ...entra, ...teamsBot, TENANT_ID: "contoso.onmicrosoft.com" },
      "TENANT_ID must be the directory (tenant) id, a GUID",
    ],
    [{ ...slack, SLACK_TEAM_ID: "workspace" }, "SLACK_TEAM_ID must be a Slack workspace id"],
    [
      { ...slack, NODE_ENV: "production", PUBLIC_URL: "http://cohort.example.org" },
      "PUBLIC_URL must start with https://",
    ],
    [
      { ...slack, NODE_ENV: "production", SLACK_SIGN_IN_ISSUER: "http://127.0.0.1:1" },
      "SLACK_SIGN_IN_ISSUER is for tests only",
    ],
  ])("refuses %j with one line naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrowError(EnvError);
    expect(() => parseEnv(source)).toThrowError(`Invalid environment: ${message}`);
  });
});
