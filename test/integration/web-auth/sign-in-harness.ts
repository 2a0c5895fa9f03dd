import type { IncomingMessage, ServerResponse } from "node:http";
import { createLogger } from "../../../src/app/logger.js";
import { seedIfEmpty } from "../../../src/app/seed.js";
import { parseEnv } from "../../../src/config/env.js";
import { fixedClock } from "../../../src/core/ports/clock.js";
import { silentLogger } from "../../../src/core/ports/logger.js";
import { type Route, readBody, sendText } from "../../../src/http/router.js";
import { type HttpServer, startHttpServer } from "../../../src/http/server.js";
import { createOidcSignIn } from "../../../src/web/auth/create-oidc-sign-in.js";
import { signInMethods } from "../../../src/web/auth/create-staff-sign-in.js";
import type { OidcMethod } from "../../../src/web/auth/oidc-method.js";
import { createSessionStore } from "../../../src/web/auth/session-store.js";
import type { WebSignIn } from "../../../src/web/sign-in.js";
import { testCoreDeps } from "../../support/core-deps.js";
import { type LocalOidcProvider, startLocalOidcProvider } from "../../support/local-oidc-provider.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

export const TENANT = "7e1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
export const SLACK_TEAM = "T0SPITEST";
const OTHER_TENANT = "00000000-1111-4222-8333-444444444444";

/** Provider accounts (login → ID token claims) shaped like Slack's and Entra ID's, for seed people. */
export const ACCOUNTS = {
  "amara-slack": {
    name: "Amara Okafor",
    "https://slack.com/user_id": "U0SPISTAFF1",
    "https://slack.com/team_id": SLACK_TEAM,
  },
  "aisha-slack": {
    name: "Aisha Rahman",
    "https://slack.com/user_id": "U0SPITWH1",
    "https://slack.com/team_id": SLACK_TEAM,
  },
  "stranger-slack": {
    name: "Sam Stranger",
    "https://slack.com/user_id": "U0NOBODY9",
    "https://slack.com/team_id": SLACK_TEAM,
  },
  "amara-other-workspace": {
    name: "Amara Okafor",
    "https://slack.com/user_id": "U0SPISTAFF1",
    "https://slack.com/team_id": "T0ELSEWHERE",
  },
  "amara-entra": { name: "Amara Okafor", oid: "3f6d2c1a-0a11-4c5e-8f00-00000000a001", tid: TENANT },
  "priya-entra": { name: "Priya Shah", oid: "3f6d2c1a-0a11-4c5e-8f00-00000000b001", tid: TENANT },
  "amara-other-tenant": { name: "Amara Okafor", oid: "3f6d2c1a-0a11-4c5e-8f00-00000000a001", tid: OTHER_TENANT },
} as const;

export type SignInHarness = {
  app: HttpServer;
  appUrl: string;
  provider: LocalOidcProvider;
  db: TestDatabase;
  signIn: WebSignIn;
  /** The methods built from the env the harness parsed (Slack, Entra ID). */
  methods: OidcMethod[];
  clock: ReturnType<typeof fixedClock>;
  /** Every log line the sign-in wrote (to check nothing secret is logged). */
  logs: string[];
  close(): Promise<void>;
};

/**
 * The real sign-in (createOidcSignIn from the same env the server parses) on a real HTTP server, against a
 * real OpenID provider, with a stand-in staff page: /staff and /staff/* let staff and coaches in (403 for
 * anyone else) and accept a POST only with the viewer's CSRF token. Until the staff pages land this page is
 * what the sign-in protects; it uses nothing but the WebSignIn contract and the programme repository.
 */
export async function startSignInHarness(): Promise<SignInHarness> {
  const db = await createTestDatabase();
  await seedIfEmpty(db.prisma, silentLogger);
  const { deps } = testCoreDeps(db);
  const clock = fixedClock(new Date());
  const logs: string[] = [];
  const logger = createLogger({ level: "debug", destination: { write: (line: string) => logs.push(line) } });

  let routes: Route[] = [];
  const app = await startHttpServer({ routes: () => routes, port: 0, host: "127.0.0.1", logger: silentLogger });
  const appUrl = `http://127.0.0.1:${app.port}`;
  const provider = await startLocalOidcProvider({
    clients: [
      { clientId: "slack-client", clientSecret: "slack-secret", redirectUris: [`${appUrl}/auth/slack/callback`] },
      { clientId: "entra-client", clientSecret: "entra-secret", redirectUris: [`${appUrl}/auth/entra/callback`] },
    ],
    accounts: ACCOUNTS,
  });
  const env = parseEnv({
    NODE_ENV: "test",
    PUBLIC_URL: appUrl,
    SLACK_CLIENT_ID: "slack-client",
    SLACK_CLIENT_SECRET: "slack-secret",
    SLACK_TEAM_ID: SLACK_TEAM,
    SLACK_SIGN_IN_ISSUER: provider.issuer,
    ENTRA_CLIENT_ID: "entra-client",
    ENTRA_CLIENT_SECRET: "entra-secret",
    ENTRA_TENANT_ID: TENANT,
    ENTRA_SIGN_IN_ISSUER: provider.issuer,
  });
  const methods = signInMethods(env);
  const signIn = createOidcSignIn({
    methods,
    publicUrl: appUrl,
    store: createSessionStore(db.prisma, clock),
    programmes: deps.programmes,
    logger,
  });

  const staffPage = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", appUrl);
    const viewer = await signIn.viewer(req, url);
    if (!viewer) return signIn.challenge(req, res, `${url.pathname}${url.search}`);
    const members = await deps.programmes.findMembersByIdentity(viewer.identity.platform, viewer.identity.externalId);
    if (!members.some((m) => m.role === "staff" || m.role === "coach"))
      return sendText(res, 403, "staff and coaches only");
    if (req.method === "POST") {
      const csrf = new URLSearchParams(await readBody(req)).get("_csrf") ?? undefined;
      if (!signIn.verifyCsrf(viewer, csrf)) return sendText(res, 403, "refused: CSRF token missing or wrong");
      return sendText(res, 200, "saved");
    }
    sendText(
      res,
      200,
      `staff page ${url.pathname} for ${viewer.identity.platform}:${viewer.identity.externalId} csrf=${viewer.csrfToken}`,
    );
  };
  routes = [
    ...signIn.routes,
    { method: "*", path: "/staff", handler: staffPage },
    { method: "*", path: "/staff/*", handler: staffPage },
  ];

  return {
    app,
    appUrl,
    provider,
    db,
    signIn,
    methods,
    clock,
    logs,
    async close() {
      await app.close();
      await provider.close();
      await db.close();
    },
  };
}
