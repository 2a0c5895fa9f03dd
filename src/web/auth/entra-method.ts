import type { Env } from "../../config/env.js";
import { type OidcMethod, stringClaim } from "./oidc-method.js";

/**
 * Sign in with Microsoft Entra ID (OpenID Connect, v2.0 endpoint of one tenant). The `oid` claim is the
 * person's object id, the id Teams uses and the programme file lists; `tid` must be the configured tenant,
 * so an account from another organisation with a colliding id cannot get in.
 */
export function entraMethod(env: Env): OidcMethod | null {
  const tenant = env.ENTRA_TENANT_ID ?? env.TENANT_ID;
  if (!env.ENTRA_CLIENT_ID || !env.ENTRA_CLIENT_SECRET || !tenant) return null;
  return {
    id: "entra",
    label: "Sign in with Microsoft",
    issuer: new URL(env.ENTRA_SIGN_IN_ISSUER ?? `https://login.microsoftonline.com/${tenant}/v2.0`),
    clientId: env.ENTRA_CLIENT_ID,
    clientSecret: env.ENTRA_CLIENT_SECRET,
    allowHttp: Boolean(env.ENTRA_SIGN_IN_ISSUER),
    authorizationParams: {},
    identify(claims) {
      const objectId = stringClaim(claims, "oid");
      if (stringClaim(claims, "tid")?.toLowerCase() !== tenant.toLowerCase()) {
        return { refused: "That Microsoft account belongs to another organisation. Use your work account." };
      }
      if (!objectId) return { refused: "Microsoft did not say which account signed in." };
      return { identity: { platform: "teams", externalId: objectId, displayName: stringClaim(claims, "name") } };
    },
  };
}
