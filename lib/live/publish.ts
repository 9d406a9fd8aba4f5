// Live updates travel through PostgreSQL: a write calls pg_notify inside its transaction, PostgreSQL
// delivers the notice to every listening connection when (and only if) the transaction commits, and each
// app instance turns it into one update (./build-update.ts) for all of its readers (./hub.ts). Several app
// instances on one database therefore see each other's writes.
import type { Prisma } from "@/lib/generated/prisma/client";

export const LIVE_CHANNEL = "arguably_live";
/** A person's notifications changed (payload: their user id); sent by a trigger on "Notification". */
export const INBOX_CHANNEL = "arguably_inbox";

/** The notice: which debate changed, and which response the change is about (if one). */
export interface LiveEvent {
  /** "claim": a claim was raised, merged, hidden or changed in the article. */
  type: "response" | "vote" | "claim";
  claimId: string;
  articleId: string;
  responseId?: string;
}

/** Every change to a debate is announced here (the job worker also listens: decision 020's bridged standings). */
export async function announce(tx: Prisma.TransactionClient, event: LiveEvent) {
  await tx.$executeRaw`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(event)})`;
}
