// How guessable a new password is, estimated offline by zxcvbn-ts with its common-language and English
// dictionaries: lists of the most common and most breached passwords, names, words, keyboard patterns,
// dates and repeats (decision 015). A password must reach MIN_PASSWORD_SCORE, and a refusal says why in
// words, from zxcvbn's own feedback.
import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

/** zxcvbn's scale: 3 means "safely unguessable" (about 10^8 to 10^10 guesses), 4 "very unguessable". */
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | undefined;

function estimator() {
  factory ??= new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
  });
  return factory;
}

export function estimatePassword(password: string, userInputs: string[] = []): ZxcvbnResult {
  // The person's own name and email are the first guesses anyone would try.
  const inputs = userInputs.flatMap((input) => [input, ...input.toLowerCase().split(/[^a-z0-9]+/)]).filter((input) => input.length >= 3);
  return estimator().check(password, inputs);
}

/** Null when the password is strong enough; otherwise a sentence saying why not and what to do. */
export function passwordWeakness(password: string, userInputs: string[] = []): string | null {
  const result = estimatePassword(password, userInputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = result.feedback.warning ?? "It would be guessed quickly.";
  const advice = result.feedback.suggestions[0] ?? "A few unrelated words make a strong password.";
  return `This password is too easy to guess. ${why} ${advice}`;
}
