import type { ServerResponse } from "node:http";
import { escapeHtml } from "../../platforms/local/render/escape-html.js";

/**
 * The few pages sign-in shows itself: the choice of method, "not configured", and a refusal. Plain HTML,
 * no script; every dynamic string escaped. Headers keep them out of caches, frames and Referer headers
 * (a callback URL carries a one-time code).
 */
const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}a.button{display:block;margin:.75rem 0;padding:.75rem 1rem;border:2px solid #1b1b1b;
border-radius:6px;color:#1b1b1b;text-decoration:none;font-weight:600}a.button:focus,a.button:hover{background:#ffdd00}
code{background:#f3f2f1;padding:0 .25rem}.notice{border-left:4px solid #1d70b8;padding-left:.75rem}`;

export function sendPage(res: ServerResponse, status: number, title: string, body: string): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Cohort Bot</title><style>${STYLE}</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "content-length": Buffer.byteLength(html),
    "cache-control": "no-store",
    "content-security-policy":
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
  });
  res.end(html);
}

export function signInPage(options: {
  methods: { id: string; label: string }[];
  returnTo: string;
  signedOut?: boolean;
}): { title: string; body: string } {
  const query = `?returnTo=${encodeURIComponent(options.returnTo)}`;
  const buttons = options.methods
    .map(
      (m) => `<a class="button" href="/auth/${escapeHtml(m.id)}/start${escapeHtml(query)}">${escapeHtml(m.label)}</a>`,
    )
    .join("\n");
  const notice = options.signedOut ? `<p class="notice" role="status">You have signed out.</p>` : "";
  return {
    title: "Sign in to the staff pages",
    body: `${notice}<p>Programme staff and coaches: sign in with the account the programme knows you by.</p>\n${buttons}`,
  };
}

export function notConfiguredPage(): { title: string; body: string } {
  return {
    title: "Staff sign-in is not configured",
    body: `<p>This server has no way for staff to sign in yet, so the staff pages are closed.</p>
<p>To open them, set <code>SLACK_CLIENT_ID</code> and <code>SLACK_CLIENT_SECRET</code> (Sign in with Slack) and/or
<code>ENTRA_CLIENT_ID</code> and <code>ENTRA_CLIENT_SECRET</code> (Microsoft Entra ID), together with
<code>PUBLIC_URL</code>, then restart the server. The steps are in <code>docs/STAFF-SIGN-IN.md</code>.</p>`,
  };
}

/** A sign-in that did not work, with what to do next. */
export function problemPage(message: string, returnTo: string): { title: string; body: string } {
  const again = `/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
  return {
    title: "You are not signed in",
    body: `<p role="alert">${escapeHtml(message)}</p><p><a href="${escapeHtml(again)}">Start again</a></p>`,
  };
}
