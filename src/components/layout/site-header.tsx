import Link from "next/link";
import { auth } from "@/server/auth/config";
import { Avatar } from "@/components/ui/avatar";
import { ButtonLink } from "@/components/ui/button";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const session = await auth();
  const user = session?.user;
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:gap-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight text-slate-900">
          <span aria-hidden className="inline-flex h-7 w-7 items-center justify-center rounded-md bg-indigo-600 text-sm text-white">P</span>
          Promptuary
        </Link>
        <nav className="hidden items-center gap-4 text-sm font-medium text-slate-600 sm:flex" aria-label="Main">
          <Link href="/explore" className="hover:text-slate-900">Explore</Link>
          {user ? <Link href={`/u/${user.handle}`} className="hover:text-slate-900">My prompts</Link> : null}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          {user ? (
            <>
              <ButtonLink href="/new" size="sm" className="whitespace-nowrap" aria-label="New prompt">
                <span aria-hidden>+</span>
                <span className="hidden sm:inline">New prompt</span>
              </ButtonLink>
              <Link href="/settings" className="flex items-center gap-2 rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100" title="Settings">
                <Avatar name={user.name} handle={user.handle} image={user.image} size={26} />
                <span className="hidden md:inline">@{user.handle}</span>
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <ButtonLink href="/signin" variant="ghost" size="sm">Sign in</ButtonLink>
              <ButtonLink href="/signup" size="sm">Sign up</ButtonLink>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
