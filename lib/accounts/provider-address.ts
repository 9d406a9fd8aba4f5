// Whether an OAuth provider vouches for the address it gives us. Google says so per address
// (`email_verified`, kept as `emailVouched` by lib/auth/options.ts's profile). GitHub lets an address be a profile's public email, or the primary one next-auth
// falls back to, only once it is verified. Addresses a provider does not vouch for get our own link.
import { getDb } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { normaliseEmail } from "./normalise-email";

export function providerVouchesForEmail(provider: string, profile: unknown): boolean {
  const claims = (profile ?? {}) as { emailVouched?: unknown };
  if (provider === "google") return claims.emailVouched === true;
  if (provider === "github") return true;
  return false;
}

export async function confirmProviderAddress(input: { userId: string; email: string | null; provider: string; profile: unknown }) {
  const user = await getDb().user.findUnique({ where: { id: input.userId }, select: { email: true, emailVerified: true } });
  if (!user || user.emailVerified) return;
  const sameAddress = input.email !== null && normaliseEmail(input.email) === user.email;
  if (sameAddress && providerVouchesForEmail(input.provider, input.profile)) {
    await getDb().user.update({ where: { id: input.userId }, data: { emailVerified: new Date() } });
  } else {
    await enqueueJob(getDb(), "send_mail", { kind: "verify_email", userId: input.userId }, { jobKey: `verify:${input.userId}` });
  }
}
