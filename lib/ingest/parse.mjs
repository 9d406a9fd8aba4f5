// @ts-check
// A part-of-speech view of sentences, from wink-nlp with wink-eng-lite-web-model (MIT; both in npm, no
// download, ~4 MB; decision 005). The model tags Universal POS and lemmas at about 25,000 sentences a
// second here, but ships no dependency parser, so lib/ingest/structure.ts reads clauses from the tags
// and word lists. Plain JavaScript because the encoder's worker thread (encoder-worker.mjs) loads it
// beside the encoder, so detection stays off the server's event loop; TypeScript imports it as well
// (the training script and tests).
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

/** @typedef {{ word: string, pos: string, lemma: string }} Token */

/** @type {ReturnType<typeof winkNLP> | null} */
let nlp = null;

/**
 * Each sentence's tokens with their Universal POS tag and lemma, in order.
 * @param {string[]} sentences
 * @returns {Token[][]}
 */
export function parseSentences(sentences) {
  const loaded = (nlp ??= winkNLP(model, ["pos"]));
  // wink's typings do not accept its own `its` helpers as arguments of out(); they work as documented.
  const its = /** @type {any} */ (loaded.its);
  return sentences.map((sentence) => {
    const tokens = loaded.readDoc(sentence).tokens();
    const words = /** @type {string[]} */ (tokens.out(its.value));
    const tags = /** @type {string[]} */ (tokens.out(its.pos));
    const lemmas = /** @type {string[]} */ (tokens.out(its.lemma));
    return words.map((word, i) => ({ word, pos: tags[i], lemma: lemmas[i] }));
  });
}
