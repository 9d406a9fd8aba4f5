import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { serverEnv } from "@/lib/env";

export class EmailTakenError extends Error {
  override name = "EmailTakenError";
  constructor() {
    super("An account with this email already exists.");
  }
}

export interface NewUser {
  email: string;
  name: string;
  passwordHash?: string | null;
  image?: string | null;
  emailVerified?: Date | null;
}

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
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
      const isFirst = (await tx.user.count()) === 0;
      const role: Role = isFirst || (adminEmail && normaliseEmail(adminEmail) === email) ? "admin" : "user";
      return tx.user.create({
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
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new EmailTakenError();
    throw error;
  }
}
