-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "withheldAbove" BOOLEAN NOT NULL DEFAULT false;

-- Hand-written: one visibility rule in the database (decision 015; lib/policy/visibility.ts is the
-- reference implementation of the same rule in TypeScript).
--
-- Readers see a response when neither it nor any response above it is hidden or removed, and, once its
-- author deleted it, only while readers still see replies to it (then as "[deleted]", keeping its
-- replies in context). `withheldAbove` records "something above is hidden or removed", kept by the
-- triggers below, so every read can decide per row. Counts (a claim's and a response's) count exactly
-- the responses readers see; a response's argument (its strength, which moves the claim's standing)
-- counts only while readers see it with its text.

CREATE FUNCTION arguably_response_present(withheld_above boolean, hidden_at timestamp(3), removed_at timestamp(3), deleted_at timestamp(3), replies integer)
  RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT NOT withheld_above AND hidden_at IS NULL AND removed_at IS NULL AND (deleted_at IS NULL OR replies > 0) $$;

CREATE FUNCTION arguably_response_argues(withheld_above boolean, hidden_at timestamp(3), removed_at timestamp(3), deleted_at timestamp(3))
  RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT NOT withheld_above AND hidden_at IS NULL AND removed_at IS NULL AND deleted_at IS NULL $$;

-- Before a response is written: whether it is withheld from above (inherited from its parent when it is
-- created; moderation changes it later through arguably_withhold_below) and its strength, which is 0
-- while its argument does not count.
CREATE OR REPLACE FUNCTION arguably_response_strength() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW."parentId" IS NOT NULL AND NOT arguably_skipping_stats() THEN
    SELECT parent."withheldAbove" OR parent."hiddenAt" IS NOT NULL OR parent."removedAt" IS NOT NULL
      INTO NEW."withheldAbove" FROM "Response" parent WHERE parent.id = NEW."parentId";
    NEW."withheldAbove" := coalesce(NEW."withheldAbove", false);
  END IF;
  NEW."strength" := CASE
    WHEN arguably_response_argues(NEW."withheldAbove", NEW."hiddenAt", NEW."removedAt", NEW."deletedAt")
      THEN arguably_combine(arguably_base_score(NEW."strongVotes", NEW."weakVotes"), NEW."supportLog", NEW."opposeLog")
    ELSE 0 END;
  RETURN NEW;
END $$;

-- Applies a change of one node to its parent and on up to the claim: `log_change` is the change of the
-- node's ln(1 - strength), `count_change` whether readers now see it where they did not (+1) or no
-- longer see it (-1). Climbs while something changes: the parent's strength, or whether readers see the
-- parent (a deleted response is seen only while it has replies readers see). Locks each row it changes,
-- bottom-up, so concurrent writes add up exactly and cannot deadlock on each other.
CREATE OR REPLACE FUNCTION arguably_propagate(claim_id text, parent_id text, child_stance "Stance", log_change double precision, count_change integer)
  RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  node record;
  new_strength double precision;
  seen_change integer := count_change;
  parent_change integer;
BEGIN
  LOOP
    IF parent_id IS NULL THEN
      UPDATE "Claim" SET
        "supportLog" = "supportLog" + CASE WHEN child_stance = 'support' THEN log_change ELSE 0 END,
        "opposeLog" = "opposeLog" + CASE WHEN child_stance = 'oppose' THEN log_change ELSE 0 END,
        "supportCount" = "supportCount" + CASE WHEN child_stance = 'support' THEN count_change ELSE 0 END,
        "opposeCount" = "opposeCount" + CASE WHEN child_stance = 'oppose' THEN count_change ELSE 0 END,
        "responseCount" = "responseCount" + seen_change
      WHERE id = claim_id;
      RETURN;
    END IF;
    SELECT id, "parentId", stance, strength, "withheldAbove", "hiddenAt", "removedAt", "deletedAt", supporters + opposers AS replies
      INTO node FROM "Response" WHERE id = parent_id FOR NO KEY UPDATE;
    IF NOT FOUND THEN
      -- The parent is being deleted with its subtree; the claim's total still loses what readers saw.
      IF seen_change <> 0 THEN UPDATE "Claim" SET "responseCount" = "responseCount" + seen_change WHERE id = claim_id; END IF;
      RETURN;
    END IF;
    UPDATE "Response" SET
      "supportLog" = "supportLog" + CASE WHEN child_stance = 'support' THEN log_change ELSE 0 END,
      "opposeLog" = "opposeLog" + CASE WHEN child_stance = 'oppose' THEN log_change ELSE 0 END,
      "supporters" = "supporters" + CASE WHEN child_stance = 'support' THEN count_change ELSE 0 END,
      "opposers" = "opposers" + CASE WHEN child_stance = 'oppose' THEN count_change ELSE 0 END
    WHERE id = parent_id
    RETURNING strength INTO new_strength;
    parent_change := arguably_response_present(node."withheldAbove", node."hiddenAt", node."removedAt", node."deletedAt", node.replies + count_change)::integer
      - arguably_response_present(node."withheldAbove", node."hiddenAt", node."removedAt", node."deletedAt", node.replies)::integer;
    IF new_strength = node.strength AND parent_change = 0 THEN
      -- Nothing changes further up; only the claim's total may have news.
      IF seen_change <> 0 THEN UPDATE "Claim" SET "responseCount" = "responseCount" + seen_change WHERE id = claim_id; END IF;
      RETURN;
    END IF;
    log_change := arguably_log_complement(new_strength) - arguably_log_complement(node.strength);
    count_change := parent_change;
    seen_change := seen_change + parent_change;
    child_stance := node.stance;
    parent_id := node."parentId";
  END LOOP;
