"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { authorizedAction } from "@/lib/auth/actions";
import { postingBlockedReason } from "@/lib/auth/sanction-message";
import { canSubmitArticle } from "@/lib/policy";
import { submitArticle } from "@/lib/submissions/submit-article";
import { submitArticleSchema } from "@/lib/submissions/schemas";

/** A reader brings an article; the import runs in the background (lib/submissions). */
export const submitArticleAction = authorizedAction(
  {
    can: canSubmitArticle,
    forbidden: (user: { silencedUntil: Date | null; silenceReason: string | null }) =>
      postingBlockedReason(user) ?? "Your account cannot submit articles right now.",
    schema: submitArticleSchema,
  },
  async (input, user) => submitArticle(user, input, clientIp(await headers())),
);
