import { escapeHtml } from "../../platforms/local/render/escape-html.js";
import type { WebViewer } from "../sign-in.js";

/**
 * "Signed in as … · Sign out": a POST form carrying the session's CSRF token. The staff pages can put it in
 * their header for viewers signed in with Slack or Entra ID (a playground viewer has nothing to sign out of).
 */
export function signOutForm(viewer: WebViewer): string {
  const who = viewer.identity.displayName ?? viewer.identity.externalId;
  const via = viewer.via === "slack" ? "Slack" : viewer.via === "entra" ? "Microsoft" : "the playground";
  return `<form class="sign-out" method="post" action="/auth/sign-out"><p>Signed in as ${escapeHtml(who)} (${via}).
<input type="hidden" name="_csrf" value="${escapeHtml(viewer.csrfToken)}"><button type="submit">Sign out</button></p></form>`;
}
