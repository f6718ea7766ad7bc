import { config } from "zod/mini";

// Form schemas run in the browser too, so they use zod/mini (a fraction of zod's bundle).
// Zod probes for eval to compile fast parsers; the CSP forbids eval and the probe alone is
// reported as a violation, so compile nothing.
config({ jitless: true });
