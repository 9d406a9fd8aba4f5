-- Issue 31 (decision 007): the site's rules, cited by every report and moderation action; and a
-- placeholder where a response was hidden or removed (decision 015).

-- CreateTable
CREATE TABLE "SiteRule" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "needsNote" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SiteRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SiteRule_name_key" ON "SiteRule"("name");

-- CreateIndex
CREATE INDEX "SiteRule_position_idx" ON "SiteRule"("position");

-- Hand-written: the defaults every site starts with (admins edit them in /admin).
INSERT INTO "SiteRule" (id, name, text, "needsNote", position) VALUES
  ('rule-harassment', 'Harassment', 'Attacks a person instead of their argument: insults, threats, slurs or piling on someone.', false, 1),
  ('rule-spam', 'Spam', 'Advertising, the same post again and again, or links that have nothing to do with the debate.', false, 2),
  ('rule-off-topic', 'Off-topic', 'Does not argue for or against what it answers.', false, 3),
  ('rule-misinformation', 'Misinformation without a source', 'States as fact something false or disputed, with no source anyone could check.', false, 4),
  ('rule-personal-information', 'Personal information', 'Reveals someone''s private details: an address, a phone number, a workplace, or who is behind an account.', false, 5),
  ('rule-other', 'Other', 'Something else that keeps people from arguing in good faith. The note says what.', true, 6);

-- AlterTable: reports point to a rule instead of a fixed reason (kept in the note where it said more).
ALTER TABLE "Report" ADD COLUMN "ruleId" TEXT;
UPDATE "Report" SET "ruleId" = CASE reason::text
    WHEN 'spam' THEN 'rule-spam'
    WHEN 'abuse' THEN 'rule-harassment'
    WHEN 'off_topic' THEN 'rule-off-topic'
    WHEN 'misinformation' THEN 'rule-misinformation'
    WHEN 'duplicate' THEN CASE WHEN "duplicateOfId" IS NULL THEN 'rule-other' END
    ELSE 'rule-other' END,
  note = CASE WHEN reason::text = 'unclear' THEN coalesce('Unclear. ' || note, 'Unclear.')
    WHEN reason::text = 'duplicate' AND "duplicateOfId" IS NULL THEN coalesce('Duplicate. ' || note, 'Duplicate.')
    ELSE note END;
ALTER TABLE "Report" DROP COLUMN "reason";

-- AlterTable
ALTER TABLE "ModerationAction" ADD COLUMN "ruleId" TEXT;

-- DropEnum
DROP TYPE "ReportReason";

-- DropIndex
DROP INDEX "ModerationAction_targetType_targetId_idx";

-- CreateIndex
CREATE INDEX "ModerationAction_targetType_targetId_createdAt_idx" ON "ModerationAction"("targetType", "targetId", "createdAt");

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "SiteRule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "SiteRule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: a response hidden or removed by itself keeps its place for readers, as a placeholder
-- with no text, author or counts of its own; what is below it stays withheld with it (folded). So a
-- placeholder counts where it stands, like "[deleted]" does, and a deleted response above it keeps its
-- place while it has one. Its argument still does not count (arguably_response_argues is unchanged).
-- lib/policy/visibility.ts presentToReaders is the same rule in TypeScript.
CREATE OR REPLACE FUNCTION arguably_response_present(withheld_above boolean, hidden_at timestamp(3), removed_at timestamp(3), deleted_at timestamp(3), replies integer)
  RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT NOT withheld_above AND (deleted_at IS NULL OR (hidden_at IS NULL AND removed_at IS NULL AND replies > 0)) $$;

SELECT arguably_recompute_debate_stats();
