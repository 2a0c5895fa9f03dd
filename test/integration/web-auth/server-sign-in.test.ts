import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SERVER_ENTRY } from "../../support/built-entry-points.js";
import { CookieBrowser } from "../../support/cookie-browser.js";
import { type LocalOidcProvider, startLocalOidcProvider } from "../../support/local-oidc-provider.js";
import { seededDatabaseUrl } from "../../support/seeded-data-folder.js";
import { freePort, type SpawnedServer, spawnServer } from "../../support/spawn-server.js";
import { PROCESS_TEST_TIMEOUT } from "../../support/timeouts.js";

// Starts real processes (server or CLI): wall time on a loaded machine, see support/timeouts.ts.
vi.setConfig({ testTimeout: PROCESS_TEST_TIMEOUT });

/** Real Slack credentials pointing at a dead local port: the server runs "with credentials", calls nothing. */
const SLACK = {
  SLACK_SIGNING_SECRET: "test-signing-secret",
  SLACK_BOT_TOKEN: "xoxb-test",
  SLACK_API_URL: "http://127.0.0.1:9/api/",
  SCHEDULER: "false",
  DATABASE_URL: "pglite:memory",
  HOST: "127.0.0.1",
};

/** Runs `npm start`'s entry point with this environment and returns its exit code and output. */
function runToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SERVER_ENTRY], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.on("exit", (code) => resolve({ code, output }));
  });
}

// Each case starts the real server on an embedded database: slow on a busy machine, so a generous limit.
describe("staff sign-in wired into the real server (dist/main.js)", { timeout: PROCESS_TEST_TIMEOUT }, () => {
  let provider: LocalOidcProvider;
  let server: SpawnedServer | undefined;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    provider = await startLocalOidcProvider({
      clients: [
        {
          clientId: "slack-client",
          clientSecret: "slack-secret",
          redirectUris: [`http://127.0.0.1:${port}/auth/slack/callback`],
        },
      ],
      accounts: {
        amara: {
          name: "Amara Okafor",
          "https://slack.com/user_id": "U0SPISTAFF1",
          "https://slack.com/team_id": "T0SPI",
        },
        aisha: {
          name: "Aisha Rahman",
          "https://slack.com/user_id": "U0SPITWH1",
          "https://slack.com/team_id": "T0SPI",
        },
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await provider?.close();
  });

  it("stops at start-up with one line when sign-in is configured without PUBLIC_URL", async () => {
    const { code, output } = await runToExit({
      ...SLACK,
      SLACK_CLIENT_ID: "id",
      SLACK_CLIENT_SECRET: "secret",
      PUBLIC_URL: "",
    });
    expect(code).toBe(2); // a configuration error: a supervisor must not restart it (docs/RELIABILITY.md)
    expect(output.trim()).toBe(
      "Invalid environment: PUBLIC_URL is required for staff sign-in: set it to this server's public https URL",
    );
  });

  it("signs a staff member in with Slack through the real server, then signs them out", async () => {
    server = await spawnServer({
      ...SLACK,
      DATABASE_URL: await seededDatabaseUrl(),
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SLACK_CLIENT_ID: "slack-client",
      SLACK_CLIENT_SECRET: "slack-secret",
      SLACK_TEAM_ID: "T0SPI",
      SLACK_SIGN_IN_ISSUER: provider.issuer,
    });
    const browser = new CookieBrowser();
    const app = (path: string) => new URL(path, server?.url);
    // Stop where the server sends the browser after the callback: the staff pages (another route).
    const landed = await browser.browse(app("/auth/slack/start?returnTo=%2Fstaff%2Fteams%2Flambeth"), {
      login: "amara",
      stopAt: (url) => url.pathname.startsWith("/staff"),
    });
    expect(landed.url.href).toBe(app("/staff/teams/lambeth").href);
    // The real staff pages, for the signed-in staff member: the team's page with its run chart.
    const team = await browser.request(app("/staff/teams/lambeth"));
    expect(team.status).toBe(200);
    expect(team.body).toContain("Lambeth");
    expect(team.body).toContain("<svg");
    expect((await browser.request(app("/staff"))).status).toBe(200);
    // A team member signs in fine (the programme lists them) but the staff pages are not for them.
    const member = new CookieBrowser();
    await member.browse(app("/auth/slack/start?returnTo=%2Fstaff"), {
      login: "aisha",
      stopAt: (url) => url.pathname.startsWith("/staff"),
    });
    const refused = await member.request(app("/staff"));
    expect(refused.status).toBe(403);
    // Not a dead end: they can sign out and sign in with another account.
    expect(refused.body).toContain('<form class="sign-out" method="post" action="/auth/sign-out">');
    const signedIn = await browser.request(app("/auth/sign-in"));
    expect(signedIn.body).toContain("Signed in as Amara Okafor (Slack)");
    const csrf = /name="_csrf" value="([^"]+)"/.exec(signedIn.body)?.[1] ?? "";
    expect(csrf).not.toBe("");
    const out = await browser.request(app("/auth/sign-out"), { form: { _csrf: csrf } });
    expect(out.status).toBe(303);
    expect((await browser.request(app("/auth/sign-in"))).body).not.toContain("Signed in as");
    expect(server.output()).toContain("staff signed in");
    expect(server.output()).not.toContain("slack-secret");
  });
});
