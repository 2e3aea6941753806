import Link from "next/link";
import { cookies } from "next/headers";
import { auth } from "@/server/auth/config";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { THEME_COOKIE, parseTheme } from "@/components/ui/theme-preference";
import { HeaderSearch } from "./header-search";
import { MobileMenu, type NavLink } from "./mobile-menu";
import { Avatar } from "@/components/ui/avatar";
import { ButtonLink } from "@/components/ui/button";
import { SignOutButton } from "./sign-out-button";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { serverApi } from "@/trpc/server";

export async function SiteHeader() {
  const [session, jar] = await Promise.all([auth(), cookies()]);
  const user = session?.user;
  // Organisation owners and admins get a Reviews link with what waits for them (never breaks the header).
  const reviews = user ? await serverApi().then((api) => api.review.count()).catch(() => null) : null;
  const theme = parseTheme(jar.get(THEME_COOKIE)?.value);
  const links: NavLink[] = [
    { href: "/explore", label: "Explore" },
    { href: "/market", label: "Market" },
    ...(user
      ? [
          { href: "/feed", label: "Feed" },
          { href: `/u/${user.handle}`, label: "My prompts" },
          { href: "/library", label: "Library" },
          { href: "/favorites", label: "Favourites" },
          { href: "/collections", label: "Collections" },
          { href: "/orgs", label: "Organisations" },
          ...(reviews?.reviewer ? [{ href: "/reviews", label: reviews.count ? `Reviews (${reviews.count})` : "Reviews" }] : []),
          { href: "/dashboard", label: "Dashboard" },
          { href: "/dashboard/sales", label: "Sales" },
          { href: "/captures", label: "Captures" },
          // The admin overview exists for admins only (anyone else gets the not-found page).
          ...(user.role === "admin" ? [{ href: "/admin", label: "Admin" }] : []),
        ]
      : []),
  ];
  return (
    <>
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur print:hidden">
      <div className="relative mx-auto flex h-14 max-w-6xl items-center gap-x-3 px-4">
        <Link href="/" className="flex h-14 shrink-0 items-center gap-2 text-lg font-bold tracking-tight text-slate-900">
          <span aria-hidden className="inline-flex h-7 w-7 items-center justify-center rounded-md bg-indigo-600 text-sm text-white">P</span>
          <span className="max-[359px]:sr-only">Promptuary</span>
        </Link>
        {/* From md the search box and theme toggle sit in this row and the links in a row of their
            own below; on phones all three are in the menu (mobile-menu.tsx). */}
        <HeaderSearch id="header-search-q" className="ml-auto hidden w-full min-w-32 max-w-xs md:block" />
        <div className="ml-auto flex items-center gap-2 md:ml-0">
          <div className="hidden md:block">
            <ThemeToggle initial={theme} />
          </div>
          {user ? (
            <>
              <ButtonLink href="/new" size="sm" className="whitespace-nowrap" aria-label="New prompt">
                <span aria-hidden>+</span>
                <span className="hidden sm:inline">New prompt</span>
              </ButtonLink>
              <NotificationBell />
              <Link href="/settings" className="flex items-center gap-2 rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100" title="Settings" aria-label={`Settings (@${user.handle})`}>
                <Avatar name={user.name} handle={user.handle} image={user.image} size={26} />
              </Link>
              {/* On phones it moves into the menu, which leaves room for the rest. */}
              <div className="hidden sm:block">
                <SignOutButton />
              </div>
            </>
          ) : (
            <>
              <ButtonLink href="/signin" variant="ghost" size="sm">Sign in</ButtonLink>
              <ButtonLink href="/signup" size="sm">Sign up</ButtonLink>
            </>
          )}
          <MobileMenu links={links} theme={theme}>
            {user ? (
              <div className="sm:hidden">
                <SignOutButton />
              </div>
            ) : null}
          </MobileMenu>
        </div>
      </div>
    </header>
    {/* Not sticky: only the 3.5rem bar above stays on screen, which sticky page columns (top-20) assume. */}
    <div className="border-b border-slate-200 bg-white print:hidden max-md:hidden">
      {/* Wraps onto a second line when the links do not fit (a signed-in tablet): nothing is cut off. */}
      <nav className="mx-auto flex min-h-10 max-w-6xl flex-wrap items-center gap-x-5 gap-y-1 px-4 py-2 text-sm font-medium text-slate-600" aria-label="Main">
        {links.map((l) => (
          <Link key={l.href} href={l.href} className="whitespace-nowrap hover:text-slate-900">
            {l.label}
          </Link>
        ))}
      </nav>
    </div>
    </>
  );
}
