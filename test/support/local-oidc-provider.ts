import http from "node:http";
import Provider from "oidc-provider";
import { freePort } from "./spawn-server.js";

/** A test person at the provider: the login typed into its form, and the claims their ID token carries. */
export type TestAccount = Record<string, string>;

export type LocalOidcProvider = {
  /** http://127.0.0.1:<port>, what SLACK_SIGN_IN_ISSUER / ENTRA_SIGN_IN_ISSUER point at. */
  issuer: string;
  close(): Promise<void>;
};

/**
 * A real OpenID provider (panva's certified `oidc-provider`) on 127.0.0.1, with confidential clients and
 * accounts whose claims look like Slack's (`https://slack.com/user_id`, `https://slack.com/team_id`) or
 * Entra ID's (`oid`, `tid`). Its development login and consent forms take any password; the login is the
 * account name. Claims go into the ID token, as Slack and Entra ID put them.
 */
export async function startLocalOidcProvider(options: {
  clients: { clientId: string; clientSecret: string; redirectUris: string[] }[];
  accounts: Record<string, TestAccount>;
}): Promise<LocalOidcProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
    })),
    async findAccount(_ctx, id) {
      const claims = options.accounts[id];
      if (!claims) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
    },
    claims: {
      openid: ["sub"],
      profile: ["name", "https://slack.com/user_id", "https://slack.com/team_id", "oid", "tid"],
      email: ["email"],
    },
    conformIdTokenClaims: false,
    ttl: { AuthorizationCode: 60, AccessToken: 600, IdToken: 600, Grant: 600, Interaction: 600, Session: 600 },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["local-oidc-provider-test-key"] },
  });
  // Quiet: the provider warns about its development-only features on every start.
  provider.on("server_error", (_ctx, error) => process.stderr.write(`oidc-provider: ${error}\n`));
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
