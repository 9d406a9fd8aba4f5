import { Link } from "@/components/ui/link";

/** The page behind a 403: the person is signed in, but this is for a role they do not have. */
export function ForbiddenNotice({ only }: { only: string }) {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-12 text-center">
      <h1 className="font-serif text-3xl font-semibold">Not for your account</h1>
      <p className="text-muted">{only} You are signed in, but your account does not have that role. If you think it should, ask an admin.</p>
      <Link href="/" className="text-accent hover:underline">
        Back to the articles
      </Link>
    </div>
  );
}
