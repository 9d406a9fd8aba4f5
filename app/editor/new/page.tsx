import type { Metadata } from "next";
import { forbidden, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { canEditArticles } from "@/lib/policy";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/editor/new");
  if (!canEditArticles(user)) forbidden();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="font-serif text-3xl font-semibold">New article</h1>
        <p className="mt-1 text-muted">Arguably keeps the article, proposes its claims, and lets you review them before anyone sees it.</p>
      </div>
      <ImportForm />
    </div>
  );
}
