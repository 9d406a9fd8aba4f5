// The words of the domain, defined once: the database's enums (prisma/schema.prisma, generated into
// lib/generated/prisma/enums.ts) and their zod schemas for every input that carries them. Code that
// needs "agree or disagree" imports ClaimVoteValue from here, never spells the strings out again.
// Pure, so the browser and the HTTP edge can use it too.
import { z } from "@/lib/zod";
import { ClaimOrigin, ClaimVoteValue, ResponseVoteValue, Role, Stance, TokenScope, WordFilterMode } from "@/lib/generated/prisma/enums";

export { ClaimOrigin, ClaimVoteValue, ResponseVoteValue, Role, Stance, TokenScope, WordFilterMode };

export const zClaimVoteValue = z.enum(ClaimVoteValue, { error: 'Vote "agree" or "disagree".' });
export const zResponseVoteValue = z.enum(ResponseVoteValue, { error: 'Vote "strong" or "weak".' });
export const zStance = z.enum(Stance, { error: 'Choose "support" or "oppose".' });
export const zRole = z.enum(Role, { error: "Choose a role from the list." });
/** Every role, lowest to highest, in the order prisma/schema.prisma declares them (lib/policy ranks by it). */
export const ROLES: readonly Role[] = Object.values(Role);
export const zClaimOrigin = z.enum(ClaimOrigin);
export const zWordFilterMode = z.enum(WordFilterMode, { error: 'Choose "block" or "review".' });
export const zTokenScope = z.enum(TokenScope, { error: 'Choose "read" or "write".' });
