// Auth.js: email + password (Credentials, JWT sessions) and GitHub when its env vars are set.
// Configured lazily: `next build` imports this module and must not open the database.
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { env, githubSignInEnabled } from "@/env";
import { getDb } from "@/server/db/client";
import type { Db } from "@/server/db/prisma";
import { emailSchema } from "@/server/domain/users/schemas";
import { signInWithPassword, TooManySignInAttemptsError } from "@/server/domain/users/sign-in-throttle";
import { clientIpFromHeaders } from "@/server/http/client-ip";
import { throttledSignInCode } from "@/shared/auth/sign-in-errors";
import { handleForNewAccount } from "@/server/domain/users/handle-for-new-account";
import { sessionUserFromToken } from "./session-user-from-token";
import { ASK_AUTH_JS, sessionFromCookie } from "./session-from-cookie";
import { credentialStampOf } from "@/server/domain/users/credential-stamp";

declare module "next-auth" {
  interface Session {
    user: { id: string; handle: string; role: "user" | "admin"; name?: string | null; email?: string | null; image?: string | null };
  }
}

/**
 * A password sign-in refused by throttling. Auth.js hands `code` to the client (signIn's result, or
 * ?code= on a redirect); src/shared/auth/sign-in-errors.ts turns it into the message.
 */
class SignInThrottled extends CredentialsSignin {
  constructor(retryAfterMs: number) {
    super();
    this.code = throttledSignInCode(retryAfterMs);
  }
}

/** The Prisma adapter, except that OAuth users also get the unique handle our User requires. */
function adapterFor(db: Db): Adapter {
  const base = PrismaAdapter(db as never);
  return {
    ...base,
    createUser: async (user: AdapterUser) => {
      const handle = await handleForNewAccount(db, user.name ?? user.email ?? "user");
      const created = await db.user.create({
        data: { email: user.email?.toLowerCase() || null, name: user.name, image: user.image, emailVerified: user.emailVerified, handle },
      });
      return { ...created, email: created.email ?? "" } as AdapterUser;
    },
  };
}

/** Session cookies that could not be read: one log line a minute at most, with how many. */
const unreadableSessions = (() => {
  let count = 0;
  let timer: NodeJS.Timeout | null = null;
  return {
    note() {
      count++;
      if (timer) return;
      console.warn("[auth] a session cookie could not be read (forged, damaged, or signed with another AUTH_SECRET); treated as signed out");
      count = 0;
      timer = setTimeout(() => {
        timer = null;
        if (count) console.warn(`[auth] ${count} more unreadable session cookies in the last minute; treated as signed out`);
        count = 0;
      }, 60_000);
      timer.unref();
    },
  };
})();

const { handlers, auth: uncachedAuth, signIn, signOut } = NextAuth(async () => {
  const db = getDb();
  const config: NextAuthConfig = {
    adapter: adapterFor(db),
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt" },
    pages: { signIn: "/signin" },
    // A wrong password (or a throttled attempt) is everyday use, answered to the form; Auth.js would
    // otherwise log each one as a server error with its stack.
    logger: {
      error(error) {
        const type = (error as { type?: string }).type;
        if (type === "CredentialsSignin" || error.name === "CredentialsSignin") return;
        // A forged, damaged or old-secret session cookie reads as signed out; its stack on every
        // request would flood the log, so it is counted and reported once a minute.
        if (type === "JWTSessionError" || error.name === "JWTSessionError") return unreadableSessions.note();
        console.error("[auth][error]", error);
      },
    },
    providers: [
      Credentials({
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: async (raw, request) => {
          const email = emailSchema.safeParse(raw?.email);
          if (!email.success || typeof raw?.password !== "string") return null;
          try {
            const user = await signInWithPassword(db, {
              email: email.data,
              password: raw.password,
              clientIp: clientIpFromHeaders(request.headers),
              userAgent: request.headers.get("user-agent"),
            });
            return user ? { id: user.id, email: user.email, name: user.name, image: user.image } : null;
          } catch (error) {
            if (error instanceof TooManySignInAttemptsError) throw new SignInThrottled(error.retryAfterMs);
            throw error;
          }
        },
      }),
      ...(githubSignInEnabled() ? [GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET })] : []),
    ],
    callbacks: {
      jwt: async ({ token, user }) => {
        if (user?.id) {
          token.uid = user.id;
          // Which password this session was signed in with (see credential-stamp.ts).
          token.cs = await credentialStampOf(db, user.id);
        }
        return token;
      },
      // Handle and role are read fresh so a role change or a deleted account takes effect at once.
      session: async ({ session, token }) => {
        const user = await sessionUserFromToken(db, token);
        if (user) session.user = { ...session.user, ...user } as typeof session.user;
        else session.user = undefined as never;
        return session;
      },
    },
  };
  return config;
});

export { handlers, signIn, signOut };

/**
 * The session, looked up once per request: the layout's header, the page and the tRPC server caller
 * all ask, and each lookup reads the user row. Read from the session cookie directly
 * (session-from-cookie.ts); Auth.js answers what that reader leaves to it. Outside a React render
 * (route handlers) `cache` just calls through.
 */
export const auth = cache(async () => {
  const session = await sessionFromCookie(getDb(), await headers(), env.AUTH_SECRET);
  return session === ASK_AUTH_JS ? uncachedAuth() : session;
});
