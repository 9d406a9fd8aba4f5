// Detect: how arguable is a sentence? Two logistic models whose log-odds are combined (decision 005):
// - a lexical one over words, word pairs, cue families (modals and recommendations, predictions,
//   evaluations, causal and counterfactual links, hedges and intensifiers, against reporting verbs,
//   numbers and dates) and the sentence's structure (structure.ts), lib/ingest/claim-model.json;
// - a layer over the sentence's Universal Sentence Encoder embedding and its structure (encoder.ts),
//   lib/ingest/claim-encoder-layer.json, which also says how much each model counts.
// Both are trained offline by `npm run train:claims` (scripts/train-claims.ts) to tell arguable
// sentences (a policy or a value judgement the writer puts forward) from the rest. Pure and
// deterministic; which sentences of an article become claims is select.ts's decision.
import model from "./claim-model.json";
import encoderLayer from "./claim-encoder-layer.json";
import type { SentenceReading } from "./encoder";
import { sentenceStructure, structureFeatures, structureVector, STRUCTURE_FEATURE_NAMES, type SentenceStructure } from "./structure";

export interface ClaimModel {
  /** Feature name -> weight. */
  weights: Record<string, number>;
  bias: number;
  /** Sentiment strength of evaluative words (|AFINN-165 score|, MIT), copied in by the training script. */
  lexicon: Record<string, number>;
  /** Whether word pairs are features (chosen by cross-validation when training). */
  bigrams: boolean;
  /** What it was trained on: sentences per source, and the newest site decision used (scripts/train-claims.ts). */
  training?: { sources: Record<string, number>; siteLabelsThrough: string | null };
}

export type FeatureOptions = Pick<ClaimModel, "lexicon" | "bigrams">;

