// An admin gives a person a role (user, editor, moderator, admin); logged.
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { can, type Actor } from "@/lib/policy";
import { log } from "./log";

export async function setRole({ admin, userId, role }: { admin: Actor | null; userId: string; role: Role }) {
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
    if (!user) throw new AppError("not_found", "That account does not exist.");
    // A null admin is the command line (`npm run user:role`), run by whoever operates the server.
    if (admin && !can(admin, "user.role", { userId: user.id, userRole: user.role }))
      throw new AppError("forbidden", "Only an admin can change someone else's role.");
    await tx.user.update({ where: { id: userId }, data: { role } });
    await log(tx, {
      moderatorId: admin?.id ?? null,
      action: "role",
      targetType: "user",
      targetId: userId,
      reason: `Role changed from ${user.role} to ${role}`,
    });
  });
}
