"use server";

import { authorizedAction } from "@/lib/auth/actions";
import { postingBlockedReason } from "@/lib/auth/sanction-message";
import { raiseClaimAs } from "@/lib/debate/raise-claim";
import { raiseClaimSchema } from "@/lib/debate/schemas";
import { canRaiseClaim } from "@/lib/policy";

export const raiseClaimAction = authorizedAction(
  {
    can: canRaiseClaim,
    forbidden: (user) => postingBlockedReason(user) ?? "Your account cannot raise claims right now.",
    schema: raiseClaimSchema,
  },
  (input, user) => raiseClaimAs(user, input),
);
