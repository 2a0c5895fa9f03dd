import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CoreDeps } from "../core/deps.js";
import { isLoopbackRequest } from "../http/loopback-guard.js";
import { sendText } from "../http/router.js";
import { h } from "./html/html.js";
import { layout } from "./html/layout.js";
import type { WebSignIn, WebViewer } from "./sign-in.js";

/** The cookie the playground page sets when someone picks "I am" (public/playground.js). */
export const PLAYGROUND_AS_COOKIE = "cohort_playground_as";
const PERSON_KEY = /^[a-z0-9][a-z0-9._-]{0,99}$/i;
const LOOPBACK_PEERS = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * Sign-in for playground mode (no Slack or Teams credentials): the viewer is the playground person
 * chosen with `?as=<person key>` or remembered from the playground's "I am" (a cookie). There is no
 * password, so it answers only on this computer: the connection must come from loopback and the Host
 * (and, for a form, the Origin) must name it (DNS rebinding and cross-site posts are refused). Each
 * viewer's CSRF token is an HMAC of their key under a secret made fresh at every start.
 */
export function createPlaygroundSignIn({ deps }: { deps: Pick<CoreDeps, "programmes"> }): WebSignIn {
  const secret = randomBytes(32);
  const tokenFor = (key: string) => createHmac("sha256", secret).update(`playground-staff:${key}`).digest("base64url");
  const local = (req: IncomingMessage) => LOOPBACK_PEERS.has(req.socket.remoteAddress ?? "") && isLoopbackRequest(req);

  return {
    routes: [{ method: "GET", path: "/staff/sign-in", handler: (req, res) => chooser(req, res) }],

    async viewer(req, url): Promise<WebViewer | null> {
      if (!local(req)) return null;
      const key = url.searchParams.get("as") ?? readCookie(req, PLAYGROUND_AS_COOKIE);
      if (!key || !PERSON_KEY.test(key)) return null;
      const members = await deps.programmes.findMembersByIdentity("local", key);
      if (members.length === 0) return null;
      return {
        identity: { platform: "local", externalId: key, displayName: members[0]?.name },
        via: "playground",
        csrfToken: tokenFor(key),
      };
    },

    challenge(req, res, returnTo) {
      if (!local(req)) return refuse(res);
      if (req.method === "GET" || req.method === "HEAD") {
        res.writeHead(302, { location: `/staff/sign-in?returnTo=${encodeURIComponent(safeReturn(returnTo))}` });
        res.end();
        return;
      }
      sendText(res, 401, "Choose who you are first: open /staff/sign-in.");
    },

    verifyCsrf(viewer, token) {
      if (!token || viewer.via !== "playground") return false;
      const expected = Buffer.from(tokenFor(viewer.identity.externalId));
      const given = Buffer.from(token);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };

  /** "Open the staff pages as…": the programme's staff and coaches, as links with ?as=. */
  async function chooser(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!local(req)) return refuse(res);
    const url = new URL(req.url ?? "/", "http://localhost");
    const back = safeReturn(url.searchParams.get("returnTo") ?? "/staff");
    const path = back.split("?")[0] ?? "/staff";
    const people: { key: string; name: string; role: string; programme: string }[] = [];
    for (const p of await deps.programmes.listProgrammes()) {
      for (const m of await deps.programmes.listMembers(p.id)) {
        if (m.role !== "staff" && m.role !== "coach") continue;
        const ids = await deps.programmes.listIdentities(m.id);
        if (ids.some((i) => i.platform === "local" && i.externalId === m.key))
          people.push({
            key: m.key,
            name: m.name,
            role: m.role === "staff" ? "programme staff" : "QI coach",
            programme: p.name,
          });
      }
    }
    const body = `<h1>Open the staff pages as…</h1>
<p>This is the playground: nobody signs in, you pick who you are. With Slack or Teams connected, people sign in with their own account instead.</p>
<ul class="plain">${people.map((p) => `<li><a href="${h(`${path}?as=${encodeURIComponent(p.key)}`)}">${h(p.name)}</a> — ${h(p.role)}, ${h(p.programme)}</li>`).join("")}</ul>
<p class="note">Team members cannot open these pages (they get “403 Forbidden”).</p>`;
    res.setHeader(
      "content-security-policy",
      "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    res.setHeader("cache-control", "no-store");
    sendText(
      res,
      200,
      layout({ title: "Staff pages · playground", brand: "Cohort Bot staff pages (playground)", body, css: "link" }),
      "text/html; charset=utf-8",
    );
  }
}

function refuse(res: ServerResponse): void {
  sendText(
    res,
    403,
    "In playground mode the staff pages answer only on this computer (open them at http://localhost).",
  );
}

/** Only a path on this server: never an absolute URL another site could use for an open redirect. */
function safeReturn(returnTo: string): string {
  return returnTo.startsWith("/staff") && !returnTo.startsWith("//") ? returnTo : "/staff";
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) {
      try {
        return decodeURIComponent(v.join("="));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
