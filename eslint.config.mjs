import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Form schemas take zod from lib/forms/zod.ts, which configures it before any schema exists.
    ignores: ["lib/forms/zod.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "zod/mini", message: 'Import from "@/lib/forms/zod", which configures it.' }] },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    ".outbox/**",
    "reports/**",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
