-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "agreeVotes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "disagreeVotes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "opposeCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "opposeLog" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "responseCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "standing" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
ADD COLUMN     "supportCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "supportLog" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "opposeLog" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "opposers" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "strength" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
ADD COLUMN     "strongVotes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "supportLog" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "supporters" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "weakVotes" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Response_parentId_idx" ON "Response"("parentId");

-- CreateIndex
CREATE INDEX "Response_claimId_parentId_stance_strength_idx" ON "Response"("claimId", "parentId", "stance", "strength");

-- Hand-written: debate statistics kept by the database (decision 010).
--
-- A claim's standing and each response's strength follow DF-QuAD (lib/argument/standing.ts is the
-- reference): strength = combine(base, va, vs) with va = 1 - prod(1 - attacker strengths) and
-- vs = 1 - prod(1 - supporter strengths). Each node stores the two products as sums of logarithms
-- ("supportLog", "opposeLog"), so a change to one child is applied to its parent as a difference: a
-- write touches only the path from the changed node up to its claim, never the siblings. Every step
-- locks the row it changes (bottom-up, so concurrent writes cannot deadlock on each other) and reads
-- the old strength under that lock, so concurrent differences add up exactly.
--
-- Bulk loads (the benchmark seed) may set `arguably.skip_debate_stats = 'on'` for their session and
-- call arguably_recompute_debate_stats() at the end.

CREATE FUNCTION arguably_base_score(positive integer, negative integer) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (positive + 1)::double precision / (positive + negative + 2) $$;

-- ln(1 - s), kept finite: a strength can round to 1.0 in floating point.
CREATE FUNCTION arguably_log_complement(s double precision) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ln(greatest(1 - s, 1e-12)) $$;

CREATE FUNCTION arguably_combine(base double precision, support_log double precision, oppose_log double precision) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE WHEN va >= vs THEN base - base * (va - vs) ELSE base + (1 - base) * (vs - va) END
    -- exp() of a very negative sum underflows with an error in PostgreSQL; below -700 it is 0 anyway.
    FROM (SELECT 1 - exp(greatest(oppose_log, -700)) AS va, 1 - exp(greatest(support_log, -700)) AS vs) AS aggregated
  $$;

-- Ordering helpers, mirroring lib/argument/ranking.ts (wilsonLowerBound, controversy).
CREATE FUNCTION arguably_wilson(strong integer, weak integer) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE WHEN strong + weak = 0 THEN 0 ELSE
      (p + 3.8416 / (2 * n) - 1.96 * sqrt((p * (1 - p) + 3.8416 / (4 * n)) / n)) / (1 + 3.8416 / n) END
    FROM (SELECT strong::double precision / nullif(strong + weak, 0) AS p, (strong + weak)::double precision AS n) AS share
  $$;

CREATE FUNCTION arguably_controversy(strong integer, weak integer) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE WHEN strong = 0 OR weak = 0 THEN 0
      ELSE power((strong + weak)::double precision, least(strong, weak)::double precision / greatest(strong, weak)) END
  $$;

CREATE FUNCTION arguably_skipping_stats() RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('arguably.skip_debate_stats', true), '') = 'on' $$;

-- A response's strength follows from its own columns; recomputed whenever the row is written.
CREATE FUNCTION arguably_response_strength() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."strength" := arguably_combine(
    CASE WHEN NEW."deletedAt" IS NOT NULL OR NEW."hiddenAt" IS NOT NULL OR NEW."removedAt" IS NOT NULL THEN 0
         ELSE arguably_base_score(NEW."strongVotes", NEW."weakVotes") END,
    NEW."supportLog", NEW."opposeLog");
  RETURN NEW;
END $$;

CREATE TRIGGER arguably_response_strength BEFORE INSERT OR UPDATE ON "Response"
  FOR EACH ROW EXECUTE FUNCTION arguably_response_strength();

