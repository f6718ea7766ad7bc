type Header = { key: string; value: string };

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
    "font-src": ["'self'"],
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

/**
 * Cross-Origin-Opener-Policy only on pages that show one person's own state. It makes Chrome
 * move the page into a new browsing context group, which on a navigation from another page
 * means a fresh renderer process: on the public pages, which are the same for everyone, it
 * protected nothing and cost most of their blocking time (docs/performance.md, docs/security.md).
 */
export const openerIsolatedPaths = ["/newsletter/confirm"];

export const openerIsolationHeaders: Header[] = [{ key: "Cross-Origin-Opener-Policy", value: "same-origin" }];

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
