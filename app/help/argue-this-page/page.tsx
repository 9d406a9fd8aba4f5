// How to bring what one is reading elsewhere to Arguably: the bookmarklet, and the phone's Share menu.
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { appUrl } from "@/lib/env";
import { Bookmarklet } from "./bookmarklet";

export const metadata: Metadata = { title: "Argue this page", description: "Bring any article you are reading to Arguably, with the words you selected." };

export const dynamic = "force-dynamic";

export default function ArgueThisPageHelp() {
  return (
    <article className="mx-auto max-w-2xl space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Argue this page</h1>
      <p>
        Reading an article elsewhere and disagree with a sentence? Select it and send the page to Arguably. If the article is here, it opens at those words; if
        not, you can{" "}
        <Link href="/submit" className="text-accent underline underline-offset-2">
          submit it
        </Link>
        , and once an editor publishes it the words you selected are raised as its first claim.
      </p>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">On a computer</h2>
        <Bookmarklet appUrl={appUrl()} />
        <p>On any page, select the words you want to argue (or nothing), then click the bookmark.</p>
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">On a phone</h2>
        <p>
          Add Arguably to your home screen (your browser&apos;s menu, <em>Add to Home screen</em> or <em>Install app</em>). It then appears in the Share menu of
          your browser and other apps: share a page (or selected words) to Arguably.
        </p>
      </section>
    </article>
  );
}
