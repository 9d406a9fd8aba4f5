// The site's rules as readers meet them: what reports point to and what every moderation action cites
// (lib/moderation/rules.ts). The public log and the placeholders link here by each rule's anchor.
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { listSiteRules } from "@/lib/moderation/rules";

export const metadata: Metadata = { title: "Rules", description: "The rules every report and moderation action on Arguably cites." };

/** Read per request: admins change the rules in /admin, and the list must never be a build-time copy. */
export const dynamic = "force-dynamic";

export default async function RulesPage() {
  const rules = await listSiteRules();
  return (
    <article className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">Rules</h1>
        <p className="text-muted">
          Argue with the argument, not the person. When something breaks one of these rules, report it from its menu: moderators decide, every decision names
          the rule it applies, and each one is in the{" "}
          <Link href="/moderation/log" className="text-accent underline underline-offset-2">
            public moderation log
          </Link>
          .
        </p>
      </header>
      <ol className="space-y-4">
        {rules.map((rule) => (
          <li key={rule.id} id={`rule-${rule.id}`} className="scroll-mt-20 rounded-lg border border-line bg-white p-4" data-testid="site-rule">
            <h2 className="font-semibold">{rule.name}</h2>
            <p className="text-sm">{rule.text}</p>
          </li>
        ))}
      </ol>
    </article>
  );
}