CREATE FUNCTION arguably_claim_standing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."standing" := arguably_combine(arguably_base_score(NEW."agreeVotes", NEW."disagreeVotes"), NEW."supportLog", NEW."opposeLog");
  RETURN NEW;
END $$;

CREATE TRIGGER arguably_claim_standing BEFORE INSERT OR UPDATE ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION arguably_claim_standing();

-- Applies a change of one node (a new, removed or re-scored response) to its parent and on up to the
-- claim: `log_change` is the change of the node's ln(1 - strength), `count_change` of the parent's
-- reply count. Iterative rather than recursive triggers, so deep threads cannot exhaust the stack.
CREATE FUNCTION arguably_propagate(claim_id text, parent_id text, child_stance "Stance", log_change double precision, count_change integer)
  RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  node record;
  new_strength double precision;
BEGIN
  LOOP
    IF parent_id IS NULL THEN
      UPDATE "Claim" SET
        "supportLog" = "supportLog" + CASE WHEN child_stance = 'support' THEN log_change ELSE 0 END,
        "opposeLog" = "opposeLog" + CASE WHEN child_stance = 'oppose' THEN log_change ELSE 0 END,
        "supportCount" = "supportCount" + CASE WHEN child_stance = 'support' THEN count_change ELSE 0 END,
        "opposeCount" = "opposeCount" + CASE WHEN child_stance = 'oppose' THEN count_change ELSE 0 END
      WHERE id = claim_id;
      RETURN;
    END IF;
    SELECT id, "parentId", stance, strength INTO node FROM "Response" WHERE id = parent_id FOR NO KEY UPDATE;
    IF NOT FOUND THEN RETURN; END IF; -- the parent is being deleted with its subtree
    UPDATE "Response" SET
      "supportLog" = "supportLog" + CASE WHEN child_stance = 'support' THEN log_change ELSE 0 END,
      "opposeLog" = "opposeLog" + CASE WHEN child_stance = 'oppose' THEN log_change ELSE 0 END,
      "supporters" = "supporters" + CASE WHEN child_stance = 'support' THEN count_change ELSE 0 END,
      "opposers" = "opposers" + CASE WHEN child_stance = 'oppose' THEN count_change ELSE 0 END
    WHERE id = parent_id
    RETURNING strength INTO new_strength;
    IF new_strength = node.strength THEN
      -- Nothing changes further up; only the counts were news.
      RETURN;
    END IF;
    log_change := arguably_log_complement(new_strength) - arguably_log_complement(node.strength);
    count_change := 0;
    child_stance := node.stance;
    parent_id := node."parentId";
  END LOOP;
END $$;

CREATE FUNCTION arguably_response_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF arguably_skipping_stats() THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM arguably_propagate(NEW."claimId", NEW."parentId", NEW.stance, arguably_log_complement(NEW.strength), 1);
    UPDATE "Claim" SET "responseCount" = "responseCount" + 1 WHERE id = NEW."claimId";
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM arguably_propagate(OLD."claimId", OLD."parentId", OLD.stance, -arguably_log_complement(OLD.strength), -1);
    UPDATE "Claim" SET "responseCount" = "responseCount" - 1 WHERE id = OLD."claimId";
  ELSIF NEW.strength IS DISTINCT FROM OLD.strength THEN
    -- Deleted, hidden, removed or restored: its base score changed.
    PERFORM arguably_propagate(NEW."claimId", NEW."parentId", NEW.stance, arguably_log_complement(NEW.strength) - arguably_log_complement(OLD.strength), 0);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER arguably_response_inserted AFTER INSERT OR DELETE ON "Response"
  FOR EACH ROW EXECUTE FUNCTION arguably_response_written();
-- Only the columns that change a base score: the propagation's own updates must not fire it.
CREATE TRIGGER arguably_response_silenced AFTER UPDATE OF "deletedAt", "hiddenAt", "removedAt" ON "Response"
  FOR EACH ROW EXECUTE FUNCTION arguably_response_written();

