import Link from "next/link";
import { ButtonLink } from "@/components/button-link";

export type NavItem = { href: string; label: string };

// On a phone the header is two rows before the first heading: the name (broken onto two lines
// if need be) beside the booking button, then the navigation.
export function SiteHeader({
  brand,
  home,
  nav,
  navLabel,
  booking,
}: {
  brand: string;
  home: string;
  nav: NavItem[];
  navLabel: string;
  booking: NavItem;
}) {
  return (
    <header className="border-b border-line bg-paper/95">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-5 py-3 sm:gap-x-8 sm:gap-y-3 sm:px-8 sm:py-4">
        <Link
          href={home}
          className="max-w-[7rem] font-serif text-lg leading-tight font-semibold tracking-tight text-ink no-underline sm:max-w-none sm:text-xl sm:leading-7"
        >
          {brand}
        </Link>
        <nav aria-label={navLabel} className="order-3 w-full sm:order-none sm:w-auto sm:flex-1">
          <ul className="flex flex-wrap gap-x-6 gap-y-1 text-[0.95rem]">
            {nav.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="inline-flex min-h-11 items-center text-muted no-underline hover:text-ink"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <ButtonLink href={booking.href} className="ml-auto !min-h-11 !px-5 text-sm sm:ml-0">
          {booking.label}
        </ButtonLink>
      </div>
    </header>
  );
}
