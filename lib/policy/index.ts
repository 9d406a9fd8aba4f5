// Who may do what. Every server action and route handler asks this module; nothing else decides.
// Roles are ordered: admin > moderator > editor > user. A banned account may do nothing signed in.
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["user", "editor", "moderator", "admin"] as const satisfies readonly Role[];

export interface Actor {
  id: string;
  role: Role;
  bannedUntil: Date | null;
}

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function hasRole(actor: Actor | null, minimum: Role): boolean {
  return actor !== null && !isBanned(actor) && roleRank(actor.role) >= roleRank(minimum);
}

export function isBanned(actor: Pick<Actor, "bannedUntil">, now = new Date()): boolean {
  return actor.bannedUntil !== null && actor.bannedUntil > now;
}

/** Signing in is refused while banned; the session of a banned user is treated as signed out. */
export function canSignIn(actor: Pick<Actor, "bannedUntil">, now = new Date()): boolean {
  return !isBanned(actor, now);
}

/** Editors and above import articles, review their claims and publish them; they also see drafts. */
export function canEditArticles(actor: Actor | null): boolean {
  return hasRole(actor, "editor");
}

/** Posting responses, voting and following: any signed-in account in good standing. */
export function canParticipate(actor: Actor | null): boolean {
  return hasRole(actor, "user");
}

/** Only its author edits or deletes a response. */
export function canChangeResponse(actor: Actor | null, response: { authorId: string }): boolean {
  return canParticipate(actor) && actor!.id === response.authorId;
}

/** Votes on responses rate other people's arguments, never one's own. */
export function canVoteOnResponse(actor: Actor | null, response: { authorId: string }): boolean {
  return canParticipate(actor) && actor!.id !== response.authorId;
}
