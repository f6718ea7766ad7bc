type Header = { key: string; value: string };
type HeaderRule = { source: string; headers: Header[] };

/**
 * script-src keeps 'unsafe-inline', the price of static pages (docs/security.md explains why);
 * every other directive is as strict as the site allows.
 */
export function contentSecurityPolicy({ development }: { development: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // React needs eval in development only, to rebuild server error stacks in the browser.
    "script-src": ["'self'", "'unsafe-inline'", ...(development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    // The heading font travels inside the stylesheet as a data: URL (scripts/build/subset-font.mjs).
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...(development ? ["ws:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "manifest-src": ["'self'"],
    "worker-src": ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

export function securityHeaders({ production }: { production: boolean }): Header[] {
  const headers: Header[] = [
    {
      key: "Content-Security-Policy",
      value: contentSecurityPolicy({ development: !production }),
    },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    },
  ];
  if (production) {
    headers.push({
      key: "Strict-Transport-Security",
      value: "max-age=63072000; includeSubDomains",
    });
  }
  return headers;
}

/**
 * The rules for `headers()` in next.config.ts: which headers go with which paths.
 * `personalPaths` are the pages that show one person's own state (the newsletter confirmation,
 * in each language: lib/newsletter/confirm-path.ts).
 */
export function headerRules({
  production,
  personalPaths,
}: {
  production: boolean;
  personalPaths: readonly string[];
}): HeaderRule[] {
  return [
    { source: "/(.*)", headers: securityHeaders({ production }) },
    // Cross-Origin-Opener-Policy only on the pages that show one person's own state. It makes
    // Chrome move the page into a new browsing context group, which on a navigation from another
    // page means a fresh renderer process: on the public pages, the same for everyone, it
    // protected nothing and cost most of their blocking time (docs/performance.md, docs/security.md).
    ...personalPaths.map((source) => ({
      source,
      headers: [{ key: "Cross-Origin-Opener-Policy", value: "same-origin" }],
    })),
  ];
}