CREATE FUNCTION arguably_response_vote_written() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  response_id text := coalesce(NEW."responseId", OLD."responseId");
  strong_change integer := 0;
  weak_change integer := 0;
  node record;
  new_strength double precision;
BEGIN
  IF arguably_skipping_stats() THEN RETURN NULL; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF OLD.value = 'strong' THEN strong_change := strong_change - 1; ELSE weak_change := weak_change - 1; END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    IF NEW.value = 'strong' THEN strong_change := strong_change + 1; ELSE weak_change := weak_change + 1; END IF;
  END IF;
  IF strong_change = 0 AND weak_change = 0 THEN RETURN NULL; END IF;
  SELECT "claimId", "parentId", stance, strength INTO node FROM "Response" WHERE id = response_id FOR NO KEY UPDATE;
  IF NOT FOUND THEN RETURN NULL; END IF; -- deleted along with its response
  UPDATE "Response" SET "strongVotes" = "strongVotes" + strong_change, "weakVotes" = "weakVotes" + weak_change
    WHERE id = response_id RETURNING strength INTO new_strength;
  IF new_strength IS DISTINCT FROM node.strength THEN
    PERFORM arguably_propagate(node."claimId", node."parentId", node.stance, arguably_log_complement(new_strength) - arguably_log_complement(node.strength), 0);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER arguably_response_vote_written AFTER INSERT OR UPDATE OR DELETE ON "ResponseVote"
  FOR EACH ROW EXECUTE FUNCTION arguably_response_vote_written();

CREATE FUNCTION arguably_claim_vote_written() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  agree_change integer := 0;
  disagree_change integer := 0;
BEGIN
  IF arguably_skipping_stats() THEN RETURN NULL; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF OLD.value = 'agree' THEN agree_change := agree_change - 1; ELSE disagree_change := disagree_change - 1; END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    IF NEW.value = 'agree' THEN agree_change := agree_change + 1; ELSE disagree_change := disagree_change + 1; END IF;
  END IF;
  IF agree_change <> 0 OR disagree_change <> 0 THEN
    UPDATE "Claim" SET "agreeVotes" = "agreeVotes" + agree_change, "disagreeVotes" = "disagreeVotes" + disagree_change
      WHERE id = coalesce(NEW."claimId", OLD."claimId");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER arguably_claim_vote_written AFTER INSERT OR UPDATE OR DELETE ON "ClaimVote"
  FOR EACH ROW EXECUTE FUNCTION arguably_claim_vote_written();

-- Everything from scratch, set-based: after a bulk load, and below for the existing data.
CREATE FUNCTION arguably_recompute_debate_stats() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  level integer;
BEGIN
  DROP TABLE IF EXISTS arguably_depth;
  CREATE TEMP TABLE arguably_depth ON COMMIT DROP AS
    WITH RECURSIVE tree AS (
      SELECT id, 0 AS depth FROM "Response" WHERE "parentId" IS NULL
      UNION ALL
      SELECT reply.id, tree.depth + 1 FROM "Response" reply JOIN tree ON reply."parentId" = tree.id
    )
    SELECT id, depth FROM tree;
  CREATE INDEX ON arguably_depth (depth, id);
  ANALYZE arguably_depth;

  UPDATE "Response" response SET
    "strongVotes" = coalesce(votes.strong, 0), "weakVotes" = coalesce(votes.weak, 0),
    "supporters" = 0, "opposers" = 0, "supportLog" = 0, "opposeLog" = 0
  FROM "Response" target
  LEFT JOIN (
    SELECT "responseId", count(*) FILTER (WHERE value = 'strong')::integer AS strong, count(*) FILTER (WHERE value = 'weak')::integer AS weak
    FROM "ResponseVote" GROUP BY "responseId"
  ) votes ON votes."responseId" = target.id
  WHERE response.id = target.id;

  FOR level IN REVERSE coalesce((SELECT max(depth) FROM arguably_depth), -1) - 1 .. 0 LOOP
    UPDATE "Response" parent SET
      "supporters" = replies.supporters, "opposers" = replies.opposers,
      "supportLog" = replies.support_log, "opposeLog" = replies.oppose_log
    FROM (
      SELECT reply."parentId" AS id,
        count(*) FILTER (WHERE reply.stance = 'support')::integer AS supporters,
        count(*) FILTER (WHERE reply.stance = 'oppose')::integer AS opposers,
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
      count(*) FILTER (WHERE stance = 'support')::integer AS supporters,
      count(*) FILTER (WHERE stance = 'oppose')::integer AS opposers,
      sum(arguably_log_complement(strength)) FILTER (WHERE stance = 'support') AS support_log,
      sum(arguably_log_complement(strength)) FILTER (WHERE stance = 'oppose') AS oppose_log
    FROM "Response" WHERE "parentId" IS NULL GROUP BY "claimId"
  ) roots ON roots."claimId" = target.id
  LEFT JOIN (SELECT "claimId", count(*)::integer AS responses FROM "Response" GROUP BY "claimId") everything ON everything."claimId" = target.id
  WHERE claim.id = target.id;
