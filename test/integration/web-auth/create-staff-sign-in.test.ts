import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../../../src/config/env.js";
import { silentLogger } from "../../../src/core/ports/logger.js";
import { type HttpServer, startHttpServer } from "../../../src/http/server.js";
import { createStaffSignIn } from "../../../src/web/auth/create-staff-sign-in.js";
import type { WebSignIn } from "../../../src/web/sign-in.js";
import { CookieBrowser } from "../../support/cookie-browser.js";
import { testCoreDeps } from "../../support/core-deps.js";
import { useTestDatabase } from "../../support/use-test-database.js";

const SLACK_BOT = { SLACK_SIGNING_SECRET: "s", SLACK_BOT_TOKEN: "xoxb-test" };

const db = useTestDatabase();

const build = (source: Record<string, string>) =>
  createStaffSignIn({ env: parseEnv(source), db: db(), deps: testCoreDeps(db()).deps, logger: silentLogger });

describe("createStaffSignIn: which sign-in the server uses", () => {
  it("none (the playground's applies) without credentials and without a method", () => {
    expect(build({})).toBeNull();
  });

  it("OpenID Connect when a method is configured, with or without platform credentials", () => {
    const slack = { SLACK_CLIENT_ID: "1.2", SLACK_CLIENT_SECRET: "s", PUBLIC_URL: "https://cohort.example.org" };
    for (const source of [slack, { ...slack, ...SLACK_BOT }]) {
      const paths = build(source)?.routes.map((r) => `${r.method} ${r.path}`);
      expect(paths).toEqual([
        "GET /auth/sign-in",
        "POST /auth/sign-out",
        "GET /auth/slack/start",
        "GET /auth/slack/callback",
      ]);
    }
  });

  describe("with real Slack credentials and no sign-in method", () => {
    let signIn: WebSignIn;
    let server: HttpServer;
    let url: (path: string) => URL;
    beforeAll(async () => {
      signIn = build(SLACK_BOT) as WebSignIn;
      // A stand-in staff page that only asks the sign-in, as the real pages do.
      server = await startHttpServer({
        routes: () => [
          ...signIn.routes,
          {
            method: "*",
            path: "/staff",
            handler: async (req, res) => {
              if (!(await signIn.viewer(req, new URL(req.url ?? "/", "http://x"))))
                signIn.challenge(req, res, "/staff");
            },
          },
        ],
        port: 0,
        host: "127.0.0.1",
        logger: silentLogger,
      });
      url = (path) => new URL(path, `http://127.0.0.1:${server.port}`);
    });
    afterAll(async () => {
      await server?.close();
    });

    it("sends /staff to a page that says plainly sign-in is not configured and what to set", async () => {
      const browser = new CookieBrowser();
      const first = await browser.request(url("/staff"));
      expect(first.status).toBe(302);
      expect(first.headers.get("location")).toBe("/auth/sign-in");
      const page = await browser.request(url("/auth/sign-in"));
      expect(page.status).toBe(503);
      expect(page.body).toContain("Staff sign-in is not configured");
      for (const variable of [
        "SLACK_CLIENT_ID",
        "SLACK_CLIENT_SECRET",
        "ENTRA_CLIENT_ID",
        "ENTRA_CLIENT_SECRET",
        "PUBLIC_URL",
      ]) {
        expect(page.body).toContain(variable);
      }
      expect((await browser.request(url("/staff"), { form: {} })).status).toBe(401);
    });
  });
});
