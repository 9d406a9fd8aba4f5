// Every input of moderation's commands, one zod schema each, used by the server actions (app/moderation,
// app/admin, the claim page's report button) and by the commands' own types.
import { z } from "@/lib/zod";
import { idSchema } from "@/lib/debate/schemas";
import { zReportReason, zRole, zWordFilterMode } from "@/lib/vocabulary";

export const targetSchema = z.object({ type: z.enum(["claim", "response"]), id: idSchema });
const reasonSchema = z.string().trim().max(1000, "Keep the reason under 1,000 characters.").nullable();

export const reportSchema = z.object({
  target: targetSchema,
  reason: zReportReason,
  note: z.string().trim().max(1000, "Keep the note under 1,000 characters.").nullable(),
  duplicateOfId: idSchema.nullable(),
});
export type ReportInput = z.infer<typeof reportSchema>;

/** What a moderator can decide about a claim or a response. */
export const MODERATION_ACTIONS = ["dismiss", "hide", "restore", "remove", "lock", "unlock", "duplicate", "edit_claim"] as const;
export type ModerationActionName = (typeof MODERATION_ACTIONS)[number];

export const moderationSchema = z.object({
  target: targetSchema,
  action: z.enum(MODERATION_ACTIONS),
  version: z.number().int().min(0),
  reason: reasonSchema,
  duplicateOfId: idSchema.nullable(),
  text: z.string().trim().max(1000).nullable(),
  soleModeratorConfirmed: z.boolean().optional(),
});

export const SANCTION_KINDS = ["silence", "suspend", "ban", "lift"] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];
export const sanctionSchema = z.object({
  userId: idSchema,
  kind: z.enum(SANCTION_KINDS),
  reason: z.string().trim().min(3, "Give a reason: the person will see it.").max(1000),
  days: z.number().int().min(1).max(3650).optional(),
});

export const lockArticleSchema = z.object({ articleId: idSchema, locked: z.boolean(), reason: reasonSchema });

export const setRoleSchema = z.object({ userId: idSchema, role: zRole });

export const wordFilterSchema = z.object({ pattern: z.string().trim().min(2, "A filter needs at least 2 characters.").max(200), mode: zWordFilterMode });
