// One-click unsubscribe links (RFC 8058) for mail that is not transactional. The link carries the person
// and the list, signed with AUTH_SECRET (HMAC-SHA256): it works without signing in, for that person and
// list only, and cannot be forged or turned to another person.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "@/lib/zod";
import { getDb } from "@/lib/db/client";
import { appUrl, serverEnv } from "@/lib/env";

export const MAIL_LISTS = ["digest", "reply"] as const;
export type MailList = (typeof MAIL_LISTS)[number];

export const ZUnsubscribe = z.object({
  u: z.string().min(1).max(64),
  l: z.enum(MAIL_LISTS),
  s: z.string().min(1).max(128),
});
export type UnsubscribeRequest = z.infer<typeof ZUnsubscribe>;

function signature(userId: string, list: MailList, secret: string) {
  return createHmac("sha256", secret).update(`unsubscribe:${userId}:${list}`).digest("base64url");
}

function secret() {
  const value = serverEnv().AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set: unsubscribe links cannot be signed.");
  return value;
}

export function unsubscribeUrl(userId: string, list: MailList): string {
  const query = new URLSearchParams({ u: userId, l: list, s: signature(userId, list, secret()) });
  return `${appUrl()}/unsubscribe?${query}`;
}

/** Whether the link is one Arguably made for this person and list. */
export function isGenuineUnsubscribe(request: UnsubscribeRequest): boolean {
  const expected = Buffer.from(signature(request.u, request.l, secret()));
  const given = Buffer.from(request.s);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** What each list's unsubscribe turns off. */
const TURN_OFF = { digest: { digest: "off" }, reply: { replyMail: "off" } } as const;

/** Applies a genuine link (one click, no sign-in); a forged or altered one changes nothing. */
export async function unsubscribe(request: UnsubscribeRequest): Promise<boolean> {
  if (!isGenuineUnsubscribe(request)) return false;
  await getDb().user.updateMany({ where: { id: request.u, deletedAt: null }, data: TURN_OFF[request.l] });
  return true;
}

/** The one-click endpoint (List-Unsubscribe) for a link's query. */
export function oneClickUrl(pageUrl: string): string {
  const url = new URL(pageUrl);
  return `${url.origin}/api/unsubscribe${url.search}`;
}
