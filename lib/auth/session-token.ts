// Reading the session cookie without next-auth's getServerSession, which runs its whole request handler
// (CSRF token, callbacks) and derives the encryption key anew with HKDF for every request: about two
// thirds of the cost of a signed-in server action here (issue 7). The token format is next-auth v4's:
// a JWE (dir, A256GCM) whose key is HKDF-SHA256(secret, salt, "NextAuth.js Generated Encryption Key").
// The key is derived once per secret. A test decodes tokens made by next-auth's own encode.
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { JWT } from "next-auth/jwt";

const keys = new Map<string, Uint8Array>();

function encryptionKey(secret: string | Buffer, salt: string) {
  const id = `${salt}\u0000${typeof secret === "string" ? secret : secret.toString("base64")}`;
  let key = keys.get(id);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`, 32));
    keys.set(id, key);
  }
  return key;
}

// Tokens seen recently, decoded: a token's contents never change, so only its expiry needs rechecking.
const decoded = new Map<string, { payload: JWT; expiresAt: number }>();
const DECODED_KEPT = 10_000;
const CLOCK_TOLERANCE_SECONDS = 15;

/** next-auth's `jwt.decode`, with the derived key kept: the payload, or a thrown error for a bad token. */
export async function decodeSessionToken({ token, secret, salt = "" }: { token?: string; secret: string | Buffer; salt?: string }): Promise<JWT | null> {
  if (!token) return null;
  const id = `${salt}\u0000${typeof secret === "string" ? secret : secret.toString("base64")}\u0000${token}`;
  const known = decoded.get(id);
  if (known && known.expiresAt > Date.now()) return known.payload;
  const { payload } = await jwtDecrypt(token, encryptionKey(secret, salt), { clockTolerance: CLOCK_TOLERANCE_SECONDS });
  if (typeof payload.exp === "number") {
    if (decoded.size >= DECODED_KEPT) decoded.delete(decoded.keys().next().value!);
    decoded.set(id, { payload: payload as JWT, expiresAt: (payload.exp + CLOCK_TOLERANCE_SECONDS) * 1000 });
  }
  return payload as JWT;
}

/** The session token from the request's cookies (next-auth splits tokens over 4 kB into name.0, name.1, …). */
export function sessionTokenFrom(cookies: { name: string; value: string }[], secure: boolean): string | null {
  const name = `${secure ? "__Secure-" : ""}next-auth.session-token`;
  const whole = cookies.find((cookie) => cookie.name === name);
  if (whole) return whole.value;
  const chunks = cookies
    .map((cookie) => ({ index: cookie.name.startsWith(`${name}.`) ? Number(cookie.name.slice(name.length + 1)) : NaN, value: cookie.value }))
    .filter((chunk) => Number.isInteger(chunk.index))
    .sort((a, b) => a.index - b.index);
  return chunks.length ? chunks.map((chunk) => chunk.value).join("") : null;
}
