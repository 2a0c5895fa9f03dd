import type * as OpenIdClient from "openid-client";
import type { IdTokenClaims, OidcMethod } from "./oidc-method.js";
import { SCOPES } from "./oidc-method.js";
import type { SignInAttempt } from "./session-store.js";

/** The secrets one sign-in carries from the redirect to the callback (stored server-side, never in the URL). */
export type AttemptSecrets = Pick<SignInAttempt, "state" | "nonce" | "codeVerifier">;

export type OidcClient = {
  redirectUri: string;
  /** A new state, nonce and PKCE verifier, and where to send the browser with them (code flow, S256). */
  begin(): Promise<{ url: URL; secrets: AttemptSecrets }>;
  /**
   * Checks the provider's answer (state), redeems the code (PKCE verifier, client secret) and verifies the ID
   * token (signature, issuer, audience, expiry, nonce). Throws on any mismatch.
   */
  redeem(callbackQuery: string, secrets: AttemptSecrets): Promise<IdTokenClaims>;
};

/** The redirect URI to register with the provider: PUBLIC_URL + /auth/<method>/callback. */
export function redirectUriFor(method: Pick<OidcMethod, "id">, publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/auth/${method.id}/callback`;
}

/** Loaded on the first sign-in: a server without staff sign-in never pays for it at start-up. */
const loadOpenIdClient = () => import("openid-client");

/**
 * One OpenID provider through openid-client (panva; OpenID certified). Discovery runs on first use and is
 * kept; a failed discovery is retried on the next sign-in rather than failing start-up when the provider
 * is briefly unreachable.
 */
export function createOidcClient(method: OidcMethod, publicUrl: string): OidcClient {
  const redirectUri = redirectUriFor(method, publicUrl);
  let discovered: Promise<{ oidc: typeof OpenIdClient; config: OpenIdClient.Configuration }> | undefined;
  const discover = async () => {
    const oidc = await loadOpenIdClient();
    const config = await oidc.discovery(
      method.issuer,
      method.clientId,
      method.clientSecret,
      // Both Slack (openid.connect.token) and Entra ID accept the secret in the form body.
      oidc.ClientSecretPost(),
      // Plain http only for a test issuer (OidcMethod.allowHttp; env refuses one in production).
      method.allowHttp ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
    );
    return { oidc, config };
  };
  const configuration = () => {
    discovered ??= discover().catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
    return discovered;
  };

  return {
    redirectUri,
    async begin() {
      const { oidc, config } = await configuration();
      const secrets = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
      };
      const url = oidc.buildAuthorizationUrl(config, {
        ...method.authorizationParams,
        redirect_uri: redirectUri,
        scope: SCOPES,
        response_type: "code",
        code_challenge: await oidc.calculatePKCECodeChallenge(secrets.codeVerifier),
        code_challenge_method: "S256",
        state: secrets.state,
        nonce: secrets.nonce,
      });
      return { url, secrets };
    },

    async redeem(callbackQuery, secrets) {
      const { oidc, config } = await configuration();
      // The URL the provider redirected to, rebuilt on PUBLIC_URL: openid-client derives redirect_uri from it.
      const current = new URL(redirectUri);
      current.search = callbackQuery;
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: secrets.codeVerifier,
        expectedState: secrets.state,
        expectedNonce: secrets.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error("the provider returned no ID token");
      return claims as IdTokenClaims;
    },
  };
}
