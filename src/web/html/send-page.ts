import type { ServerResponse } from "node:http";
import type { AppError } from "../../core/errors.js";
import { GENERIC_FAILURE } from "../../core/errors.js";
import { h } from "./html.js";
import { layout } from "./layout.js";

/** Private pages: no caching, no framing, no scripts at all, styles from this server only. */
export const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy":
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "cache-control": "no-store",
};

/** HTTP status for each AppError code a staff page can meet. */
export const STATUS: Partial<Record<AppError["code"], number>> = {
  not_a_member: 403,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  unavailable: 503,
};

export function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, PAGE_HEADERS);
  res.end(html);
}

/** `wayBack`: trusted HTML under the message (links or a sign-out form), so a refused viewer is not stuck. */
export function errorPage(message: string, status: number, wayBack = ""): string {
  const title =
    status === 403
      ? "Not allowed"
      : status === 404
        ? "Not found"
        : status >= 500
          ? "Something went wrong"
          : "Cannot do that";
  return layout({
    title: `${title} · Cohort Bot staff pages`,
    brand: "Cohort Bot staff pages",
    body: `<h1>${h(title)}</h1><p>${h(status >= 500 && !message ? GENERIC_FAILURE : message)}</p>${wayBack}`,
    css: "link",
  });
}
