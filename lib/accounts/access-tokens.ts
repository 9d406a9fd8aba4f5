// Personal access tokens for the public API (decision 014). A token is 32 random bytes behind a fixed
// prefix (so secret scanners and people can recognise one); only its SHA-256 hash is stored. A fast
// hash is right here: the secret is random, not a password, so there is nothing to guess.
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TokenScope } from "@/lib/generated/prisma/enums";
import { asSessionUser, sessionUserSelect, type SessionUser } from "./users";

export const TOKEN_PREFIX = "arg_pat_";
const TOKEN_PATTERN = /^arg_pat_[A-Za-z0-9_-]{43}$/;
/** Live (unrevoked, unexpired) tokens one person may hold. */
export const MAX_LIVE_TOKENS = 20;
/** How often a token's "last used" is written, at most. */
const LAST_USED_PRECISION_MS = 60_000;

export function hashAccessToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

const listedTokenSelect = { id: true, name: true, prefix: true, scope: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } as const;

function live(now = new Date()) {
  return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

/** Creates a token and returns its secret: the only time anyone sees it. */
export async function createAccessToken(input: { userId: string; name: string; scope: TokenScope; expiresInDays: number | null }) {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const record = await getDb().$transaction(async (tx) => {
    const held = await tx.personalAccessToken.count({ where: { userId: input.userId, ...live() } });
    if (held >= MAX_LIVE_TOKENS) throw new AppError("conflict", `You already have ${MAX_LIVE_TOKENS} tokens; revoke one you no longer use first.`);
    return tx.personalAccessToken.create({
      data: {
        userId: input.userId,
        name: input.name,
        scope: input.scope,
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        tokenHash: hashAccessToken(token),
        expiresAt: input.expiresInDays === null ? null : new Date(Date.now() + input.expiresInDays * 24 * 60 * 60 * 1000),
      },
      select: listedTokenSelect,
    });
  });
  return { token, record };
}

/** The person's tokens, newest first, revoked ones included (they say when they were last used). */
export async function listAccessTokens(userId: string, now = new Date()) {
  const tokens = await getDb().personalAccessToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 100, select: listedTokenSelect });
  return tokens.map((token) => ({
    ...token,
    state: token.revokedAt ? ("revoked" as const) : token.expiresAt && token.expiresAt <= now ? ("expired" as const) : ("active" as const),
  }));
}

export type ListedAccessToken = Awaited<ReturnType<typeof listAccessTokens>>[number];

/** Revokes one of the person's own tokens; another person's token is "not found", never "not yours". */
export async function revokeAccessToken(input: { userId: string; tokenId: string }) {
  const { count } = await getDb().personalAccessToken.updateMany({
    where: { id: input.tokenId, userId: input.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("not_found", "That token does not exist or was already revoked.");
}

export interface TokenCaller {
  user: SessionUser;
  token: { id: string; scope: TokenScope };
}

/**
 * The owner of a live token, or null for anything else (malformed, unknown, revoked, expired). The
 * owner is read fresh, like a session's user, so a ban or role change applies to their tokens at once.
 */
export async function authenticateAccessToken(token: string, now = new Date()): Promise<TokenCaller | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await getDb().personalAccessToken.findUnique({
    where: { tokenHash: hashAccessToken(token) },
    select: { id: true, scope: true, revokedAt: true, expiresAt: true, lastUsedAt: true, user: { select: sessionUserSelect } },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await getDb().personalAccessToken.update({ where: { id: row.id }, data: { lastUsedAt: now }, select: { id: true } });
  }
  return { user: await asSessionUser(row.user), token: { id: row.id, scope: row.scope } };
}
