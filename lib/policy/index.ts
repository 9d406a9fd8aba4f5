// Who may do what. Every server action and route handler asks this module; nothing else decides.
// Roles are ordered: admin > moderator > editor > user. A banned account may do nothing signed in;
// a silenced one may read, vote, follow and report, but not post.
// The permission matrix test (tests/unit/permission-matrix.test.ts) has a row for every entry of POLICY.
import { ROLES, type Role } from "@/lib/vocabulary";

export interface Actor {
  id: string;
  role: Role;
  bannedUntil: Date | null;
  silencedUntil?: Date | null;
  /** Has not confirmed their email address while the site requires that to post (lib/accounts/posting-rule.ts). */
  mustVerifyEmail?: boolean;
}

/** What an action is about: its author, or for actions on people, the person's role. */
export interface Subject {
  authorId?: string;
  userId?: string;
  userRole?: Role;
  /** For decisions about content: how many other moderators and admins the site has. */
  otherModerators?: number;
}

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function isBanned(actor: Pick<Actor, "bannedUntil">, now = new Date()): boolean {
  return actor.bannedUntil !== null && actor.bannedUntil > now;
}

export function isSilenced(actor: Pick<Actor, "silencedUntil">, now = new Date()): boolean {
  return Boolean(actor.silencedUntil && actor.silencedUntil > now);
}

/**
 * Whether this person must confirm their email address before posting: the admin setting
 * unverifiedMayPost (1: no, 0: yes) applied to an unconfirmed address. Read into Actor.mustVerifyEmail.
 */
export function mustVerifyEmail(person: { emailVerified: Date | null }, unverifiedMayPost: number): boolean {
  return person.emailVerified === null && unverifiedMayPost === 0;
}

export function hasRole(actor: Actor | null, minimum: Role): boolean {
  return actor !== null && !isBanned(actor) && roleRank(actor.role) >= roleRank(minimum);
}

const signedIn = (actor: Actor | null): actor is Actor => hasRole(actor, "user");
const canSpeak = (actor: Actor | null): actor is Actor => signedIn(actor) && !isSilenced(actor) && !actor.mustVerifyEmail;
const isAuthor = (actor: Actor, subject?: Subject) => subject?.authorId === actor.id;
/** Staff act only on people below them: a moderator cannot sanction an admin, or another moderator. */
const outranks = (actor: Actor, subject?: Subject) =>
  subject?.userRole !== undefined && subject.userId !== actor.id && roleRank(actor.role) > roleRank(subject.userRole);

