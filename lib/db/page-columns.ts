// Which columns readers' pages show, for the tables whose page-change trigger (arguably_page_changed,
// migrations 20261122054032_debate_stats and 20261202050800_reader_claims_and_metadata) fires only on
// some columns. A write to a `shown` column must drop the cached pages of its article (decision 011);
// a column in `notShown` says why it need not. Every column of these tables must be in exactly one of
// the two lists, and the trigger must list exactly the `shown` ones: tests/integration/page-trigger.test.ts
// checks both against the live database, so a new column cannot be forgotten (anonymous readers would
// get stale pages). Adding a shown column: add it here and re-create the trigger in a migration.
export const PAGE_TRIGGER_COLUMNS = {
  Claim: {
    shown: ["text", "exact", "prefix", "suffix", "start", "end", "hiddenAt", "lockedAt", "duplicateOfId", "origin", "raisedById"],
    notShown: {
      id: "never changes",
      articleId: "never changes",
      score: "the claim finder's confidence, for editors only",
      moderationVersion: "bumped together with a shown column",
      createdAt: "never changes",
      updatedAt: "follows every change",
      agreeVotes: "statistics: change only through a vote write, which notifies",
      disagreeVotes: "statistics: change only through a vote write, which notifies",
      supportCount: "statistics: change only through a response write, which notifies",
      opposeCount: "statistics: change only through a response write, which notifies",
      responseCount: "statistics: change only through a response write, which notifies",
      supportLog: "statistics: change only through a response or vote write, which notifies",
      opposeLog: "statistics: change only through a response or vote write, which notifies",
      standing: "statistics: change only through a response or vote write, which notifies",
    },
  },
  Response: {
    shown: ["body", "editedAt", "deletedAt", "hiddenAt", "removedAt", "removalReason"],
    notShown: {
      id: "never changes",
      claimId: "changes only when claims merge, which hides the merged claim (notifies)",
      parentId: "never changes",
      stance: "never changes",
      authorId: "never changes",
      createdAt: "never changes",
      withheldAbove: "follows hiddenAt/removedAt of a response above, whose write notifies",
      moderationVersion: "bumped together with a shown column",
      submissionKey: "the author's browser's idempotency key, never shown",
      strongVotes: "statistics: change only through a vote write, which notifies",
      weakVotes: "statistics: change only through a vote write, which notifies",
      supporters: "statistics: change only through a response write, which notifies",
      opposers: "statistics: change only through a response write, which notifies",
      supportLog: "statistics: change only through a response or vote write, which notifies",
      opposeLog: "statistics: change only through a response or vote write, which notifies",
      strength: "statistics: change only through a response or vote write, which notifies",
    },
  },
  User: {
    shown: ["name"],
    notShown: {
      id: "never changes",
      email: "private",
      emailVerified: "private",
      image: "not shown on article, claim or response pages",
      passwordHash: "private",
      role: "shown only on staff pages, which are never cached",
      bannedUntil: "shown only on staff pages and to the person",
      banReason: "shown only on staff pages and to the person",
      deletedAt: 'set together with name ("[deleted account]"), whose write notifies',
      replyMail: "private: mail preferences",
      followMail: "private: mail preferences",
      digest: "private: mail preferences",
      digestCoveredUntil: "private: the digest schedule",
      mailUndeliverableAt: "private: shown only to the person",
      silencedUntil: "shown only on staff pages and to the person",
      silenceReason: "shown only on staff pages and to the person",
      createdAt: "shown only on profiles, which are never cached",
      updatedAt: "follows every change",
    },
  },
} as const satisfies Record<string, { shown: readonly string[]; notShown: Record<string, string> }>;
