// npm run user:role -- <email> <role>  — changes an account's role (user, editor, moderator, admin).
// For whoever operates the server; the change is written to the moderation log.
import { loadEnvironment, log, migrateDatabase, openDatabase } from "./lib/runtime";
import { connectToDatabase } from "@/lib/env";
import { ROLES, zRole } from "@/lib/vocabulary";

async function main() {
  const [email, given] = process.argv.slice(2);
  const role = zRole.safeParse(given);
  if (!email || !role.success) {
    console.error(`usage: npm run user:role -- <email> <${ROLES.join("|")}>`);
    process.exit(2);
  }
  const env = loadEnvironment();
  const database = await openDatabase(env);
  connectToDatabase(database.url);
  try {
    await migrateDatabase(database.url);
    const { getUserIdByEmail } = await import("@/lib/accounts/users");
    const { setRole } = await import("@/lib/moderation/set-role");
    const userId = await getUserIdByEmail(email);
    if (!userId) {
      console.error(`arguably: no account with the email ${email}`);
      process.exitCode = 2;
      return;
    }
    await setRole({ admin: null, userId, role: role.data });
    log(`${email} is now ${role.data}`);
  } finally {
    const { getDb } = await import("@/lib/db/client");
    await getDb().$disconnect();
    await database.stop();
  }
}

main().catch((error: Error) => {
  console.error(`arguably: ${error.message}`);
  process.exit(1);
});