END $$;

SELECT arguably_recompute_debate_stats();

-- Page notices: every write that can change a reader's page names the article it belongs to on the
-- arguably_pages channel ('*' for changes that touch every page, like an author's new name). The app's
-- page cache (scripts/lib/page-cache.mjs, decision 011) drops that article's pages on every instance.
-- PostgreSQL delivers a notice only on commit and folds identical ones within a transaction.
CREATE FUNCTION arguably_page_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_data record;
  article_id text;
BEGIN
  IF arguably_skipping_stats() THEN RETURN NULL; END IF;
  IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
  CASE TG_TABLE_NAME
    WHEN 'Article' THEN article_id := row_data.id;
    WHEN 'Claim' THEN article_id := row_data."articleId";
    WHEN 'Response', 'ClaimVote' THEN SELECT "articleId" INTO article_id FROM "Claim" WHERE id = row_data."claimId";
    WHEN 'ResponseVote' THEN
      SELECT claim."articleId" INTO article_id FROM "Response" response JOIN "Claim" claim ON claim.id = response."claimId" WHERE response.id = row_data."responseId";
    ELSE article_id := '*';
  END CASE;
  PERFORM pg_notify('arguably_pages', coalesce(article_id, '*'));
  RETURN NULL;
END $$;

CREATE TRIGGER arguably_page_changed AFTER INSERT OR UPDATE OR DELETE ON "Article"
  FOR EACH ROW EXECUTE FUNCTION arguably_page_changed();
-- Not on the statistics columns: those change only through a response or vote write, which notifies.
CREATE TRIGGER arguably_page_changed AFTER INSERT OR DELETE OR UPDATE OF "text", "exact", "prefix", "suffix", "start", "end", "hiddenAt", "lockedAt", "duplicateOfId" ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION arguably_page_changed();
CREATE TRIGGER arguably_page_changed AFTER INSERT OR DELETE OR UPDATE OF "body", "editedAt", "deletedAt", "hiddenAt", "removedAt", "removalReason" ON "Response"
  FOR EACH ROW EXECUTE FUNCTION arguably_page_changed();
CREATE TRIGGER arguably_page_changed AFTER INSERT OR UPDATE OR DELETE ON "ClaimVote"
  FOR EACH ROW EXECUTE FUNCTION arguably_page_changed();
CREATE TRIGGER arguably_page_changed AFTER INSERT OR UPDATE OR DELETE ON "ResponseVote"
  FOR EACH ROW EXECUTE FUNCTION arguably_page_changed();
CREATE TRIGGER arguably_page_changed AFTER UPDATE OF "name" ON "User"
  FOR EACH ROW EXECUTE FUNCTION arguably_page_changed();