// Cue families. Each adds a feature "cue:<family>" counting its hits.
const CUES: Record<string, RegExp> = {
  recommendation: /\b(should|ought to|must|need to|needs to|have to|has to|it is time|time to|let us|let's|we need|urge[sd]?|call(s|ed)? on)\b/gi,
  prediction: /\b(will|won't|would|going to|likely|unlikely|bound to|sooner or later|eventually|inevitabl[ey]|expect(s|ed)? to)\b/gi,
  possibility: /\b(may|might|could|can|perhaps|possibly|probably|presumably|maybe)\b/gi,
  hedge: /\b(seems?|appears?|apparently|arguably|suggests?|indicates?|i think|we think|i believe|we believe|in (my|our) view|essentially|in essence)\b/gi,
  intensifier:
    /\b(very|extremely|deeply|truly|clearly|obviously|surely|certainly|undoubtedly|simply|precisely|only|even|utterly|totally|far (more|greater|less))\b/gi,
  causal:
    /\b(because|therefore|thus|hence|consequently|so that|leads? to|led to|results? in|caus(e|es|ed)|due to|means that|which means|as a result|in turn)\b/gi,
  counterfactual: /\b(if|unless|were .{1,40} would|had .{1,40} would|otherwise|instead)\b/gi,
  contrast: /\b(but|however|yet|although|though|nevertheless|nonetheless|whereas|rather than)\b/gi,
  evaluation:
    /\b(good|bad|better|worse|best|worst|wise|unwise|wisdom|foolish|mistake|wrong|right|fair|unfair|heroic|grim|devastating|dangerous|crucial|profound|illegal|legitimate|failure|success(ful)?|important|necessary|unacceptable|acceptable|fallacy|weakness|strength|tepid|half-hearted|troubling|surprising|plainly|key|real|true|false)\b/gi,
  comparison: /\b(more|most|less|least|greater|greatest|fewer|rather|than)\b/gi,
  negation: /\b(not|no|never|nothing|none|nor|cannot|can't|won't|don't|doesn't|isn't|aren't)\b/gi,
  person: /\b(i|we|us|our|my|me|you|your)\b/gi,
  reporting: /\b(said|says|told|announced|reported|according to|stated|added|wrote|published|noted|declared|confirmed)\b/gi,
  schedule:
    /\b(on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|next week|scheduled|is set to|will (meet|hold|visit|travel|host)|due (on|in)|summit in)\b/gi,
  date: /\b(january|february|march|april|may|june|july|august|september|october|november|december|\d{4}|\d{1,2}:\d{2})\b/gi,
};

const CLAIM_MODEL = model as ClaimModel;

const NOT_ADVERBS = new Set([
  "only",
  "early",
  "family",
  "supply",
  "reply",
  "apply",
  "italy",
  "july",
  "daily",
  "ally",
  "rally",
  "belly",
  "assembly",
  "monopoly",
  "anomaly",
  "reply",
]);
const ADJECTIVE_SUFFIX = /^[a-z]{3,}(ive|ful|ous|able|ible|less|ish|ical|istic)$/;

export function tokenize(sentence: string): string[] {
  return sentence.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** Named features of one sentence; values are counts or scaled magnitudes. */
export function featurize(sentence: string, structure: SentenceStructure, options: FeatureOptions = CLAIM_MODEL): Map<string, number> {
  const { lexicon } = options;
  const features = structureFeatures(structure);
  const add = (name: string, value = 1) => features.set(name, (features.get(name) ?? 0) + value);
  const tokens = tokenize(sentence);

  for (const token of new Set(tokens)) add(`w:${token}`);
  if (options.bigrams) for (let i = 1; i < tokens.length; i++) add(`b:${tokens[i - 1]} ${tokens[i]}`);

  let polarity = 0;
  let sentimentWords = 0;
  for (const token of tokens) {
    const score = lexicon[token];
    if (score !== undefined) {
      polarity += score;
      sentimentWords++;
    }
  }
  add("lex:sentiment-words", Math.min(sentimentWords, 6) / 3);
  add("lex:polarity", Math.min(polarity, 15) / 5);

  for (const [family, pattern] of Object.entries(CUES)) {
    const hits = sentence.match(pattern)?.length ?? 0;
    if (hits) add(`cue:${family}`, Math.min(hits, 3));
  }

  const adverbs = tokens.filter((token) => token.length > 4 && token.endsWith("ly") && !NOT_ADVERBS.has(token)).length;
  if (adverbs) add("shape:adverbs", Math.min(adverbs, 3));
  const adjectives = tokens.filter((token) => ADJECTIVE_SUFFIX.test(token)).length;
  if (adjectives) add("shape:adjectives", Math.min(adjectives, 4) / 2);

  const length = tokens.length;
  add("shape:length", Math.min(length, 60) / 20);
  if (length <= 8) add("shape:short");
  if (/\?\s*["”’)]*$/.test(sentence)) add("shape:question");
  if (/!/.test(sentence)) add("shape:exclamation");
  if (/["“”]/.test(sentence)) add("shape:quote");
  if (/^[A-Z][A-Z .,'-]+\s[—–-]\s/.test(sentence)) add("shape:dateline");
  if (/^by\s/i.test(sentence)) add("shape:byline");
  const digits = tokens.filter((token) => /\d/.test(token)).length;
  if (digits) add("shape:numbers", Math.min(digits, 4) / 2);
  return features;
}

export function featureLogit(features: Map<string, number>, { weights, bias }: Pick<ClaimModel, "weights" | "bias">): number {
  let sum = bias;
  for (const [name, value] of features) sum += (weights[name] ?? 0) * value;
  return sum;
}

export const sigmoid = (logit: number) => 1 / (1 + Math.exp(-logit));

/** The lexical model's log-odds that `sentence` is an arguable claim. */
export function lexicalLogit(sentence: string, structure: SentenceStructure, claimModel: ClaimModel = CLAIM_MODEL): number {
  return featureLogit(featurize(sentence, structure, claimModel), claimModel);
}

export interface EncoderLayer {
  /** One weight per embedding dimension. */
  weights: number[];
  /** One weight per structure feature, in STRUCTURE_FEATURE_NAMES's order (absent in layers trained before them). */
  structureWeights?: number[];
  bias: number;
  /** The encoder layer's share of the combined log-odds (the lexical model has the rest); chosen by cross-validation. */
  encoderShare: number;
}

const ENCODER_LAYER = encoderLayer as EncoderLayer;

/** The inputs of the encoder layer: the embedding, then the structure features. */
export function layerInputs(embedding: ArrayLike<number>, structure: SentenceStructure): number[] {
  return [...Array.from(embedding), ...structureVector(structure)];
}

/** The encoder layer's log-odds for one sentence's embedding and structure. */
export function encoderLogit(embedding: ArrayLike<number>, structure: SentenceStructure, layer: EncoderLayer = ENCODER_LAYER): number {
  let sum = layer.bias;
  for (let i = 0; i < layer.weights.length; i++) sum += layer.weights[i] * embedding[i];
  const vector = structureVector(structure);
  for (let i = 0; i < STRUCTURE_FEATURE_NAMES.length; i++) sum += (layer.structureWeights?.[i] ?? 0) * vector[i];
  return sum;
}

/** The two trained models: the shipped ones, or candidates being evaluated (scripts/train-claims.ts). */
export interface Detector {
  model: ClaimModel;
  layer: EncoderLayer;
}

export const SHIPPED_DETECTOR: Detector = { model: CLAIM_MODEL, layer: ENCODER_LAYER };

/** The combined log-odds: the two models' log-odds, weighted by the encoder layer's share. */
export function mixLogits(encoderShare: number, lexical: number, encoder: number): number {
  return (1 - encoderShare) * lexical + encoderShare * encoder;
}

/** A sentence as the detector scores it: its structure, and its log-odds of being an arguable claim. */
export function scoreSentence(sentence: string, reading: SentenceReading, { model, layer }: Detector = SHIPPED_DETECTOR) {
  const structure = sentenceStructure(reading.tokens);
  const lexical = layer.encoderShare < 1 ? lexicalLogit(sentence, structure, model) : 0;
  return { structure, logit: mixLogits(layer.encoderShare, lexical, encoderLogit(reading.embedding, structure, layer)) };
}

/** Log-odds that a sentence is an arguable claim: the two models' log-odds, weighted. */
export function claimLogit(sentence: string, reading: SentenceReading, detector: Detector = SHIPPED_DETECTOR): number {
  return scoreSentence(sentence, reading, detector).logit;
}
