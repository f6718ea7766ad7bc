import localFont from "next/font/local";

// Self-hosted from npm: builds must not depend on a font CDN. One web font only, for
// headings: body text uses the reader's system face, which costs no bytes before the first
// paint (a second variable font added ~48 KB and about 0.2 s to mobile LCP).
export const serif = localFont({
  src: "../node_modules/@fontsource-variable/fraunces/files/fraunces-latin-wght-normal.woff2",
  variable: "--font-fraunces",
  weight: "100 900",
  // No swap after the first paint: a font that misses its short block period waits for the
  // next page, so headings never reflow (a layout shift and a second layout pass).
  display: "optional",
  // Next sizes fallbacks from Arial by default; a serif face swaps in with far less movement
  // when its fallback is a serif sized to its metrics.
  adjustFontFallback: "Times New Roman",
});
