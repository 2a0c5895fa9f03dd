import type { Identity } from "../../core/programme/resolve-actor.js";

export type OidcMethodId = "slack" | "entra";

/** The claims of a verified ID token (signature, issuer, audience, expiry and nonce already checked). */
export type IdTokenClaims = Record<string, unknown>;

/** One OpenID provider staff can sign in with, and how its ID token names a person the programme file knows. */
export type OidcMethod = {
  id: OidcMethodId;
  /** The button: "Sign in with Slack". */
  label: string;
  /** The provider's issuer; discovery reads `<issuer>/.well-known/openid-configuration`. */
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Only for a test issuer on plain http (never in production: env refuses the override there). */
  allowHttp: boolean;
  /** Extra authorization request parameters (Slack's `team`). */
  authorizationParams: Record<string, string>;
  /** The identity the ID token proves, or why this person cannot sign in here (shown to them). */
  identify(claims: IdTokenClaims): { identity: Identity } | { refused: string };
};

export const SCOPES = "openid profile email";

export const stringClaim = (claims: IdTokenClaims, name: string): string | undefined => {
  const value = claims[name];
  return typeof value === "string" && value.length > 0 ? value : undefined;
};
