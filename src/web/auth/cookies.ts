import type { IncomingMessage, ServerResponse } from "node:http";
import { parse, serialize } from "cookie";

/**
 * The two cookies sign-in sets: the session and, for ten minutes, the sign-in in progress. Over https they
 * carry the `__Host-` prefix (browsers then insist on Secure, Path=/ and no Domain, so a sibling subdomain
 * cannot plant one). Always HttpOnly and SameSite=Lax: Lax still sends the sign-in cookie on the provider's
 * top-level redirect back to the callback, but not on another site's form posts.
 */
export type CookieJar = {
  secure: boolean;
  sessionName: string;
  attemptName: string;
};

export function cookieJar(publicUrl: string): CookieJar {
  const secure = publicUrl.startsWith("https://");
  const prefix = secure ? "__Host-" : "";
  return { secure, sessionName: `${prefix}cohort_staff`, attemptName: `${prefix}cohort_sign_in` };
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  return parse(header)[name] || undefined;
}

/** Appends a Set-Cookie (a response may set one cookie and clear another). `maxAgeSeconds: 0` clears it. */
export function setCookie(
  res: ServerResponse,
  jar: CookieJar,
  name: string,
  value: string,
  maxAgeSeconds?: number,
): void {
  const cookie = serialize(name, value, {
    httpOnly: true,
    secure: jar.secure,
    sameSite: "lax",
    path: "/",
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  });
  const previous = res.getHeader("set-cookie");
  const list = previous === undefined ? [] : Array.isArray(previous) ? previous : [String(previous)];
  res.setHeader("set-cookie", [...list, cookie]);
}

export function clearCookie(res: ServerResponse, jar: CookieJar, name: string): void {
  setCookie(res, jar, name, "", 0);
}
