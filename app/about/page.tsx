// What Arguably is and how it works, in plain words: for a first visit, and for anyone who wonders what a
// figure on a debate means. The figures here come from the code that uses them, so the page cannot drift.
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { MIN_VOTERS_FOR_BRIDGING } from "@/lib/argument/bridged-standing";
import { MIN_VOTES_FOR_STANDING } from "@/lib/argument/grounds";
import { RESPONSE_MAX, RESPONSE_MIN } from "@/lib/argument/response-rules";

export const metadata: Metadata = {
  title: "About Arguably",
  description: "How Arguably marks the claims in an article, how arguments and votes decide where a claim stands, and how moderation works.",
};

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-2">
      <h2 className="text-xl font-semibold">{title}</h2>
      <div className="space-y-2 leading-relaxed">{children}</div>
    </section>
  );
}

export default function AboutPage() {
  return (
    <article className="mx-auto max-w-2xl space-y-8">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold sm:text-4xl">About Arguably</h1>
        <p className="text-lg text-muted">
          Arguably is a place to argue about what an article actually says: not about the headline, not about the author, but claim by claim, with the words of
          the article in front of you.
        </p>
      </header>

      <Section title="Claims, marked in the text">
        <p>
          Each article is cleaned of its page furniture (menus, adverts, teasers of other stories) and the sentences that argue something are marked as{" "}
          <strong>claims</strong>, anchored to their exact words. Editors review the marks before an article is published. Any reader who is signed in can raise
          another sentence as a claim: select its words, write a first argument if you like, and publish it. Until you press Publish nothing is public, and you
          can withdraw a claim you raised while nobody else has voted on it or answered it.
        </p>
      </Section>

      <Section title="Arguments for and against">
        <p>
          Every claim has two sides: the arguments that <strong>support</strong> it and those that <strong>oppose</strong> it. Every argument can be answered in
          turn, for or against, to any depth, so each claim grows a tree of reasons. An argument is between {RESPONSE_MIN} and{" "}
          {RESPONSE_MAX.toLocaleString("en")} characters, can cite up to five sources, and can be edited (the earlier versions stay readable).
        </p>
        <p>
          You vote twice over: whether you <strong>agree</strong> or <strong>disagree</strong> with a claim, and whether an argument is <strong>strong</strong>{" "}
          or <strong>weak</strong> (never your own). The strongest arguments are shown first.
        </p>
      </Section>

      <Section title="Standing: where a claim stands">
        <p>
          A claim&apos;s <strong>standing</strong> combines the votes on it with the strength of the arguments for and against it: a strong argument against
          pulls it down, a strong argument for lifts it, and an argument is itself weakened by strong answers to it. (The method is DF-QuAD, a published way of
          scoring a tree of arguments.) The page names the arguments that move it most.
        </p>
        <p>
          A figure needs grounds. Before anyone has voted, a claim says <em>No votes yet</em>; until {MIN_VOTES_FOR_STANDING} people have voted on it, it says{" "}
          <em>too few votes to say</em> and shows the votes themselves. An argument&apos;s effect is shown only when it moves the standing by at least a point.
        </p>
        <p>
          The <strong>bridged standing</strong> counts what people agree on across their differences: support from people who usually disagree counts more than
          support from one side alone, and a group voting as a block weighs as one. It appears once {MIN_VOTERS_FOR_BRIDGING} people have voted in a debate.
          Once you have voted, <strong>your crux</strong> names the argument your own view rests on most.
        </p>
      </Section>

      <Section title="Keeping it civil">
        <p>
          Anyone signed in can report a claim or an argument under one of the site&apos;s{" "}
          <Link href="/rules" className="text-accent underline underline-offset-4">
            rules
          </Link>
          . Moderators review reports, hide or remove what breaks a rule, and can lock a debate or silence an account; every action names the rule it applies
          and is recorded in the public{" "}
          <Link href="/moderation/log" className="text-accent underline underline-offset-4">
            moderation log
          </Link>
          . Where an argument was hidden or removed, a note stays in its place saying so and linking to the log; what was posted under it is folded with it.
          Nobody decides about reports on their own writing. Limits on posting and voting keep any one account from flooding a debate.
        </p>
      </Section>

      <Section title="Your data, and other tools">
        <p>
          Every debate can be downloaded as Argdown, as AIF JSON and as W3C Web Annotations, and read through a{" "}
          <Link href="/developers" className="text-accent underline underline-offset-4">
            public API
          </Link>
          . In your settings you can download everything Arguably holds about you, or delete your account.
        </p>
      </Section>

      <p>
        <Link href="/" className="font-medium text-accent underline-offset-4 hover:underline">
          See what people are arguing about now →
        </Link>
      </p>
    </article>
  );
}
