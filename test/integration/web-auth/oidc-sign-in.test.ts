import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/core/ports/logger.js";
import { startHttpServer } from "../../../src/http/server.js";
import { createOidcSignIn } from "../../../src/web/auth/create-oidc-sign-in.js";
import { createSessionStore, SESSION_LIMITS } from "../../../src/web/auth/session-store.js";
import { CookieBrowser, type Page } from "../../support/cookie-browser.js";
import { type SignInHarness, startSignInHarness } from "./sign-in-harness.js";

let h: SignInHarness;
beforeAll(async () => {
  h = await startSignInHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  h.clock.set(new Date());
  await h.db.prisma.staffSession.deleteMany();
  await h.db.prisma.staffSignInAttempt.deleteMany();
});

const at = (path: string) => new URL(path, h.appUrl);
const isCallback = (url: URL) => url.pathname.endsWith("/callback");

/** Opens `path`, is sent to the sign-in page, picks `method` and signs in at the provider as `login`. */
async function signIn(
  browser: CookieBrowser,
  login: string,
  options: {
    method?: "slack" | "entra";
    path?: string;
    rewrite?: (url: URL) => URL;
    stopAt?: (url: URL) => boolean;
  } = {},
): Promise<Page> {
  const signInPage = await browser.browse(at(options.path ?? "/staff"));
  expect(signInPage.url.pathname).toBe("/auth/sign-in");
  const href = new RegExp(`href="(/auth/${options.method ?? "slack"}/start[^"]*)"`).exec(signInPage.body)?.[1];
  if (!href) throw new Error(`no ${options.method} button on:\n${signInPage.body}`);
  return browser.browse(at(href.replace(/&amp;/g, "&")), { login, rewrite: options.rewrite, stopAt: options.stopAt });
}

const sessionCount = () => h.db.prisma.staffSession.count();

