// Which of an article's sentences become claims (decision 005). Chosen per article, not by one fixed
// cut: an op-ed argues in most of its sentences, a news report in few. Every sentence gets the
// detector's log-odds; a sentence that opens a paragraph gets a bonus (openers state the paragraph's
// point: in our labels they are about twice as likely to be claims, hence ln 2); the claims are the
// sentences whose probability clears a floor, at most a share of the article's sentences, best first.
// Some sentences are never claims whatever they score: fragments, bylines, datelines and credits.
// Pure: a rule a test can state.

export const SELECTION = {
  /** A sentence below this probability is never proposed, however few others there are. */
  floor: 0.5,
  /** At most this share of an article's sentences is proposed (the best ones): roughly the arguable half of an op-ed. */
  share: 0.55,
  /** Added to the log-odds of a paragraph's first sentence. */
  openerBonus: Math.log(2),
  /** Sentences with fewer words than this are fragments. */
  minimumWords: 6,
} as const;

export interface ScoredSentence {
  text: string;
  /** The detector's log-odds (detect.ts). */
  logit: number;
  /** The sentence is its paragraph's first. */
  opensParagraph: boolean;
}

const NEVER_CLAIM: RegExp[] = [
  /^by\s+\p{Lu}/iu, // byline
  /^\p{Lu}[\p{Lu} .,'-]+\s*(\(\w+\)\s*)?[—–-]\s/u, // dateline: "WASHINGTON —", "LONDON (Reuters) -"
  /^\(?(photo|image|picture|illustration|video|graphic|credit|source|caption)s?\b.{0,40}[:|]/i, // credits and captions
  /\b(getty images|associated press|shutterstock|ap photo|afp via)\b/i,
  /^(published|updated|posted|first published)\b/i, // timestamps
  /^(read more|related|see also|listen|watch)\b/i,
];

function wordCount(text: string) {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Sentences that must not become claims whatever the detector says. */
export function isNeverClaim(text: string): boolean {
  const trimmed = text.trim();
  if (wordCount(trimmed) < SELECTION.minimumWords) return true;
  return NEVER_CLAIM.some((pattern) => pattern.test(trimmed));
}

/** The probability the selection ranks by: the detector's, with the opener bonus. */
export function selectionProbability({ logit, opensParagraph }: Pick<ScoredSentence, "logit" | "opensParagraph">): number {
  return 1 / (1 + Math.exp(-(logit + (opensParagraph ? SELECTION.openerBonus : 0))));
}

/** For each sentence, whether it is proposed as a claim. */
export function selectClaims(sentences: ScoredSentence[]): boolean[] {
  const cap = Math.max(1, Math.floor(sentences.length * SELECTION.share));
  const ranked = sentences
    .map((sentence, index) => ({ index, probability: selectionProbability(sentence) }))
    .filter(({ index, probability }) => probability >= SELECTION.floor && !isNeverClaim(sentences[index].text))
    .sort((a, b) => b.probability - a.probability || a.index - b.index)
    .slice(0, cap);
  const chosen = new Set(ranked.map(({ index }) => index));
  return sentences.map((_, index) => chosen.has(index));
}
