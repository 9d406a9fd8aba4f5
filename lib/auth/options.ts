// next-auth configuration: email + password for everyone, GitHub and Google when configured.
// Sessions are JWTs (the Credentials provider requires them), so the token carries only the user id;
// role and ban status are read from the database on every request (lib/auth/session.ts).
// See docs/decisions/003-authentication.md.
import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { getDb } from "@/lib/db/client";
import { createUser } from "@/lib/accounts/create-user";
import { getSessionUserById } from "@/lib/accounts/users";
import { endUserSession, startUserSession } from "@/lib/accounts/user-sessions";
import { appUrl, ensureNextAuthUrl, serverEnv } from "@/lib/env";
import { canSignIn } from "@/lib/policy";
import { decodeSessionToken } from "./session-token";
import { safeRedirectUrl } from "@/lib/safe-redirect";
import { clientIp } from "./client-ip";
import { checkCredentials } from "./credentials";
import { headers } from "next/headers";
import { confirmProviderAddress } from "@/lib/accounts/provider-address";

/** The browser signing in, named on the person's list of sessions; null outside a request. */
async function signInUserAgent(): Promise<string | null> {
  try {
    return (await headers()).get("user-agent");
  } catch {
    return null;
  }
}

function adapter(): Adapter {
  const base = PrismaAdapter(getDb() as never);
  return {
    ...base,
    // Accounts made through OAuth follow the same rules as sign-up (first account is admin, etc.).
    async createUser(user: Omit<AdapterUser, "id">) {
      const created = await createUser({
        email: user.email,
        name: user.name?.trim() || user.email.split("@")[0],
        image: user.image,
        emailVerified: user.emailVerified,
      });
      return { ...created, emailVerified: created.emailVerified ?? null };
    },
  };
}

function oauthProviders() {
  const env = serverEnv();
  const providers = [];
  if (env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET) {
    providers.push(GitHubProvider({ clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET }));
  }
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(
      GoogleProvider({
        clientId: env.GOOGLE_CLIENT_ID,
        clientSecret: env.GOOGLE_CLIENT_SECRET,
        // next-auth's default drops Google's email_verified; it decides whether we mail our own link.
        profile: (profile) => ({
          id: profile.sub,
          name: profile.name,
          email: profile.email,
          image: profile.picture,
          emailVouched: profile.email_verified === true,
        }),
      }),
    );
  }
  return providers;
}

/** The OAuth providers that are switched on, for the sign-in page's buttons. */
export function enabledOAuthProviders(): { id: string; name: string }[] {
  return oauthProviders().map((provider) => ({ id: provider.id, name: provider.name }));
}

const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

let cachedOptions: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cachedOptions) return cachedOptions;
  const env = serverEnv();
  ensureNextAuthUrl(env);
  if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
    throw new Error("AUTH_SECRET is required in production.");
  }
  cachedOptions = {
    secret: env.AUTH_SECRET,
    adapter: adapter(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    // next-auth's own decode, with the derived key kept (see ./session-token.ts).
    jwt: { decode: decodeSessionToken },
    // Secure (and __Secure-/__Host- prefixed) cookies whenever the site is served over https.
    useSecureCookies: appUrl(env).startsWith("https://"),
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        // `raw` is what next-auth itself parsed from the body (form or JSON; the last of repeated
        // fields): the limits count exactly the credentials whose password is checked.
        authorize: (raw, request) => checkCredentials(raw, clientIp(request?.headers ?? {})),
      }),
      ...oauthProviders(),
    ],
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endUserSession(token.sid);
      },
      // A GitHub or Google identity was linked (a new OAuth account, or a first OAuth sign-in).
      async linkAccount({ user, account, profile }) {
        await confirmProviderAddress({ userId: user.id, email: user.email ?? null, provider: account.provider, profile });
      },
    },
    callbacks: {
      async signIn({ user }) {
        // OAuth sign-ins of banned accounts stop here; credentials were checked in authorize().
        const record = user.id ? await getSessionUserById(user.id) : null;
        return !record || canSignIn(record) ? true : "/signin?error=AccountSuspended";
      },
      async jwt({ token, user }) {
        // A sign-in: a new server-side session, so every sign-in gets a new id and sign-out can end it.
        if (user) {
          token.sub = user.id;
          token.sid = await startUserSession(user.id, SESSION_MAX_AGE_SECONDS, await signInUserAgent());
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub }, sid: token.sid };
      },
      async redirect({ url, baseUrl }) {
        return safeRedirectUrl(url, baseUrl);
      },
    },
  };
  return cachedOptions;
}
