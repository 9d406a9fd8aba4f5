// The limits admins can tune, with their defaults and labels. Pure: the fast vote endpoint
// (server/, through lib/debate/vote-on-claim.ts) reads them without the app's database client.
export const SETTING_DEFAULTS = {
  /** New accounts (first 24 hours): responses per 30 seconds and per day. */
  newAccountResponsesPer30s: 1,
  newAccountResponsesPerDay: 10,
  /** New accounts (first 24 hours): claims raised in articles per day. */
  newAccountClaimsPerDay: 3,
  /** Everyone: responses per 10 minutes, votes per minute, reports per day. */
  responsesPer10Minutes: 30,
  votesPerMinute: 60,
  reportsPerDay: 20,
  /** Everyone: claims raised in articles per day (a claim is a new debate, rarer than a response). */
  claimsPerDay: 20,
  /** Report weight that hides an item pending review (a plain reporter weighs 1). */
  autoHideWeight: 3,
  /** Public API (app/api/v1): requests per minute per access token, and per address without one. */
  apiRequestsPerMinute: 600,
  apiAnonymousRequestsPerMinute: 120,
  /** Exports (a whole article or claim, read from the database) per minute per address. */
  exportsPerMinute: 30,
  /** "Forgot password?" requests per hour, per address (network) and per account (email). */
  passwordResetsPerHourPerAddress: 10,
  passwordResetsPerHourPerAccount: 3,
  /** Changes to one's own account (name, email, password, verification mails) per hour. */
  accountChangesPerHour: 10,
  /** 1: accounts may post before confirming their email address (with the new-account limits); 0: not. */
  unverifiedMayPost: 1,
  /** Readers' article submissions per day, per person and per network address. */
  submissionsPerDay: 5,
  submissionsPerDayPerAddress: 20,
  /** Whose submissions publish without an editor's review: 0 nobody, 1 trusted readers (lib/submissions/trust.ts), 2 everyone. */
  submissionsPublish: 0,
} as const;

export type SettingKey = keyof typeof SETTING_DEFAULTS;
export type Settings = Record<SettingKey, number>;

export const SETTING_LABELS: Record<SettingKey, string> = {
  newAccountResponsesPer30s: "New accounts: responses per 30 seconds",
  newAccountResponsesPerDay: "New accounts: responses per day",
  newAccountClaimsPerDay: "New accounts: claims raised per day",
  responsesPer10Minutes: "Everyone: responses per 10 minutes",
  votesPerMinute: "Everyone: votes per minute",
  reportsPerDay: "Everyone: reports per day",
  claimsPerDay: "Everyone: claims raised per day",
  autoHideWeight: "Report weight that hides an item for review",
  apiRequestsPerMinute: "API: requests per minute per access token",
  apiAnonymousRequestsPerMinute: "API: requests per minute per address without a token",
  exportsPerMinute: "Exports: downloads per minute per address",
  passwordResetsPerHourPerAddress: "Password reset mails: requests per hour per address",
  passwordResetsPerHourPerAccount: "Password reset mails: requests per hour per account",
  accountChangesPerHour: "Account changes (name, email, password, verification mails) per hour per person",
  unverifiedMayPost: "Unconfirmed email addresses may post (1 = yes, 0 = no)",
  submissionsPerDay: "Readers' article submissions per day per person",
  submissionsPerDayPerAddress: "Readers' article submissions per day per network address",
  submissionsPublish:
    "Submissions published without review (0 = nobody, 1 = trusted readers: an account 30 days old with a confirmed email, no sanction, and 3 submissions editors published, 2 = everyone)",
};

/** Each setting's allowed values: counts and limits are at least 1; a yes/no setting is 0 or 1; a choice of three, 0 to 2. */
export const SETTING_RANGES: Record<SettingKey, { min: number; max: number }> = Object.fromEntries(
  (Object.keys(SETTING_DEFAULTS) as SettingKey[]).map((key) => [
    key,
    key === "unverifiedMayPost" ? { min: 0, max: 1 } : key === "submissionsPublish" ? { min: 0, max: 2 } : { min: 1, max: 100_000 },
  ]),
) as Record<SettingKey, { min: number; max: number }>;
