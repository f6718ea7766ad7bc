// The zod every form schema imports: zod/mini, because the schemas also run in the browser
// (a fraction of zod's bundle), configured before any schema is built. Zod probes for eval to
// compile fast parsers; the CSP forbids eval and the probe alone is reported as a violation,
// so it compiles nothing. ESLint refuses "zod/mini" imported anywhere else.
import { config } from "zod/mini";

config({ jitless: true });

export * from "zod/mini";
