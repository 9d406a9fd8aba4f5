"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/actions";
import { addEditorClaim, dismissClaim, mergeClaims, publishArticle, rewordClaim, splitClaim } from "@/lib/articles/review-article";
import { canEditArticles } from "@/lib/policy";

const editorOnly = { can: canEditArticles, forbidden: "Only editors can review articles." };
const id = z.string().min(1).max(64);
const offset = z.number().int().min(0).max(10_000_000);

function changed(articleId: string) {
  revalidatePath(`/editor/articles/${articleId}`);
}

export const dismissClaimAction = authorizedAction({ ...editorOnly, schema: z.object({ articleId: id, claimId: id }) }, async ({ articleId, claimId }) => {
  await dismissClaim(articleId, claimId);
  changed(articleId);
});

export const rewordClaimAction = authorizedAction(
  {
    ...editorOnly,
    schema: z.object({
      articleId: id,
      claimId: id,
      text: z.string().trim().min(10, "A claim needs at least 10 characters.").max(1000, "A claim can be at most 1,000 characters."),
    }),
  },
  async ({ articleId, claimId, text }) => {
    await rewordClaim(articleId, claimId, text);
    changed(articleId);
  },
);

export const addClaimAction = authorizedAction(
  { ...editorOnly, schema: z.object({ articleId: id, start: offset, end: offset }) },
  async ({ articleId, start, end }) => {
    await addEditorClaim(articleId, { start, end });
    changed(articleId);
  },
);

export const mergeClaimsAction = authorizedAction(
  { ...editorOnly, schema: z.object({ articleId: id, firstId: id, secondId: id }) },
  async ({ articleId, firstId, secondId }) => {
    await mergeClaims(articleId, firstId, secondId);
    changed(articleId);
  },
);

export const splitClaimAction = authorizedAction(
  { ...editorOnly, schema: z.object({ articleId: id, claimId: id, at: offset }) },
  async ({ articleId, claimId, at }) => {
    await splitClaim(articleId, claimId, at);
    changed(articleId);
  },
);

export const publishArticleAction = authorizedAction({ ...editorOnly, schema: z.object({ articleId: id }) }, async ({ articleId }) => {
  const article = await publishArticle(articleId);
  changed(articleId);
  revalidatePath("/");
  return { url: `/articles/${article.slug}` };
});
