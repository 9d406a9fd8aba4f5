// How a sentence is built, read from its part-of-speech view (parse.mjs): whether it is a complete
// clause, whose voice it is in (the writer's, or someone the writer reports), and the shapes that make
// a sentence arguable whatever its words: a modal ("should", "will"), a first-person stance ("I doubt"),
// a copula with an evaluative predicate ("X is overstated", "These are not extras"), a comparison.
// wink's lite model tags parts of speech but parses no dependencies, and it tags some verbs as nouns
// ("Critics say", "Opponents call"), so clauses are read from tags plus closed word lists. Pure.
import type { Token } from "./parse.mjs";

export type { Token } from "./parse.mjs";

/** Verbs that carry only what someone said, as word forms (the tagger's lemma is unreliable on them). */
const SPEECH_FORMS = new Set(
  (
    "say says said tell tells told claim claims claimed argue argues argued insist insists insisted warn warns warned " +
    "add adds added note notes noted announce announces announced state states stated call calls called fear fears feared " +
    "contend contends contended maintain maintains maintained deny denies denied admit admits admitted accuse accuses accused " +
    "complain complains complained worry worries worried"
  ).split(" "),
);
/** Those, and the verbs that report what someone thinks or found (a finding or an expectation may be the writer's point). */
const REPORTING_FORMS = new Set([
  ...SPEECH_FORMS,
  ...(
    "report reports reported predict predicts predicted believe believes believed acknowledge acknowledges acknowledged " +
    "concede concedes conceded reckon reckons reckoned estimate estimates estimated suggest suggests suggested " +
    "show shows showed find finds found expect expects expected hope hopes hoped think thinks thought"
  ).split(" "),
]);
/** Verbs with which a writer takes a stance in the first person ("I doubt", "we should", "I do not believe"). */
const STANCE_LEMMAS = new Set(
  "think believe doubt suspect fear hope argue expect suppose reckon worry know wish want urge propose suggest accept agree disagree support oppose prefer find insist contend maintain say admit concede".split(
    " ",
  ),
);
const OBJECT_PRONOUNS = new Set(["me", "him", "her", "us", "them", "it", "you"]);
const FIRST_PERSON = new Set(["i", "we", "me", "us", "my", "our", "myself", "ourselves"]);
/** Subjects that make a "says" sentence the writer's own generalisation ("Nobody claims that …"). */
const NEGATIVE_QUANTIFIERS = new Set(["nobody", "no", "none", "nothing", "few", "neither", "no-one"]);
const SUBJECT_PRONOUNS = new Set([
  "i",
  "we",
  "you",
  "he",
  "she",
  "it",
  "they",
  "that",
  "this",
  "these",
  "those",
  "nobody",
  "everyone",
  "everybody",
  "someone",
  "who",
]);
/** Words that open a clause of time, reason, condition or concession (the tagger does not always call them SCONJ). */
const SUBORDINATORS = new Set(
  "when whenever because if unless while whilst although though as since once until till before after where whether even so".split(" "),
);
const OBLIGATION = new Set(["should", "must", "ought", "shall"]);
const PREDICTION = new Set(["will", "would", "'ll", "wo", "won't"]);
const POSSIBILITY = new Set(["can", "could", "may", "might", "ca"]);
const COMPARATIVE_MARKERS = new Set(["more", "less", "most", "least", "than", "better", "worse", "best", "worst", "fewer", "rather"]);
const NEGATION = new Set(["not", "n't", "never", "no", "nothing", "nobody", "none", "nor", "cannot"]);
/** Words that open a sentence to link it to the last one; alone they make no claim. */
const DISCOURSE_OPENERS = [
  "of course",
  "still",
  "yet",
  "then again",
  "after all",
  "in short",
  "in other words",
  "that said",
  "even so",
  "to be sure",
  "admittedly",
  "meanwhile",
  "moreover",
  "however",
  "indeed",
  "in fact",
  "for example",
  "for instance",
  "besides",
  "finally",
  "first",
  "second",
  "true",
  "granted",
  "so",
  "and yet",
  "in the end",
  "all the same",
].map((opener) => opener.split(" "));

