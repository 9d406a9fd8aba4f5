// "Submit an article": any signed-in reader brings an article by its address (or pastes it); it is
// imported in the background and editors review it (lib/submissions). Also where "Argue this page"
// (the bookmarklet and the phone's Share menu) lands: ?url=…&text=… (the selected words).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Link } from "@/components/ui/link";
import { getCurrentUser } from "@/lib/auth/session";
import { findArticleByAddress } from "@/lib/articles/originals";
import { SubmitForm } from "./submit-form";

export const metadata: Metadata = { title: "Submit an article" };

type Search = { url?: string | string[]; text?: string | string[]; title?: string | string[] };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

/** A share sheet puts the page's address in `url`, or (some apps) at the end of `text`. */
function sharedAddress(url: string, text: string) {
  if (/^https?:\/\//i.test(url)) return { url, words: text };
  const found = /https?:\/\/\S+/.exec(text);
  return found ? { url: found[0], words: text.replace(found[0], "").trim() } : { url: "", words: text };
}

export default async function SubmitPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const { url, words } = sharedAddress(first(params.url).slice(0, 2000), first(params.text).slice(0, 2000));
  const selection = words.replace(/\s+/g, " ").slice(0, 600) || null;
  // Here already: open it, at the selected words when there are some (a text fragment the browser finds).
  const known = url ? await findArticleByAddress(url) : null;
  if (known?.status === "published") redirect(`/articles/${known.slug}${selection ? `?words=${encodeURIComponent(selection)}` : ""}`);
  const user = await getCurrentUser();
  const here = `/submit?${new URLSearchParams({ ...(url ? { url } : {}), ...(selection ? { text: selection } : {}) })}`;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">Submit an article</h1>
        <p className="text-muted">
          Bring an op-ed, an analysis or a news story people should argue about. Arguably fetches it, keeps the article&apos;s own text and marks its claims; an
          editor reviews it before it is published. You can follow it on{" "}
          <Link href="/submissions" className="text-accent underline underline-offset-2">
            your submissions
          </Link>
          .
        </p>
      </header>
      {user ? (
        <SubmitForm initialUrl={url} selection={selection} />
      ) : (
        <p className="rounded border border-line bg-white p-4">
          <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`} className="text-accent underline underline-offset-2">
            Sign in
          </Link>{" "}
          to submit {url ? "this article" : "an article"}.
        </p>
      )}
      <p className="text-sm text-muted">
        Reading something elsewhere?{" "}
        <Link href="/help/argue-this-page" className="text-accent underline underline-offset-2">
          Argue this page
        </Link>{" "}
        from any site with a bookmark, or from your phone&apos;s Share menu.
      </p>
    </div>
  );
}
