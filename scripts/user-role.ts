// npm run user:role -- <email> <role>  — changes an account's role (user, editor, moderator, admin).
// For whoever operates the server; the change is written to the moderation log.
import { loadEnvironment, log, migrateDatabase, openDatabase } from "./lib/runtime";
import { connectToDatabase } from "@/lib/env";

const ROLES = ["user", "editor", "moderator", "admin"] as const;

async function main() {
  const [email, role] = process.argv.slice(2);
  if (!email || !ROLES.includes(role as (typeof ROLES)[number])) {
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
    await setRole({ admin: null, userId, role: role as (typeof ROLES)[number] });
    log(`${email} is now ${role}`);
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
