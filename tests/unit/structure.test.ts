// How a sentence is built (lib/ingest/structure.ts), read from wink-nlp's part-of-speech tags.
import { describe, expect, test } from "vitest";
import { parseSentences } from "@/lib/ingest/parse.mjs";
import { sentenceStructure } from "@/lib/ingest/structure";

const structureOf = (sentence: string) => sentenceStructure(parseSentences([sentence])[0]);

describe("structure: how a sentence is built", () => {
  test.each(["Most popular", "Tom Reyes, transport correspondent", "Business / Work", "Share this article on social media"])(
    "a fragment has no verb that can head a clause: %s",
    (text) => {
      // "Share this article…" is an imperative, so it is complete: the furniture rules catch it instead.
      expect(structureOf(text).complete).toBe(text.startsWith("Share"));
    },
  );

  test.each([
    "That worry is exaggerated.",
    "These are not extras.",
    "Nobody reads a forty-page report.",
    "The benefits will not.",
    "Nor should we ask her to.",
    // Verbs the tagger takes for nouns after a plural subject ("households use", "volunteers check").
    "Most households use a drill twice a year.",
    "Two volunteers check them every Saturday.",
    "Commuters want a bus that comes.",
  ])("a short verdict is a complete sentence in the writer's voice: %s", (text) => {
    const structure = structureOf(text);
    expect(structure.complete).toBe(true);
    expect(structure.reported).toBe(false);
  });

  test.each([
    "Critics say that shorter weeks hurt customers.",
    "Opponents call it a tax on workers.",
    "Dr Helen Ward, the department's clinical director, told the Courier that staff were working flat out.",
    "Several, including France and Germany, say that they will never agree.",
    "“It was worth the wait,” she said.",
    "The bridge remained safe to use, the county engineer said on Thursday.",
    "Fewer than one in five people drive there, according to the council's survey.",
  ])("an attribution reports someone else, it is not the writer's claim: %s", (text) => {
    expect(structureOf(text).reported).toBe(true);
  });

  test.each([
    "Nobody claims that a single council proves everything.",
    "I argue that the plan will fail.",
    "Critics say the plan is too costly, but they ignore what delay costs.",
    "As the economist John Kay argues, markets need rules.",
    // A reporting verb inside a clause of time, reason or condition is not an attribution of the sentence.
    "Councils should keep the libraries open, even when their budgets complain of every hour.",
    "Teachers must enforce the rule, because pupils find ways around it when nobody says no.",
    "The plan deserves a second year, if its critics admit what the first one showed.",
    // A name that contains a reporting verb's form is not the verb ("the United States", "Says Law").
    "The treaty would be a blunder, exactly the kind the United States has tried to avoid.",
    "That would be a costly mistake, one the Southern States would pay for.",
  ])("the writer's own voice, even around a reporting verb: %s", (text) => {
    expect(structureOf(text).reported).toBe(false);
  });

  test.each([
    "This autumn, the school district will decide whether to ban phones from its classrooms.",
    "A temporary footbridge will open beside the crossing on April 18.",
    "The county will hold a public meeting about the diversions on April 9 at 7 p.m.",
    "The transit authority plans to end its night routes in September.",
  ])("an announcement of a dated event is the calendar's fact, not the writer's claim: %s", (text) => {
    expect(structureOf(text).scheduled).toBe(true);
  });

  test.each([
    "The board should reject the cut when it votes on July 15.",
    "The reform will fail by next spring.",
    "The complaints will fade within a term.",
    "I expect the council will vote for it in June.",
  ])("a dated recommendation or a prediction stays the writer's claim: %s", (text) => {
    expect(structureOf(text).scheduled).toBe(false);
  });

  test("stance, copula and modality are read from the clause", () => {
    expect(structureOf("I doubt the plan survives its first winter.").firstPersonStance).toBe(true);
    expect(structureOf("That worry is exaggerated.").copulaAdjective).toBe(true);
    expect(structureOf("These are not extras.")).toMatchObject({ copulaNoun: true, negated: true });
    expect(structureOf("The board should publish the figures.").obligation).toBe(true);
    expect(structureOf("A charge is the fairest way to share them.").comparative).toBe(true);
    expect(structureOf("Of course, that is not the whole story.").discourseOpener).toBe(true);
    expect(structureOf("The council met on Tuesday.")).toMatchObject({ firstPersonStance: false, obligation: false, discourseOpener: false });
  });
});
