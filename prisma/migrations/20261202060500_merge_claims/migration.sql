-- Merging one claim into another (an editor folding a reader's claim into the claim it repeats): its
-- responses, votes and follows move to the other claim, and both claims' figures are recomputed from
-- their rows. Response trees move whole (a reply keeps its parent), so only the two claims' own totals
-- change. The row triggers stand aside meanwhile: they read a move as a delete and an insert, one row
-- at a time, and would count a reply under whichever claim its parent happened to be in.
CREATE FUNCTION arguably_move_debate(from_claim text, to_claim text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  skipping text := current_setting('arguably.skip_debate_stats', true);
BEGIN
  PERFORM set_config('arguably.skip_debate_stats', 'on', true);
  UPDATE "Response" SET "claimId" = to_claim WHERE "claimId" = from_claim;
  -- Someone who voted on both claims keeps the vote they gave the claim that stays.
  UPDATE "ClaimVote" SET "claimId" = to_claim
    WHERE "claimId" = from_claim AND "userId" NOT IN (SELECT "userId" FROM "ClaimVote" WHERE "claimId" = to_claim);
  DELETE FROM "ClaimVote" WHERE "claimId" = from_claim;
  UPDATE "Follow" SET "claimId" = to_claim
    WHERE "claimId" = from_claim AND "userId" NOT IN (SELECT "userId" FROM "Follow" WHERE "claimId" = to_claim);
  DELETE FROM "Follow" WHERE "claimId" = from_claim;

  UPDATE "Claim" claim SET
    "agreeVotes" = coalesce(votes.agree, 0), "disagreeVotes" = coalesce(votes.disagree, 0),
    "supportCount" = coalesce(roots.supporters, 0), "opposeCount" = coalesce(roots.opposers, 0),
    "responseCount" = coalesce(everything.responses, 0),
    "supportLog" = coalesce(roots.support_log, 0), "opposeLog" = coalesce(roots.oppose_log, 0)
  FROM "Claim" target
  LEFT JOIN (
    SELECT "claimId", count(*) FILTER (WHERE value = 'agree')::integer AS agree, count(*) FILTER (WHERE value = 'disagree')::integer AS disagree
    FROM "ClaimVote" WHERE "claimId" IN (from_claim, to_claim) GROUP BY "claimId"
  ) votes ON votes."claimId" = target.id
  LEFT JOIN (
    SELECT "claimId",
      count(*) FILTER (WHERE stance = 'support' AND arguably_response_present("withheldAbove", "hiddenAt", "removedAt", "deletedAt", supporters + opposers))::integer AS supporters,
      count(*) FILTER (WHERE stance = 'oppose' AND arguably_response_present("withheldAbove", "hiddenAt", "removedAt", "deletedAt", supporters + opposers))::integer AS opposers,
      sum(arguably_log_complement(strength)) FILTER (WHERE stance = 'support') AS support_log,
      sum(arguably_log_complement(strength)) FILTER (WHERE stance = 'oppose') AS oppose_log
    FROM "Response" WHERE "parentId" IS NULL AND "claimId" IN (from_claim, to_claim) GROUP BY "claimId"
  ) roots ON roots."claimId" = target.id
  LEFT JOIN (
    SELECT "claimId", count(*)::integer AS responses FROM "Response"
    WHERE "claimId" IN (from_claim, to_claim) AND arguably_response_present("withheldAbove", "hiddenAt", "removedAt", "deletedAt", supporters + opposers)
    GROUP BY "claimId"
  ) everything ON everything."claimId" = target.id
  WHERE claim.id = target.id AND target.id IN (from_claim, to_claim);
  PERFORM set_config('arguably.skip_debate_stats', coalesce(skipping, ''), true);
END $$;
