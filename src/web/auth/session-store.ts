import { createHash, randomBytes } from "node:crypto";
import type { Clock } from "../../core/ports/clock.js";
import type { Identity } from "../../core/programme/resolve-actor.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { OidcMethodId } from "./oidc-method.js";

/** How long a session lasts: signed out after 2 hours without a request, and after 12 hours whatever happens. */
export const SESSION_LIMITS = { idleMs: 2 * 3_600_000, absoluteMs: 12 * 3_600_000 } as const;
/** A sign-in must come back from the provider within 10 minutes (the sign-in cookie lives as long). */
export const ATTEMPT_SECONDS = 600;
const ATTEMPT_MS = ATTEMPT_SECONDS * 1000;
/** lastSeenAt is written at most once a minute: one read per page view, not a write each time. */
const TOUCH_EVERY_MS = 60_000;

export type StaffSession = { via: OidcMethodId; identity: Identity; csrfToken: string };
export type SignInAttempt = {
  method: OidcMethodId;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
};

export type SessionStore = {
  /** A new session; returns the token for the cookie (stored only as its hash). */
  createSession(input: { via: OidcMethodId; identity: Identity }): Promise<string>;
  /** The live session behind a cookie token; null when unknown, idle too long or past its absolute end. */
  findSession(token: string): Promise<StaffSession | null>;
  deleteSession(token: string): Promise<void>;
  /** Records a sign-in in progress; returns the token for the short-lived sign-in cookie. */
  createAttempt(attempt: SignInAttempt): Promise<string>;
  /** The attempt behind a cookie token, removed as it is read: a callback can be used once. */
  takeAttempt(token: string): Promise<SignInAttempt | null>;
};

export const newToken = (): string => randomBytes(32).toString("base64url");
const hash = (token: string): string => createHash("sha256").update(token).digest("hex");

/** Server-side sessions in PostgreSQL (StaffSession, StaffSignInAttempt); why: docs/STAFF-SIGN-IN.md. */
export function createSessionStore(prisma: PrismaClient, clock: Clock): SessionStore {
  const pruneExpired = async (now: Date) => {
    await prisma.staffSession.deleteMany({ where: { expiresAt: { lt: now } } });
    await prisma.staffSignInAttempt.deleteMany({ where: { expiresAt: { lt: now } } });
  };
  return {
    async createSession({ via, identity }) {
      const now = clock.now();
      await pruneExpired(now);
      const token = newToken();
      await prisma.staffSession.create({
        data: {
          id: hash(token),
          via,
          platform: identity.platform,
          externalId: identity.externalId,
          displayName: identity.displayName ?? "",
          csrfToken: newToken(),
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + SESSION_LIMITS.absoluteMs),
        },
      });
      return token;
    },

    async findSession(token) {
      const id = hash(token);
      const row = await prisma.staffSession.findUnique({ where: { id } });
      if (!row) return null;
      const now = clock.now().getTime();
      if (now >= row.expiresAt.getTime() || now - row.lastSeenAt.getTime() >= SESSION_LIMITS.idleMs) {
        await prisma.staffSession.deleteMany({ where: { id } });
        return null;
      }
      if (now - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
        await prisma.staffSession.updateMany({ where: { id }, data: { lastSeenAt: new Date(now) } });
      }
      return {
        via: row.via as OidcMethodId,
        identity: { platform: row.platform, externalId: row.externalId, displayName: row.displayName || undefined },
        csrfToken: row.csrfToken,
      };
    },

    async deleteSession(token) {
      await prisma.staffSession.deleteMany({ where: { id: hash(token) } });
    },

    async createAttempt(attempt) {
      const now = clock.now();
      await pruneExpired(now);
      const token = newToken();
      await prisma.staffSignInAttempt.create({
        data: { id: hash(token), ...attempt, expiresAt: new Date(now.getTime() + ATTEMPT_MS) },
      });
      return token;
    },

    async takeAttempt(token) {
      const id = hash(token);
      const row = await prisma.staffSignInAttempt.findUnique({ where: { id } });
      // Whoever deletes the row owns it: two racing callbacks cannot both complete one sign-in.
      if (!row || (await prisma.staffSignInAttempt.deleteMany({ where: { id } })).count !== 1) return null;
      if (clock.now().getTime() >= row.expiresAt.getTime()) return null;
      const { method, state, nonce, codeVerifier, returnTo } = row;
      return { method: method as OidcMethodId, state, nonce, codeVerifier, returnTo };
    },
  };
}