/** Events a calendar announces: "the board will vote", "the bridge will close", "the council plans to decide". */
const EVENT_LEMMAS = new Set(
  "open reopen close decide vote meet hold begin start end finish publish announce review discuss debate consider visit travel host launch resume sign hear run take apply return move replace rise fall".split(
    " ",
  ),
);
const FUTURE_MARKERS = new Set(["will", "'ll", "plans", "plan", "planned", "due", "set", "expected", "scheduled"]);
const TIME_WORDS =
  /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|spring|summer|autumn|fall|winter|week|month|year|\d{4})$/;

const lower = (token: Token) => token.word.toLowerCase();
const isVerbTag = (token: Token) => token.pos === "VERB" || token.pos === "AUX";
const isNominal = (token: Token) => ["NOUN", "PROPN", "PRON", "NUM", "DET", "ADJ"].includes(token.pos);
const isWord = (token: Token) => token.pos !== "PUNCT" && token.pos !== "SYM" && /[\p{L}\p{N}]/u.test(token.word);

/** A verb that can head a clause: not an -ing form or an infinitive after "to" (those need a finite verb beside them). */
function headsClause(tokens: Token[], index: number): boolean {
  const token = tokens[index];
  const word = lower(token);
  // A capitalised word inside a name is part of the name, whatever the tagger says ("Dr Helen Ward").
  if (index > 0 && /^\p{Lu}/u.test(token.word) && (tokens[index - 1].pos === "PROPN" || tokens[index + 1]?.pos === "PROPN")) return false;
  if (token.pos === "AUX") return word !== "to" && word !== "being" && word !== "been";
  const previous = tokens[index - 1];
  if (token.pos === "VERB") return !word.endsWith("ing") && lower(previous ?? token) !== "to";
  // Verbs the tagger takes for nouns: reporting verbs, and any word right after a subject pronoun ("That matters").
  // A word followed by an auxiliary is the subject's noun, not its verb ("That worry is …").
  if (tokens[index + 1]?.pos === "AUX") return false;
  const afterSubject = previous !== undefined && SUBJECT_PRONOUNS.has(lower(previous)) && token.pos === "NOUN";
  // "Most households use a drill", "Two volunteers check them": a plural noun, then a base form with an
  // object after it. Nouns do not follow a plural noun straight before an article or an object pronoun.
  const next = tokens[index + 1];
  const afterPluralSubject =
    token.pos === "NOUN" &&
    previous?.pos === "NOUN" &&
    (previous.lemma ?? previous.word).toLowerCase() !== lower(previous) &&
    !word.endsWith("s") &&
    next !== undefined &&
    (next.pos === "DET" || OBJECT_PRONOUNS.has(lower(next)));
  return (
    afterSubject ||
    afterPluralSubject ||
    (REPORTING_FORMS.has(word) && previous !== undefined && isNominal(previous) && previous.pos !== "DET" && previous.pos !== "ADJ")
  );
}

/** Tokens without comma-enclosed asides ("Dr Ward, the clinical director, said" -> "Dr Ward said"). */
function withoutAsides(tokens: Token[]): Token[] {
  const kept: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].word === "," && i > 0) {
      const close = tokens.findIndex((token, j) => j > i && token.word === ",");
      // An aside has no clause verb of its own before the reporting verb resumes the sentence, or is a relative clause.
      if (close > i && close - i <= 12 && !tokens.slice(i + 1, close).some((token) => token.pos === "AUX" && !/^['’]s$/.test(token.word))) {
        i = close;
        continue;
      }
    }
    kept.push(tokens[i]);
  }
  return kept;
}

function leadingOpener(words: string[]): number {
  for (const opener of DISCOURSE_OPENERS) {
    if (opener.every((word, i) => words[i] === word) && words[opener.length] === ",") return opener.length + 1;
  }
  return 0;
}

