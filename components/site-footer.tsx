import Link from "next/link";
import type { ReactNode } from "react";
import type { NavItem } from "@/components/site-header";

type SiteFooterProps = {
  brand: string;
  tagline: string;
  email: string;
  links: NavItem[];
  navLabel: string;
  social: readonly { label: string; href: string }[];
  /** The newsletter band, rendered above the footer links. */
  children?: ReactNode;
};

export function SiteFooter({ brand, tagline, email, links, navLabel, social, children }: SiteFooterProps) {
  const year = new Date().getFullYear();
  return (
    <footer className="render-when-visible mt-24 border-t border-line bg-surface [--estimated-height:900px]">
      {children}
      <div className="mx-auto grid max-w-6xl gap-10 px-5 py-12 text-sm text-muted sm:grid-cols-3 sm:px-8">
        <div>
          <p className="font-serif text-lg font-semibold text-ink">{brand}</p>
          <p className="mt-2 max-w-xs">{tagline}</p>
        </div>
        <nav aria-label={navLabel}>
          <ul className="space-y-1">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="inline-flex min-h-11 items-center hover:text-ink">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div>
          <p>
            <a href={`mailto:${email}`} className="inline-flex min-h-11 items-center hover:text-ink">
              {email}
            </a>
          </p>
          <ul className="flex flex-wrap gap-x-5">
            {social.map((link) => (
              <li key={link.href}>
                <a
                  href={link.href}
                  rel="me noopener"
                  className="inline-flex min-h-11 items-center hover:text-ink"
                >
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
          <p className="mt-4">
            © {year} {brand}
          </p>
        </div>
      </div>
    </footer>
  );
}
