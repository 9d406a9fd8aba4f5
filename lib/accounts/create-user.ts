import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { serverEnv } from "@/lib/env";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { isEmailBanned } from "./banned-emails";
import { normaliseEmail } from "./normalise-email";

export class EmailTakenError extends Error {
  override name = "EmailTakenError";
  constructor() {
    super("An account with this email already exists.");
  }
}

/** The address belonged to a banned account that was deleted while the ban lasts. */
export class EmailBannedError extends Error {
  override name = "EmailBannedError";
  constructor() {
    super("This email address cannot be used for a new account: it belonged to a banned account.");
  }
}

export interface NewUser {
  email: string;
  name: string;
  passwordHash?: string | null;
  image?: string | null;
  emailVerified?: Date | null;
  /** Mail a verification link (sign-up); OAuth sign-ups are verified, or mailed, once the provider is known. */
  sendVerification?: boolean;
}

// Serialises "is this the first account?" so two simultaneous first sign-ups cannot both become admin.
const FIRST_USER_LOCK = 7_240_311_903;

/**
 * Creates an account. The first account ever created, and the one whose email is ADMIN_EMAIL, is an
 * admin; everyone else starts as a user.
 */
export async function createUser(input: NewUser, adminEmail = serverEnv().ADMIN_EMAIL) {
  const email = normaliseEmail(input.email);
  try {
    return await getDb().$transaction(async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(${FIRST_USER_LOCK})`;
      if (await isEmailBanned(tx, email)) throw new EmailBannedError();
      const isFirst = (await tx.user.count()) === 0;
      const role: Role = isFirst || (adminEmail && normaliseEmail(adminEmail) === email) ? "admin" : "user";
      const user = await tx.user.create({
        data: {
          email,
          name: input.name.trim(),
          passwordHash: input.passwordHash ?? null,
          image: input.image ?? null,
          emailVerified: input.emailVerified ?? null,
          role,
        },
        select: { id: true, email: true, name: true, role: true, image: true, emailVerified: true },
      });
      if (input.sendVerification && !user.emailVerified) await enqueueJob(tx, "send_mail", { kind: "verify_email", userId: user.id });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new EmailTakenError();
    throw error;
  }
}
