import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers of lib/, lowest first (docs/code.md). A folder may import its own layer's
// foundations and anything below, never above; feature folders never import each other.
const layers = [
  ["config", "i18n"],
  ["db", "mail", "content", "booking"],
  ["forms", "analytics"],
  ["inquiry", "newsletter", "privacy"],
  ["jobs"],
  ["server"],
];
const lib = (folder) => `./lib/${folder}`;

const upwardImports = layers.flatMap((layer, index) => {
  const above = layers.slice(index + 1).flat();
  return above.length === 0
    ? []
    : [
        {
          target: layer.map(lib),
          from: above.map(lib),
          message: `lib/{${layer.join(",")}} sits below lib/{${above.join(",")}}: move the code down, or call it from above.`,
        },
      ];
});

const siblings = (folders, why) =>
  folders.flatMap((folder) =>
    folders
      .filter((other) => other !== folder)
      .map((other) => ({ target: lib(folder), from: lib(other), message: why })),
  );

const layerZones = [
  ...["config", "i18n"].map((folder) => ({
    target: lib(folder),
    from: "./lib",
    except: [`./${folder}`],
    message: `lib/${folder} is the bottom layer: it imports nothing else from lib/.`,
  })),
  ...upwardImports,
  ...siblings(
    ["inquiry", "newsletter", "privacy"],
    "Features never import each other: work that spans them lives in lib/jobs or lib/server.",
  ),
  ...siblings(["db", "mail", "content", "booking"], "These foundations are independent of each other."),
  ...siblings(
    ["forms", "analytics"],
    "lib/forms and lib/analytics are independent: a feature above passes one's results to the other.",
  ),
  {
    target: "./lib",
    from: "./components",
    except: ["./emails"],
    message: "lib/ takes only email templates (components/emails/) from components/.",
  },
  {
    target: "./lib",
    from: ["./app", "./scripts", "./tests"],
    message: "lib/ never imports routes, scripts or tests.",
  },
];

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
  {
    files: ["lib/**", "app/**", "components/**"],
    rules: { "import/no-restricted-paths": ["error", { zones: layerZones }] },
  },
  {
    // The environment is read in lib/config only (docs/code.md names the few files outside the
    // site's code that must read it themselves).
    files: ["lib/**", "app/**", "components/**", "content/**"],
    ignores: ["lib/config/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read settings through lib/config/env.ts, which parses and checks them.",
        },
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
