// The claim's bridged standing beside the raw one (decision 020): what people agree on across their
// opinion groups, the groups and how each leans, the responses that move it, and what it means in
// plain words. Drawn from what the job last computed (ClaimBridging).
import { StandingBar } from "@/components/standing-bar";
import { explainGroups, leaningOf, MIN_VOTERS_FOR_BRIDGING } from "@/lib/argument/bridged-standing";
import { MIN_GROUP_SIZE } from "@/lib/argument/opinion-groups";
import { BLOCK_MIN_VOTES } from "@/lib/argument/bridging";
import type { BridgingView, ResponseView } from "@/lib/debate/discussion";
import { reasonExcerpt } from "@/lib/live/updates";
import { count } from "@/lib/format";

function Reasons({ title, reasons, byId }: { title: string; reasons: { id: string }[]; byId: Map<string, ResponseView> }) {
  if (!reasons.length) return null;
  return (
    <div>
      <p className="text-xs font-medium text-muted">{title}</p>
      <ul className="list-disc pl-5 text-sm">
        {reasons.map((reason) => {
          const response = byId.get(reason.id);
          return (
            <li key={reason.id}>
              <a href={`#response-${reason.id}`} className="hover:underline">
                {reasonExcerpt(response?.body ?? "", response?.deleted ?? false)}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function BridgedStanding({ bridging, byId, voted }: { bridging: BridgingView | null; byId: Map<string, ResponseView>; voted: boolean }) {
  return (
    <section aria-label="Bridged standing" className="space-y-3 border-t border-line pt-3" data-testid="bridged-standing">
      <h3 className="font-semibold">Bridged standing</h3>
      {!bridging ? (
        <p className="text-sm text-muted">
          {voted
            ? "Not computed yet: it follows a few seconds after votes change."
            : `Nobody has voted yet: a bridged standing needs votes from at least ${MIN_VOTERS_FOR_BRIDGING} people on this claim or its responses.`}
        </p>
      ) : !bridging.standing ? (
        <p className="text-sm text-muted">
          Not enough voters yet: a bridged standing needs votes from at least {MIN_VOTERS_FOR_BRIDGING} people on this claim or its responses ({bridging.voters}{" "}
          so far).
        </p>
      ) : (
        <>
          <StandingBar value={bridging.standing.value} name="Bridged standing" />
          <Reasons title="Raised most by" reasons={bridging.standing.raisedBy} byId={byId} />
          <Reasons title="Lowered most by" reasons={bridging.standing.loweredBy} byId={byId} />
        </>
      )}
      {bridging?.groups.length ? (
        <div className="space-y-2" data-testid="opinion-groups">
          <p className="text-sm">{explainGroups(bridging.groups)}</p>
          <ul className="grid gap-2 sm:grid-cols-2">
            {bridging.groups.map((group) => {
              const votes = group.agree + group.disagree;
              return (
                <li key={group.label} className="rounded-md border border-line p-2 text-sm" aria-label={`Group ${group.label}`}>
                  <p className="font-medium">
                    Group {group.label} · {count(group.size, "person", "people")}
                  </p>
                  <p className="text-muted">
                    {leaningOf(group)}
                    {votes ? ` (${group.agree} agree, ${group.disagree} disagree)` : ""}
                  </p>
                </li>
              );
            })}
          </ul>
        </div>
      ) : bridging ? (
        <p className="text-sm text-muted" data-testid="no-groups">
          No opinion groups{" "}
          {bridging.voters < MIN_VOTERS_FOR_BRIDGING
            ? `until ${MIN_VOTERS_FOR_BRIDGING} people have voted`
            : "stand out: the voters do not split into clear camps"}
          .
        </p>
      ) : null}
      <details className="text-sm text-muted">
        <summary className="cursor-pointer text-accent">What is the bridged standing?</summary>
        <div className="mt-2 space-y-2">
          <p>
            The standing above counts every vote the same. The bridged standing counts what people agree on across their differences. From all the votes in this
            article we learn where each voter sits on the main line that divides them, and credit the claim and each response only with the support that this
            line does not explain: support from both sides counts, support from one side alone counts little. This is how Community Notes rates notes.
          </p>
          <p>
            Ballots that are the same vote for vote ({BLOCK_MIN_VOTES} votes or more) count as one voter, so a group voting as a block weighs as one person.
            Opinion groups are people who voted alike, found the way Pol.is finds them; they are shown only when at least {MIN_VOTERS_FOR_BRIDGING} people voted
            and each group has {MIN_GROUP_SIZE} or more. Nobody&rsquo;s vote is shown, only counts.
          </p>
        </div>
      </details>
    </section>
  );
}
