// HTTP tests' helpers: the generic client (scripts/lib/http-client.ts) plus accounts made straight in
// the e2e app's database.
import { hashPassword } from "@/lib/auth/password";
import { HttpClient } from "@/scripts/lib/http-client";
import { appSql } from "./app-database";

export { actionId, HttpClient, parseActionResult, type ActionResult, type ResponseDraft } from "@/scripts/lib/http-client";

export interface TestAccount {
  id: string;
  email: string;
  password: string;
}

/** Creates an account straight in the app's database (an old account, so new-account limits do not apply). */
export async function createAccount(
  label: string,
  {
    role = "user",
    createdDaysAgo = 30,
    name = label,
  }: {
    role?: "user" | "editor" | "moderator" | "admin";
    createdDaysAgo?: number;
    /** The display name, when it is no email's first part. */ name?: string;
  } = {},
): Promise<TestAccount> {
  const email = `${label.toLowerCase().replace(/[^a-z0-9-]+/g, "-")}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = "correct horse battery staple";
  const [row] = await appSql<{ id: string }>(
    `insert into "User" (id, email, name, "passwordHash", role, "createdAt", "updatedAt")
     values ('u' || md5(random()::text), $1, $2, $3, $4::"Role", now() - make_interval(days => $5), now()) returning id`,
    [email, name, await hashPassword(password), role, createdDaysAgo],
  );
  return { id: row.id, email, password };
}

/** A client signed in as `account`. */
export async function signedIn(baseUrl: string, account: TestAccount): Promise<HttpClient> {
  const client = new HttpClient(baseUrl);
  const response = await client.signIn(account.email, account.password);
  if (response.status !== 200 || !client.cookieHeader.includes("session-token")) {
    throw new Error(`Sign-in failed for ${account.email}: HTTP ${response.status}`);
  }
  return client;
}

/**
 * Posts a response as `client`'s person as the claim page's form does (POST /api/claims/:id/responses);
 * fails the test when it is refused. Returns the new response's id.
 */
export async function postResponseAs(
  client: HttpClient,
  claimId: string,
  body: string,
  { stance = "support", parentId = null }: { stance?: "support" | "oppose"; parentId?: string | null } = {},
): Promise<string> {
  const { result } = await client.postResponse(claimId, { parentId, stance, body });
  if (!result.ok) throw new Error(`The response was refused: ${result.error}`);
  return (result.data as { id: string }).id;
}
