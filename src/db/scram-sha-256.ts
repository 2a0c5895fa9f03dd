import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The server side of SCRAM-SHA-256 (RFC 5802/7677), the password exchange PostgreSQL itself uses: the
 * password never crosses the socket, only a proof bound to both sides' nonces, so a captured exchange
 * cannot be replayed. Pure functions over strings; src/db/require-password.ts speaks the wire protocol.
 * Only the mechanism without channel binding is offered: the embedded database listens on loopback,
 * without TLS, so there is no channel to bind to.
 */
export const SCRAM_MECHANISM = "SCRAM-SHA-256";
const ITERATIONS = 4096; // PostgreSQL's default

/** What the server keeps instead of the password. */
export type ScramVerifier = { salt: Buffer; iterations: number; storedKey: Buffer; serverKey: Buffer };

export function scramVerifier(password: string): ScramVerifier {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password, salt, ITERATIONS, 32, "sha256");
  return {
    salt,
    iterations: ITERATIONS,
    storedKey: sha256(hmac(salted, "Client Key")),
    serverKey: hmac(salted, "Server Key"),
  };
}

/** One exchange, from the client's first message to the server's final one. */
export type ScramExchange = {
  /** The server-first-message, or null when the client-first-message is malformed. */
  serverFirst(clientFirst: string): string | null;
  /** The server-final-message ("v=...") when the proof is right, null otherwise. */
  serverFinal(clientFinal: string): string | null;
};

export function scramExchange(verifier: ScramVerifier): ScramExchange {
  let clientFirstBare = "";
  let serverFirst = "";
  let nonce = "";
  let gs2Header = "";
  return {
    serverFirst(clientFirst) {
      // gs2-header: "n,," (client has no channel binding) or "y,," (it has, we offer none); no authzid.
      const match = /^([ny]),,(n=[^,]*,r=([\x21-\x2b\x2d-\x7e]+)(?:,.*)?)$/.exec(clientFirst);
      if (!match) return null;
      gs2Header = `${match[1]},,`;
      clientFirstBare = match[2] as string;
      nonce = (match[3] as string) + randomBytes(18).toString("base64");
      serverFirst = `r=${nonce},s=${verifier.salt.toString("base64")},i=${verifier.iterations}`;
      return serverFirst;
    },
    serverFinal(clientFinal) {
      if (!serverFirst) return null;
      const match = /^(c=([^,]*),r=([^,]*)(?:,.*)?),p=([A-Za-z0-9+/=]+)$/.exec(clientFinal);
      if (!match) return null;
      const [, withoutProof, binding, echoedNonce, proofB64] = match as unknown as string[];
      if (echoedNonce !== nonce || Buffer.from(binding as string, "base64").toString() !== gs2Header) return null;
      const authMessage = `${clientFirstBare},${serverFirst},${withoutProof}`;
      const proof = Buffer.from(proofB64 as string, "base64");
      if (proof.length !== 32) return null;
      const signature = hmac(verifier.storedKey, authMessage);
      const clientKey = Buffer.alloc(32);
      for (let i = 0; i < 32; i++) clientKey[i] = (proof[i] as number) ^ (signature[i] as number);
      if (!timingSafeEqual(sha256(clientKey), verifier.storedKey)) return null;
      return `v=${hmac(verifier.serverKey, authMessage).toString("base64")}`;
    },
  };
}

function hmac(key: Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data).digest();
}

function sha256(data: Buffer): Buffer {
  return createHash("sha256").update(data).digest();
}
