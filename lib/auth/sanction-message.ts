import { formatDate } from "@/lib/format";
import { isSilenced } from "@/lib/policy";

/** Why this person cannot post, in words, with the end date; null when they can. */
export function postingBlockedReason(user: { silencedUntil: Date | null; silenceReason: string | null; mustVerifyEmail?: boolean }): string | null {
  if (!isSilenced(user)) {
    return user.mustVerifyEmail ? "Confirm your email address to post: open the link we mailed you, or send a new one from your settings." : null;
  }
  const until = user.silencedUntil!.getFullYear() > 9000 ? "until further notice" : `until ${formatDate(user.silencedUntil!)}`;
  return `You are silenced ${until}: ${user.silenceReason ?? "no reason given"}. You can still read, vote and report.`;
}