describe("staff sign-in with OpenID Connect against a real provider on 127.0.0.1", () => {
  it("sends a visitor without a session to sign-in with the return path, and answers 401 to a POST", async () => {
    const browser = new CookieBrowser();
    const first = await browser.request(at("/staff/teams/lambeth?month=2022-12"));
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("/auth/sign-in?returnTo=%2Fstaff%2Fteams%2Flambeth%3Fmonth%3D2022-12");
    const page = await browser.request(at(first.headers.get("location") ?? ""));
    expect(page.status).toBe(200);
    expect(page.body).toContain("Sign in with Slack");
    expect(page.body).toContain("Sign in with Microsoft");
    expect((await browser.request(at("/staff"), { form: { _csrf: "x" } })).status).toBe(401);
  });

  it("signs a staff member in with Slack: back on the page they asked for, 200", async () => {
    const browser = new CookieBrowser();
    const page = await signIn(browser, "amara-slack", { path: "/staff/teams/lambeth" });
    expect(page.url.pathname).toBe("/staff/teams/lambeth");
    expect(page.status).toBe(200);
    expect(page.body).toContain("slack:U0SPISTAFF1");
    // The cookie holds a random token; the table only its hash.
    const cookie = (await browser.jar.getCookies(h.appUrl)).find((c) => c.key === "cohort_staff");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    const rows = await h.db.prisma.staffSession.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).not.toBe(cookie?.value);
    expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
    // Nothing secret in the logs: no cookie, no token, no code.
    const logs = h.logs.join("");
    expect(logs).toContain("staff signed in");
    expect(logs).not.toContain(cookie?.value);
    expect(logs).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    expect(logs).not.toMatch(/"code":"[A-Za-z0-9_-]{20,}/);
  });

  it("signs a staff member and a coach in with Entra ID (oid → the Teams id in the programme file)", async () => {
    const staff = await signIn(new CookieBrowser(), "amara-entra", { method: "entra" });
    expect(staff.status).toBe(200);
    expect(staff.body).toContain("teams:3f6d2c1a-0a11-4c5e-8f00-00000000a001");
    const coach = await signIn(new CookieBrowser(), "priya-entra", { method: "entra" });
    expect(coach.status).toBe(200);
  });

  it("lets a team member sign in but the staff page answers 403", async () => {
    const page = await signIn(new CookieBrowser(), "aisha-slack");
    expect(page.url.pathname).toBe("/staff");
    expect(page.status).toBe(403);
  });

  it.each([
    [
      "stranger-slack",
      "slack",
      403,
      /No programme on this server lists this Slack account \(Slack user id U0NOBODY9\)/,
    ],
    ["amara-other-workspace", "slack", 403, /That Slack account is in another workspace/],
    ["amara-other-tenant", "entra", 403, /That Microsoft account belongs to another organisation/],
  ] as const)("refuses %s at the callback, with no session", async (login, method, status, message) => {
    const page = await signIn(new CookieBrowser(), login, { method });
    expect(isCallback(page.url)).toBe(true);
    expect(page.status).toBe(status);
    expect(page.body).toMatch(message);
    expect(page.headers.get("set-cookie") ?? "").not.toMatch(/cohort_staff=[^;]/);
    expect(await sessionCount()).toBe(0);
  });

  it("refuses a callback whose state was tampered with", async () => {
    const page = await signIn(new CookieBrowser(), "amara-slack", {
      rewrite: (url) => {
        if (isCallback(url)) url.searchParams.set("state", `${url.searchParams.get("state")}x`);
        return url;
      },
    });
    expect(page.status).toBe(400);
    expect(page.body).toContain("did not check out");
    expect(await sessionCount()).toBe(0);
  });

  it("refuses when the authorization request's state or nonce was swapped on the way to the provider", async () => {
    for (const param of ["state", "nonce"]) {
      const page = await signIn(new CookieBrowser(), "amara-slack", {
        rewrite: (url) => {
          if (url.pathname === "/auth" && url.searchParams.has(param))
            url.searchParams.set(param, "attacker-chosen-value");
          return url;
        },
      });
      expect(isCallback(page.url)).toBe(true);
      expect(page.status, param).toBe(400);
      // Refused by the right check: openid-client names the parameter or claim that did not match.
      expect(JSON.parse(h.logs.at(-1) ?? "{}").detail).toContain(`"${param}"`);
    }
    expect(await sessionCount()).toBe(0);
  });

  it("refuses a replayed callback: with the browser's cookies as they were, and in another browser", async () => {
    const browser = new CookieBrowser();
    const stopped = await signIn(browser, "amara-slack", { stopAt: isCallback });
    expect(stopped.status).toBe(0);
    const callback = stopped.url;
    // What an attacker who copied the callback URL and the browser's cookies would send again.
    const cookies = await browser.jar.getCookieString(callback.href);
    expect(cookies).toContain("cohort_sign_in=");
    expect((await browser.browse(callback)).status).toBe(200);
    expect(await sessionCount()).toBe(1);

    const again = await fetch(callback, { headers: { cookie: cookies }, redirect: "manual" });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("expired or was already used");
    const elsewhere = await new CookieBrowser().request(callback);
    expect(elsewhere.status).toBe(400);
    expect(await sessionCount()).toBe(1);
  });

  it("ends a session after the idle limit and after the absolute limit", async () => {
    const browser = new CookieBrowser();
    expect((await signIn(browser, "amara-slack")).status).toBe(200);
    h.clock.advance(SESSION_LIMITS.idleMs + 1_000);
    const idle = await browser.request(at("/staff"));
    expect(idle.status).toBe(302);
    expect(idle.headers.get("location")).toMatch(/^\/auth\/sign-in\?returnTo=/);
    expect(await sessionCount()).toBe(0);

    expect((await signIn(browser, "amara-slack")).status).toBe(200);
    // Active every hour: the idle limit never trips, the absolute one does.
    for (let elapsed = 0; elapsed < SESSION_LIMITS.absoluteMs; elapsed += 3_600_000) {
      expect((await browser.request(at("/staff"))).status).toBe(200);
      h.clock.advance(3_600_000);
    }
    expect((await browser.request(at("/staff"))).status).toBe(302);
  });

  it("signs out with the CSRF token only, and the session is gone", async () => {
    const browser = new CookieBrowser();
    const page = await signIn(browser, "amara-slack");
    const csrf = /csrf=(\S+)/.exec(page.body)?.[1] ?? "";
    const signInPage = await browser.request(at("/auth/sign-in"));
    expect(signInPage.body).toContain("Signed in as Amara Okafor (Slack)");
    expect(signInPage.body).toContain(`name="_csrf" value="${csrf}"`);

    expect((await browser.request(at("/auth/sign-out"), { form: {} })).status).toBe(403);
    expect((await browser.request(at("/auth/sign-out"), { form: { _csrf: `${csrf}x` } })).status).toBe(403);
    expect(await sessionCount()).toBe(1);

    const out = await browser.request(at("/auth/sign-out"), { form: { _csrf: csrf } });
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/auth/sign-in?signedOut=1");
    expect(await sessionCount()).toBe(0);
    expect((await browser.browse(new URL(out.headers.get("location") ?? "", h.appUrl))).body).toContain(
      "You have signed out.",
    );
    expect((await browser.request(at("/staff"))).status).toBe(302);
  });

  it("checks the CSRF token on a staff form: missing or wrong → 403, right → 200", async () => {
    const browser = new CookieBrowser();
    const page = await signIn(browser, "amara-slack");
    const csrf = /csrf=(\S+)/.exec(page.body)?.[1] ?? "";
    expect((await browser.request(at("/staff"), { form: { answer: "hi" } })).status).toBe(403);
    expect((await browser.request(at("/staff"), { form: { answer: "hi", _csrf: "wrong" } })).status).toBe(403);
    expect((await browser.request(at("/staff"), { form: { answer: "hi", _csrf: csrf } })).status).toBe(200);
    // Another person's token is not this session's.
    const other = await signIn(new CookieBrowser(), "amara-entra", { method: "entra" });
    const otherCsrf = /csrf=(\S+)/.exec(other.body)?.[1] ?? "";
    expect(otherCsrf).not.toBe(csrf);
    expect((await browser.request(at("/staff"), { form: { _csrf: otherCsrf } })).status).toBe(403);
  });

  it("says so plainly when the provider cannot be reached, and signs nobody in", async () => {
    const slack = h.methods.find((m) => m.id === "slack");
    if (!slack) throw new Error("no slack method");
    const dead = createOidcSignIn({
      methods: [{ ...slack, issuer: new URL("http://127.0.0.1:9") }],
      publicUrl: h.appUrl,
      store: createSessionStore(h.db.prisma, h.clock),
      programmes: { findMembersByIdentity: async () => [] },
      logger: silentLogger,
    });
    const server = await startHttpServer({
      routes: () => dead.routes,
      port: 0,
      host: "127.0.0.1",
      logger: silentLogger,
    });
    try {
      const page = await new CookieBrowser().request(new URL(`http://127.0.0.1:${server.port}/auth/slack/start`));
      expect(page.status).toBe(502);
      expect(page.body).toContain("Sign in with Slack is not reachable right now. Try again in a minute.");
      expect(page.headers.get("set-cookie")).toBeNull();
    } finally {
      await server.close();
    }
  });

  it.each([
    "https://evil.example/staff",
    "//evil.example/staff",
    "/\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
  ])("never redirects off this server after sign-in (returnTo=%s)", async (returnTo) => {
    const browser = new CookieBrowser();
    const start = at(`/auth/slack/start?returnTo=${encodeURIComponent(returnTo)}`);
    const page = await browser.browse(start, { login: "amara-slack" });
    expect(page.url.origin).toBe(h.appUrl);
    expect(page.url.pathname.startsWith("/staff")).toBe(true);
    expect(page.status).toBe(200);
  });
});