END $$;

-- Marks (or unmarks) the responses below one whose own hidden/removed state changed: every descendant
-- reached without passing another hidden or removed response (those keep their own subtrees withheld).
-- One statement for the whole subtree; each changed row's trigger then fixes the counts above it.
CREATE FUNCTION arguably_withhold_below(response_id text, withheld boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Response" response SET "withheldAbove" = withheld
  FROM (
    WITH RECURSIVE below AS (
      SELECT child.id, child."hiddenAt" IS NOT NULL OR child."removedAt" IS NOT NULL AS stops
      FROM "Response" child WHERE child."parentId" = response_id
      UNION ALL
      SELECT child.id, child."hiddenAt" IS NOT NULL OR child."removedAt" IS NOT NULL
      FROM "Response" child JOIN below ON child."parentId" = below.id
      WHERE NOT below.stops
    )
    SELECT id FROM below
  ) reached
  WHERE response.id = reached.id AND response."withheldAbove" IS DISTINCT FROM withheld;
END $$;

CREATE OR REPLACE FUNCTION arguably_response_written() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_seen boolean;
  now_seen boolean;
  withheld_before boolean;
  withheld_after boolean;
BEGIN
  IF arguably_skipping_stats() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    now_seen := arguably_response_present(NEW."withheldAbove", NEW."hiddenAt", NEW."removedAt", NEW."deletedAt", NEW.supporters + NEW.opposers);
    PERFORM arguably_propagate(NEW."claimId", NEW."parentId", NEW.stance, arguably_log_complement(NEW.strength), now_seen::integer);
  ELSIF TG_OP = 'DELETE' THEN
    was_seen := arguably_response_present(OLD."withheldAbove", OLD."hiddenAt", OLD."removedAt", OLD."deletedAt", OLD.supporters + OLD.opposers);
    PERFORM arguably_propagate(OLD."claimId", OLD."parentId", OLD.stance, -arguably_log_complement(OLD.strength), -(was_seen::integer));
  ELSE
    -- Deleted, hidden, removed, restored, or withheld from above. The reply counts are taken as they were
    -- when this row's statement ran: replies' own changes (from the same statement) are applied by their
    -- own triggers, with this row's new state.
    withheld_before := OLD."hiddenAt" IS NOT NULL OR OLD."removedAt" IS NOT NULL;
    withheld_after := NEW."hiddenAt" IS NOT NULL OR NEW."removedAt" IS NOT NULL;
    IF withheld_before <> withheld_after AND NOT NEW."withheldAbove" THEN
      PERFORM arguably_withhold_below(NEW.id, withheld_after);
    END IF;
    was_seen := arguably_response_present(OLD."withheldAbove", OLD."hiddenAt", OLD."removedAt", OLD."deletedAt", OLD.supporters + OLD.opposers);
    now_seen := arguably_response_present(NEW."withheldAbove", NEW."hiddenAt", NEW."removedAt", NEW."deletedAt", NEW.supporters + NEW.opposers);
    IF was_seen <> now_seen OR NEW.strength IS DISTINCT FROM OLD.strength THEN
      PERFORM arguably_propagate(NEW."claimId", NEW."parentId", NEW.stance,
        arguably_log_complement(NEW.strength) - arguably_log_complement(OLD.strength), now_seen::integer - was_seen::integer);
    END IF;
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER arguably_response_silenced ON "Response";
-- Only the columns that change what readers see: the propagation's own updates must not fire it.
CREATE TRIGGER arguably_response_silenced AFTER UPDATE OF "deletedAt", "hiddenAt", "removedAt", "withheldAbove" ON "Response"
  FOR EACH ROW EXECUTE FUNCTION arguably_response_written();

-- Everything from scratch, set-based, under the same rule: after a bulk load, and below for the
-- existing data. The triggers stand aside meanwhile (it writes every row).
CREATE OR REPLACE FUNCTION arguably_recompute_debate_stats() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  level integer;
  skipping text := current_setting('arguably.skip_debate_stats', true);
BEGIN
  PERFORM set_config('arguably.skip_debate_stats', 'on', true);
  DROP TABLE IF EXISTS arguably_depth;
  CREATE TEMP TABLE arguably_depth ON COMMIT DROP AS
    WITH RECURSIVE tree AS (
      SELECT id, 0 AS depth, false AS withheld_above, "hiddenAt" IS NOT NULL OR "removedAt" IS NOT NULL AS withheld
      FROM "Response" WHERE "parentId" IS NULL
      UNION ALL
      SELECT reply.id, tree.depth + 1, tree.withheld_above OR tree.withheld, reply."hiddenAt" IS NOT NULL OR reply."removedAt" IS NOT NULL
      FROM "Response" reply JOIN tree ON reply."parentId" = tree.id
    )
    SELECT id, depth, withheld_above FROM tree;
  CREATE INDEX ON arguably_depth (depth, id);
  CREATE INDEX ON arguably_depth (id);
  ANALYZE arguably_depth;

  UPDATE "Response" response SET
    "strongVotes" = coalesce(votes.strong, 0), "weakVotes" = coalesce(votes.weak, 0),
    "supporters" = 0, "opposers" = 0, "supportLog" = 0, "opposeLog" = 0,
    "withheldAbove" = coalesce(depth.withheld_above, false)
  FROM "Response" target
  LEFT JOIN (
    SELECT "responseId", count(*) FILTER (WHERE value = 'strong')::integer AS strong, count(*) FILTER (WHERE value = 'weak')::integer AS weak
    FROM "ResponseVote" GROUP BY "responseId"
  ) votes ON votes."responseId" = target.id
  LEFT JOIN arguably_depth depth ON depth.id = target.id
  WHERE response.id = target.id;

  -- Bottom-up: when a level's parents are written, their replies (the level below) are final.
  FOR level IN REVERSE coalesce((SELECT max(depth) FROM arguably_depth), -1) - 1 .. 0 LOOP
    UPDATE "Response" parent SET
      "supporters" = replies.supporters, "opposers" = replies.opposers,
      "supportLog" = replies.support_log, "opposeLog" = replies.oppose_log
    FROM (
      SELECT reply."parentId" AS id,
        count(*) FILTER (WHERE reply.stance = 'support' AND arguably_response_present(reply."withheldAbove", reply."hiddenAt", reply."removedAt", reply."deletedAt", reply.supporters + reply.opposers))::integer AS supporters,
        count(*) FILTER (WHERE reply.stance = 'oppose' AND arguably_response_present(reply."withheldAbove", reply."hiddenAt", reply."removedAt", reply."deletedAt", reply.supporters + reply.opposers))::integer AS opposers,
        coalesce(sum(arguably_log_complement(reply.strength)) FILTER (WHERE reply.stance = 'support'), 0) AS support_log,
        coalesce(sum(arguably_log_complement(reply.strength)) FILTER (WHERE reply.stance = 'oppose'), 0) AS oppose_log
      FROM arguably_depth depth JOIN "Response" reply ON reply.id = depth.id
      WHERE depth.depth = level + 1
      GROUP BY reply."parentId"
    ) replies
    WHERE parent.id = replies.id;
  END LOOP;

  UPDATE "Claim" claim SET
    "agreeVotes" = coalesce(votes.agree, 0), "disagreeVotes" = coalesce(votes.disagree, 0),
    "supportCount" = coalesce(roots.supporters, 0), "opposeCount" = coalesce(roots.opposers, 0),
    "responseCount" = coalesce(everything.responses, 0),
    "supportLog" = coalesce(roots.support_log, 0), "opposeLog" = coalesce(roots.oppose_log, 0)
  FROM "Claim" target
  LEFT JOIN (
    SELECT "claimId", count(*) FILTER (WHERE value = 'agree')::integer AS agree, count(*) FILTER (WHERE value = 'disagree')::integer AS disagree
    FROM "ClaimVote" GROUP BY "claimId"
  ) votes ON votes."claimId" = target.id
  LEFT JOIN (
    SELECT "claimId",
      count(*) FILTER (WHERE stance = 'support' AND arguably_response_present("withheldAbove", "hiddenAt", "removedAt", "deletedAt", supporters + opposers))::integer AS supporters,
      count(*) FILTER (WHERE stance = 'oppose' AND arguably_response_present("withheldAbove", "hiddenAt", "removedAt", "deletedAt", supporters + opposers))::integer AS opposers,
      sum(arguably_log_complement(strength)) FILTER (WHERE stance = 'support') AS support_log,
      sum(arguably_log_complement(strength)) FILTER (WHERE stance = 'oppose') AS oppose_log
    FROM "Response" WHERE "parentId" IS NULL GROUP BY "claimId"
  ) roots ON roots."claimId" = target.id
  LEFT JOIN (
    SELECT "claimId", count(*)::integer AS responses FROM "Response"
    WHERE arguably_response_present("withheldAbove", "hiddenAt", "removedAt", "deletedAt", supporters + opposers)
    GROUP BY "claimId"
  ) everything ON everything."claimId" = target.id
  WHERE claim.id = target.id;
  PERFORM set_config('arguably.skip_debate_stats', coalesce(skipping, ''), true);
END $$;

SELECT arguably_recompute_debate_stats();
