import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { clientIp } from "@/lib/auth/client-ip";
import { authOptions } from "@/lib/auth/options";
import { signInRetryAfter } from "@/lib/auth/sign-in-limits";

type Context = { params: Promise<{ nextauth: string[] }> };

const MAX_AUTH_BODY_BYTES = 16 * 1024;

function handler(request: NextRequest, context: Context) {
  return NextAuth(request, context as never, authOptions()) as Promise<Response>;
}

export { handler as GET };

export async function POST(request: NextRequest, context: Context) {
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (declaredLength > MAX_AUTH_BODY_BYTES) {
    return Response.json({ error: "Request body too large." }, { status: 413 });
  }
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await request.clone().formData().catch(() => null);
    const email = String(form?.get("email") ?? "").slice(0, 254);
    const retryAfter = await signInRetryAfter(email, clientIp(request.headers));
    if (retryAfter > 0) {
      return Response.json(
        {
          error: "TooManyAttempts",
          message: `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
          retryAfter,
        },
        { status: 429, headers: { "Retry-After": String(retryAfter) } },
      );
    }
  }
  return handler(request, context);
}