export interface SentenceStructure {
  /** It has a verb that can head a clause; a heading, a name or a label has none (a fragment). */
  complete: boolean;
  /** The sentence reports what someone other than the writer said ("Critics say that …", "…, she said."). */
  reported: boolean;
  /** The writer speaks in the first person with a stance verb ("I doubt", "we should not"). */
  firstPersonStance: boolean;
  /** A copula with an adjective or a noun phrase as predicate ("is overstated", "are not extras"). */
  copulaAdjective: boolean;
  copulaNoun: boolean;
  obligation: boolean;
  prediction: boolean;
  possibility: boolean;
  comparative: boolean;
  negated: boolean;
  /** It opens with a discourse marker and a comma ("Of course, …", "Still, …"). */
  discourseOpener: boolean;
  /** Content words after any discourse opener. */
  contentWords: number;
  question: boolean;
  /** It opens with a verb in the base form: an imperative ("Fund the trials."). */
  imperative: boolean;
  /** Its subject is a general or negative quantifier ("Nobody reads …", "Every city …", "No one …"). */
  generalSubject: boolean;
  /**
   * It announces a dated event ("The board will vote on July 15", "This autumn, the district will decide
   * whether …"): a fact of the calendar, not the writer's claim, unless the writer says what should happen.
   */
  scheduled: boolean;
}

/** Reads a sentence's structure from its tokens. */
export function sentenceStructure(tokens: Token[]): SentenceStructure {
  const words = tokens.map(lower);
  const openerLength = leadingOpener(words);
  const body = tokens.slice(openerLength);
  const bodyWords = words.slice(openerLength);
  const complete = body.some((_, i) => headsClause(body, i));

  const main = withoutAsides(body);
  const mainVerb = main.findIndex((_, i) => headsClause(main, i));
  const subject = mainVerb > 0 ? main.slice(0, mainVerb).map(lower) : [];
  const writerIsSubject = subject.some((word) => FIRST_PERSON.has(word));
  const generalSubject = subject.some((word) => NEGATIVE_QUANTIFIERS.has(word) || ["every", "everyone", "everybody", "all", "anyone"].includes(word));
  const reportedUpFront =
    mainVerb > 0 &&
    SPEECH_FORMS.has(lower(main[mainVerb])) &&
    !writerIsSubject &&
    subject[0] !== "as" && // "As Kay argues, …" endorses
    !subject.some((word) => NEGATIVE_QUANTIFIERS.has(word)) &&
    main.slice(0, mainVerb).some((token) => ["NOUN", "PROPN", "PRON", "NUM"].includes(token.pos));
  const reportedAfter = trailingAttribution(body);
  const according = bodyWords.join(" ").includes("according to");
  // A contrast after the report is the writer answering it ("Critics say X, but they are wrong").
  const answered = bodyWords.some((word, i) => i > Math.max(mainVerb, 0) && (word === "but" || word === "yet" || word === "however"));
  const reported = (reportedUpFront || reportedAfter || according) && !answered;

  const copula = body.findIndex((token) => token.pos === "AUX" && token.lemma === "be");
  let copulaAdjective = false;
  let copulaNoun = false;
  if (copula >= 0) {
    let next = copula + 1;
    while (next < body.length && (body[next].pos === "ADV" || body[next].pos === "PART" || lower(body[next]) === "no")) next++;
    while (next < body.length && body[next].pos === "DET") next++;
    const predicate = body[next];
    if (predicate?.pos === "ADJ") copulaAdjective = true;
    else if (predicate?.pos === "NOUN" || predicate?.pos === "PROPN") copulaNoun = true;
  }
  const has = (set: Set<string>) => words.some((word) => set.has(word));
  const comparative =
    has(COMPARATIVE_MARKERS) ||
    tokens.some((token) => (token.pos === "ADJ" || token.pos === "ADV") && /[a-z]{3,}(er|est)$/.test(lower(token)) && token.lemma !== lower(token));
  const first = body.find(isWord);
  const obligation = has(OBLIGATION) || /\b(need|needs|have|has) to\b/.test(words.join(" "));
  const firstPersonStance = tokens.some(
    (token, i) =>
      FIRST_PERSON.has(lower(token)) &&
      ["PRON"].includes(token.pos) &&
      tokens.slice(i + 1, i + 4).some((next) => STANCE_LEMMAS.has(next.lemma.toLowerCase()) || OBLIGATION.has(lower(next)) || lower(next) === "doubt"),
  );
  const scheduled = !obligation && !firstPersonStance && !words.includes("but") && announcesEvent(tokens);
  return {
    complete,
    reported,
    firstPersonStance,
    copulaAdjective,
    copulaNoun,
    obligation,
    prediction: has(PREDICTION),
    possibility: has(POSSIBILITY),
    comparative,
    negated: has(NEGATION),
    discourseOpener: openerLength > 0,
    contentWords: body.filter((token) => ["NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"].includes(token.pos)).length,
    // A question mark among the last three tokens (a closing quotation mark or bracket may follow it).
    question: tokens.some((token, i) => token.word === "?" && i >= tokens.length - 3),
    imperative: first !== undefined && first.pos === "VERB" && lower(first) === first.lemma.toLowerCase() && !lower(first).endsWith("ing"),
    generalSubject,
    scheduled,
  };
}

