import { apiRoute, preflight } from "@/lib/api/handler";
import { getMe } from "@/lib/api/operations";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getMe, async ({ caller }) => {
  const { user, token } = caller!;
  return { body: { id: user.id, name: user.name, role: user.role, token: { id: token.id, scope: token.scope } } };
});
export const OPTIONS = preflight;