export const POLICY = {
  "response.post": (actor: Actor | null) => canSpeak(actor),
  "response.edit": (actor: Actor | null, subject?: Subject) => canSpeak(actor) && isAuthor(actor, subject),
  "response.delete": (actor: Actor | null, subject?: Subject) => signedIn(actor) && isAuthor(actor, subject),
  /** Raising a claim in an article's text starts a debate: it is posting. */
  "claim.raise": (actor: Actor | null) => canSpeak(actor),
  /**
   * Taking back a claim one raised, while it is only one's own (lib/debate/withdraw-claim.ts decides
   * that); a silenced raiser keeps this, as they keep deleting their own responses.
   */
  "claim.withdraw": (actor: Actor | null, subject?: Subject) => signedIn(actor) && isAuthor(actor, subject),
  /** Accepting, rewording, merging or removing claims of published articles. */
  "claim.curate": (actor: Actor | null) => hasRole(actor, "editor"),
  "claim.vote": (actor: Actor | null) => signedIn(actor),
  "response.vote": (actor: Actor | null, subject?: Subject) => signedIn(actor) && !isAuthor(actor, subject),
  /** "Needs a source": a kind of vote on a response, so the same rule (not on one's own). */
  "response.askForSource": (actor: Actor | null, subject?: Subject) => signedIn(actor) && !isAuthor(actor, subject),
  /** One's own crux on a claim (computed from one's own votes). */
  "claim.crux": (actor: Actor | null) => signedIn(actor),
  follow: (actor: Actor | null) => signedIn(actor),
  report: (actor: Actor | null, subject?: Subject) => signedIn(actor) && !isAuthor(actor, subject),
  "notifications.read": (actor: Actor | null) => signedIn(actor),
  "article.import": (actor: Actor | null) => hasRole(actor, "editor"),
  /** Any reader who may post may bring an article; editors review it (lib/submissions). */
  "article.submit": (actor: Actor | null) => canSpeak(actor),
  "article.review": (actor: Actor | null) => hasRole(actor, "editor"),
  "moderation.queue": (actor: Actor | null) => hasRole(actor, "moderator"),
  "moderation.act": (actor: Actor | null) => hasRole(actor, "moderator"),
  /**
   * No judging one's own case (issue 31): a moderator decides about someone else's content; about their
   * own only when nobody else could (the site's only moderator, who must say so; lib/moderation/recusal.ts).
   */
  "moderation.decide": (actor: Actor | null, subject?: Subject) =>
    hasRole(actor, "moderator") && (subject?.authorId === undefined || subject.authorId !== actor!.id || subject.otherModerators === 0),
  "moderation.seeNames": (actor: Actor | null) => hasRole(actor, "moderator"),
  "user.sanction": (actor: Actor | null, subject?: Subject) => hasRole(actor, "moderator") && outranks(actor!, subject),
  "user.role": (actor: Actor | null, subject?: Subject) => hasRole(actor, "admin") && subject?.userId !== actor!.id,
  "settings.manage": (actor: Actor | null) => hasRole(actor, "admin"),
  "rules.manage": (actor: Actor | null) => hasRole(actor, "admin"),
  "tokens.manage": (actor: Actor | null) => signedIn(actor),
  /** One's own name, email, password, sessions and mail preferences; a silenced person keeps this. */
  "account.manage": (actor: Actor | null) => signedIn(actor),
  /** Downloading everything the site holds about oneself. */
  "account.export": (actor: Actor | null) => signedIn(actor),
  /** Deleting one's own account (after confirming who they are, lib/accounts/reauthenticate.ts). */
  "account.delete": (actor: Actor | null) => signedIn(actor),
} as const;

export type PolicyAction = keyof typeof POLICY;

export function can(actor: Actor | null, action: PolicyAction, subject?: Subject): boolean {
  return POLICY[action](actor, subject);
}

/**
 * What a personal access token may be used for, on top of what its owner may do: a `read` token only
 * names its caller (for the caller's own API rate limit); changing anything needs a `write` token.
 */
export type TokenScope = "read" | "write";
export function tokenAllowsWrites(scope: TokenScope): boolean {
  return scope === "write";
}

/** Signing in is refused while banned; the session of a banned user is treated as signed out. */
export function canSignIn(actor: Pick<Actor, "bannedUntil">, now = new Date()): boolean {
  return !isBanned(actor, now);
}

// Named checks used across the app, each one entry of POLICY.
export const canEditArticles = (actor: Actor | null) => can(actor, "article.review");
export const canParticipate = (actor: Actor | null) => can(actor, "claim.vote");
export const canPost = (actor: Actor | null) => can(actor, "response.post");
export const canChangeResponse = (actor: Actor | null, response: { authorId: string }) => can(actor, "response.edit", response);
export const canDeleteResponse = (actor: Actor | null, response: { authorId: string }) => can(actor, "response.delete", response);
export const canVoteOnResponse = (actor: Actor | null, response: { authorId: string }) => can(actor, "response.vote", response);
export const canAskForSource = (actor: Actor | null, response: { authorId: string }) => can(actor, "response.askForSource", response);
export const canReadCrux = (actor: Actor | null) => can(actor, "claim.crux");
export const canRaiseClaim = (actor: Actor | null) => can(actor, "claim.raise");
export const canSubmitArticle = (actor: Actor | null) => can(actor, "article.submit");
export const canCurateClaims = (actor: Actor | null) => can(actor, "claim.curate");
export const canWithdrawClaim = (actor: Actor | null, claim: { raisedById: string | null }) =>
  can(actor, "claim.withdraw", { authorId: claim.raisedById ?? undefined });
export const canModerate = (actor: Actor | null) => can(actor, "moderation.act");
