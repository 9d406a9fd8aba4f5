// Following a claim or a response: its replies then reach the follower's notifications.
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { claimVisibleTo, responseArguesForReaders } from "./visibility";

/** Follows (or stops following) a claim or a response; only what readers see can be followed. */
export async function setFollow(input: { userId: string; claimId?: string; responseId?: string; follow: boolean }) {
  const target = input.claimId ? { claimId: input.claimId } : { responseId: input.responseId };
  if (!input.follow) {
    await getDb().follow.deleteMany({ where: { userId: input.userId, ...target } });
    return;
  }
  const followable = input.claimId ? await claimVisibleTo(input.claimId, null) : await responseArguesForReaders(input.responseId!);
  if (!followable) throw new AppError("not_found", "There is nothing to follow there.");
  try {
    await getDb().follow.create({ data: { userId: input.userId, ...target } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return; // already following
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") throw new AppError("not_found", "There is nothing to follow there.");
    throw error;
  }
}
