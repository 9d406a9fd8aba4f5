"use server";

// The review page's server actions: one per kind of change, each validated with its part of the one
// schema (lib/articles/schemas.ts) and applied by the one command (lib/articles/review-draft.ts).
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { publishArticle } from "@/lib/articles/publish-article";
import { reviewDraft } from "@/lib/articles/review-draft";
import { draftChangeSchema, publishArticleSchema, type DraftChangeKind } from "@/lib/articles/schemas";
import { authorizedAction } from "@/lib/auth/actions";
import { canEditArticles } from "@/lib/policy";
import { declineSubmission } from "@/lib/submissions/decline-submission";
import { raiseSubmittedSelections } from "@/lib/submissions/raise-selection";
import { declineSubmissionSchema } from "@/lib/submissions/schemas";

const editorOnly = { can: canEditArticles, forbidden: "Only editors can review articles." };

/** The action for one kind of change: the page sends that kind's fields; the kind is the action's own. */
function draftChangeAction(kind: DraftChangeKind) {
  const schema = z.preprocess((raw) => (raw && typeof raw === "object" ? { ...raw, kind } : raw), draftChangeSchema);
  return authorizedAction({ ...editorOnly, schema }, async (change, user) => {
    await reviewDraft(user, change);
    revalidatePath(`/editor/articles/${change.articleId}`);
  });
}

export const dismissClaimAction = draftChangeAction("dismiss");
export const rewordClaimAction = draftChangeAction("reword");
export const addClaimAction = draftChangeAction("add");
export const mergeClaimsAction = draftChangeAction("merge");
export const splitClaimAction = draftChangeAction("split");

export const declineSubmissionAction = authorizedAction({ ...editorOnly, schema: declineSubmissionSchema }, async (input, user) => {
  await declineSubmission(user, input);
  revalidatePath("/editor");
  return { url: "/editor" };
});

export const publishArticleAction = authorizedAction({ ...editorOnly, schema: publishArticleSchema }, async ({ articleId }, user) => {
  const article = await publishArticle(user, { articleId });
  // A reader who submitted it with words selected sees them raised as its first claim.
  await raiseSubmittedSelections(articleId);
  revalidatePath(`/editor/articles/${articleId}`);
  revalidatePath("/");
  return { url: `/articles/${article.slug}` };
});
