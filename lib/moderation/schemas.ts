// Every input of moderation's commands, one zod schema each, used by the server actions (app/moderation,
// app/admin, the claim page's report button) and by the commands' own types.
import { z } from "@/lib/zod";
import { idSchema } from "@/lib/debate/schemas";
import { zRole, zWordFilterMode } from "@/lib/vocabulary";

export const targetSchema = z.object({ type: z.enum(["claim", "response"]), id: idSchema });
/** The moderator's note: the author sees it beside the rule. */
const noteSchema = z.string().trim().max(1000, "Keep the note under 1,000 characters.").nullable();
/** The site rule (lib/moderation/rules.ts) a report or an action cites. */
export const ruleIdSchema = z.string({ error: "Choose the rule it breaks." }).trim().min(1, "Choose the rule it breaks.").max(100);

/** A report names the rule the item breaks or, for a claim, the claim it repeats (duplicateOfId). */
export const reportSchema = z
  .object({
    target: targetSchema,
    ruleId: ruleIdSchema.nullable(),
    note: noteSchema,
    duplicateOfId: idSchema.nullable(),
  })
  .refine((report) => report.ruleId !== null || report.duplicateOfId !== null, { message: "Choose the rule it breaks.", path: ["ruleId"] });
export type ReportInput = z.infer<typeof reportSchema>;

/** What a moderator can decide about a claim or a response. */
export const MODERATION_ACTIONS = ["dismiss", "hide", "restore", "remove", "lock", "unlock", "duplicate", "edit_claim"] as const;
export type ModerationActionName = (typeof MODERATION_ACTIONS)[number];
/** The decisions that must cite a rule (Community Notes and Wikipedia: every action names the rule it applies). */
export const RULE_CITING_ACTIONS: readonly string[] = ["dismiss", "hide", "remove", "lock", "silence", "suspend", "ban"];

export const moderationSchema = z.object({
  target: targetSchema,
  action: z.enum(MODERATION_ACTIONS),
  version: z.number().int().min(0),
  ruleId: ruleIdSchema.nullable(),
  note: noteSchema,
  duplicateOfId: idSchema.nullable(),
  text: z.string().trim().max(1000).nullable(),
  soleModeratorConfirmed: z.boolean().optional(),
});

export const SANCTION_KINDS = ["silence", "suspend", "ban", "lift"] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];
export const sanctionSchema = z.object({
  userId: idSchema,
  kind: z.enum(SANCTION_KINDS),
  ruleId: ruleIdSchema.nullable(),
  note: noteSchema,
  days: z.number().int().min(1).max(3650).optional(),
});

export const lockArticleSchema = z.object({ articleId: idSchema, locked: z.boolean(), ruleId: ruleIdSchema.nullable(), note: noteSchema });

export const setRoleSchema = z.object({ userId: idSchema, role: zRole });

export const wordFilterSchema = z.object({ pattern: z.string().trim().min(2, "A filter needs at least 2 characters.").max(200), mode: zWordFilterMode });

/** An admin's edit of the site's rules: a new rule (no id) or a change to one. */
export const siteRuleSchema = z.object({
  id: z.string().trim().min(1).max(100).nullable(),
  name: z.string().trim().min(2, "Name the rule in at least 2 characters.").max(60, "Keep the name under 60 characters."),
  text: z.string().trim().min(10, "Say what the rule means in at least 10 characters.").max(400, "Keep the text under 400 characters."),
  needsNote: z.boolean(),
});
export const retireRuleSchema = z.object({ id: z.string().trim().min(1).max(100), retired: z.boolean() });
