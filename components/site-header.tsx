import Link from "next/link";
import { ButtonLink } from "@/components/button-link";

export type NavItem = { href: string; label: string };

export function SiteHeader({ brand, nav }: { brand: string; nav: NavItem[] }) {
  return (
    <header className="border-b border-line bg-paper/95">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-3 px-5 py-4 sm:px-8">
        <Link href="/" className="font-serif text-xl font-semibold tracking-tight text-ink no-underline">
          {brand}
        </Link>
        <nav aria-label="Main" className="order-3 w-full sm:order-none sm:w-auto sm:flex-1">
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
        <ButtonLink href="/contact" className="ml-auto !min-h-11 !px-5 text-sm sm:ml-0">
          Book an intro call
        </ButtonLink>
      </div>
    </header>
  );
}
