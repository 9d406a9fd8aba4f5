// Which of an article's sentences become claims (decision 005). Chosen per article, not by one fixed
// cut: an op-ed argues in most of its sentences, a news report in few. Every sentence gets the
// detector's log-odds; a sentence that opens a paragraph gets a bonus (openers state the paragraph's
// point: in our labels they are about twice as likely to be claims, hence ln 2); the claims are the
// sentences whose probability clears a floor, at most a share of the article's sentences, best first.
// Some sentences are never claims whatever they score: fragments (no verb that can head a clause:
// a label, a name, a heading; a short verdict such as "These are not extras." is a sentence), reports
// of what others said (the writer's claim is the answer to them, not the report), announcements of dated
// events, bylines, datelines and credits. Pure: a rule a test can state.
import type { SentenceStructure } from "./structure";

export const SELECTION = {
  /** A sentence below this probability is never proposed, however few others there are. */
  floor: 0.5,
  /** At most this share of an article's sentences is proposed (the best ones): no more than an op-ed may have marked (issue 30). */
  share: 0.6,
  /** Added to the log-odds of a paragraph's first sentence. */
  openerBonus: Math.log(2),
} as const;

export interface ScoredSentence {
  text: string;
  /** The detector's log-odds (detect.ts). */
  logit: number;
  /** The sentence is its paragraph's first. */
  opensParagraph: boolean;
  structure: Pick<SentenceStructure, "complete" | "reported" | "scheduled">;
}

const NEVER_CLAIM: RegExp[] = [
  /^by\s+\p{Lu}/iu, // byline
  /^\p{Lu}[\p{Lu} .,'-]+\s*(\(\w+\)\s*)?[—–-]\s/u, // dateline: "WASHINGTON —", "LONDON (Reuters) -"
  /^\(?(photo|image|picture|illustration|video|graphic|credit|source|caption)s?\b.{0,40}[:|]/i, // credits and captions
  /\b(getty images|associated press|shutterstock|ap photo|afp via)\b/i,
  /^(published|updated|posted|first published)\b/i, // timestamps
  /^(read more|related|see also|listen|watch)\b/i,
];

/** Page furniture that reads like a sentence: bylines, datelines, credits, timestamps, prompts. */
export function isFurniture(text: string): boolean {
  const trimmed = text.trim();
  return NEVER_CLAIM.some((pattern) => pattern.test(trimmed));
}

/** Sentences that must not become claims whatever the detector says. */
export function isNeverClaim({ text, structure }: Pick<ScoredSentence, "text" | "structure">): boolean {
  return !structure.complete || structure.reported || structure.scheduled || isFurniture(text);
}

/** The probability the selection ranks by: the detector's, with the opener bonus. */
export function selectionProbability({ logit, opensParagraph }: Pick<ScoredSentence, "logit" | "opensParagraph">): number {
  return 1 / (1 + Math.exp(-(logit + (opensParagraph ? SELECTION.openerBonus : 0))));
}

/** For each sentence, whether it is proposed as a claim. */
export function selectClaims(sentences: ScoredSentence[], neverClaim: (sentence: ScoredSentence) => boolean = isNeverClaim): boolean[] {
  const cap = Math.max(1, Math.floor(sentences.length * SELECTION.share));
  const ranked = sentences
    .map((sentence, index) => ({ index, probability: selectionProbability(sentence) }))
    .filter(({ index, probability }) => probability >= SELECTION.floor && !neverClaim(sentences[index]))
    .sort((a, b) => b.probability - a.probability || a.index - b.index)
    .slice(0, cap);
  const chosen = new Set(ranked.map(({ index }) => index));
  return sentences.map((_, index) => chosen.has(index));
}