/** A future marker, then (within four words) an event verb, and a time expression anywhere. */
function announcesEvent(tokens: Token[]): boolean {
  const words = tokens.map(lower);
  const hasTime = words.some((word) => TIME_WORDS.test(word));
  if (!hasTime) return false;
  return words.some(
    (word, i) =>
      FUTURE_MARKERS.has(word) &&
      tokens.slice(i + 1, i + 5).some((next) => ["VERB", "NOUN", "ADJ"].includes(next.pos) && EVENT_LEMMAS.has(next.lemma.toLowerCase())),
  );
}

/** "…, the department said on Thursday." / "“…,” she said." — a report whose attribution closes the sentence. */
function trailingAttribution(tokens: Token[]): boolean {
  const lastComma = tokens.map((token) => token.word).lastIndexOf(",");
  if (lastComma < 0) return false;
  let tail = tokens.slice(lastComma + 1).filter((token) => !/^["“”'’]$/.test(token.word));
  if (tail.length && ["and", "but"].includes(lower(tail[0]))) return false;
  tail = tail.filter((token) => token.pos !== "PUNCT");
  if (!tail.length || tail.length > 14) return false;
  // A capitalised form is a name's ("the United States"), never the verb of a closing attribution.
  const verb = tail.findIndex((token) => REPORTING_FORMS.has(lower(token)) && !/^\p{Lu}/u.test(token.word));
  if (verb < 1) return false;
  // Only a subject before the verb (no clause of its own, and no subordinator: "…, even when critics
  // complain" is the writer's condition, not an attribution), then at most a time, place or medium after it.
  const subject = tail.slice(0, verb);
  return (
    subject.every((token) => (!isVerbTag(token) || /ed$/.test(lower(token))) && token.pos !== "SCONJ" && !SUBORDINATORS.has(lower(token))) &&
    !tail.slice(verb + 1).some((token) => token.pos === "SCONJ")
  );
}

/** The structure as named features for the detector's models (numbers in about [0, 2]). */
export function structureFeatures(structure: SentenceStructure): Map<string, number> {
  const features = new Map<string, number>();
  for (const [name, value] of Object.entries(structure)) {
    if (typeof value === "boolean") {
      if (value) features.set(`syn:${name}`, 1);
    } else features.set(`syn:${name}`, Math.min(value, 20) / 10);
  }
  if (structure.discourseOpener && structure.contentWords <= 4) features.set("syn:bare-transition", 1);
  return features;
}

/** The fixed order of the structure features given to the encoder layer beside the embedding. */
export const STRUCTURE_FEATURE_NAMES = [
  "syn:complete",
  "syn:reported",
  "syn:firstPersonStance",
  "syn:copulaAdjective",
  "syn:copulaNoun",
  "syn:obligation",
  "syn:prediction",
  "syn:possibility",
  "syn:comparative",
  "syn:negated",
  "syn:discourseOpener",
  "syn:contentWords",
  "syn:question",
  "syn:imperative",
  "syn:generalSubject",
  "syn:bare-transition",
  "syn:scheduled",
] as const;

export function structureVector(structure: SentenceStructure): number[] {
  const features = structureFeatures(structure);
  return STRUCTURE_FEATURE_NAMES.map((name) => features.get(name) ?? 0);
}
