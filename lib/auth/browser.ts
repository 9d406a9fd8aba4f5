// Browser-side calls to next-auth's endpoints. We call them directly rather than through
// next-auth/react so that a 429 (with its Retry-After) reaches the form intact. Signing in or out
// announces SESSION_CHANGED on the window: pages are shared renders (decision 022), so the person's
// layer (components/viewer/viewer-store.ts) is asked for again rather than arriving with a new render.
import { readProblem } from "@/lib/errors";
import { lockedOutMessage, signInMessage } from "./messages";

async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", { cache: "no-store" });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return csrfToken;
}

async function postAuth(path: string, fields: Record<string, string>) {
  return fetch(`/api/auth/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" }),
  });
}

/** Dispatched on `window` once the browser's session changed (signed in, signed out). */
export const SESSION_CHANGED = "arguably:session-changed";

const announceSessionChange = () => window.dispatchEvent(new Event(SESSION_CHANGED));

export type SignInResult = { ok: true } | { ok: false; message: string };

export async function signInWithPassword(email: string, password: string, callbackUrl: string): Promise<SignInResult> {
  let response: Response;
  try {
    response = await postAuth("callback/credentials", { email, password, callbackUrl });
  } catch {
    return { ok: false, message: "Could not reach Arguably. Check your connection and try again." };
  }
  if (response.status === 429) return { ok: false, message: lockedOutMessage(Number(response.headers.get("Retry-After") ?? 60)) };
  // Refusals made before next-auth (too large, a bad return address) are problem details; next-auth's own answers are not.
  if (response.headers.get("content-type")?.includes("application/problem+json")) {
    return { ok: false, message: (await readProblem(response, signInMessage("Unknown"))).message };
  }
  const data = (await response.json().catch(() => ({}))) as { url?: string };
  const error = data.url ? new URL(data.url, window.location.origin).searchParams.get("error") : "Unknown";
  if (!response.ok || error) return { ok: false, message: signInMessage(error) };
  announceSessionChange();
  return { ok: true };
}

export async function signOut(): Promise<void> {
  await postAuth("signout", { callbackUrl: "/" });
  announceSessionChange();
}
