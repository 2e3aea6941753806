import Link from "next/link";
import { auth } from "@/server/auth/config";
import { Avatar } from "@/components/ui/avatar";
import { ButtonLink } from "@/components/ui/button";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const session = await auth();
  const user = session?.user;
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 px-4 lg:h-14 lg:flex-nowrap lg:gap-x-6">
        <Link href="/" className="flex h-14 items-center gap-2 text-lg font-bold tracking-tight text-slate-900">
          <span aria-hidden className="inline-flex h-7 w-7 items-center justify-center rounded-md bg-indigo-600 text-sm text-white">P</span>
          Promptuary
        </Link>
        {/* Below lg the links go on a row of their own under the logo and account buttons; on phones that row scrolls sideways. */}
        <nav className="order-last -mx-4 flex w-[calc(100%+2rem)] items-center gap-5 overflow-x-auto whitespace-nowrap border-t border-slate-100 px-4 py-2 text-sm font-medium text-slate-600 [scrollbar-width:none] lg:order-none lg:mx-0 lg:w-auto lg:overflow-visible lg:border-0 lg:p-0 lg:gap-4 [&::-webkit-scrollbar]:hidden" aria-label="Main">
          <Link href="/explore" className="hover:text-slate-900">Explore</Link>
          <Link href="/market" className="hover:text-slate-900">Market</Link>
          {user ? <Link href="/feed" className="hover:text-slate-900">Feed</Link> : null}
          {user ? <Link href={`/u/${user.handle}`} className="hover:text-slate-900">My prompts</Link> : null}
          {user ? <Link href="/library" className="hover:text-slate-900">Library</Link> : null}
          {user ? <Link href="/dashboard/sales" className="hover:text-slate-900">Sales</Link> : null}
          {user ? <Link href="/captures" className="hover:text-slate-900">Captures</Link> : null}
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
                <span className="hidden whitespace-nowrap md:inline lg:hidden xl:inline">@{user.handle}</span>
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
