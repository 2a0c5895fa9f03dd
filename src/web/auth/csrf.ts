import { timingSafeEqual } from "node:crypto";

/** True when `token` is the session's CSRF token; compared in constant time so timing reveals nothing. */
export function csrfMatches(expected: string, token: string | undefined): boolean {
  if (typeof token !== "string" || token.length === 0) return false;
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(token, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
