import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import regexp from "eslint-plugin-regexp";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  regexp.configs["flat/recommended"],
  {
    rules: {
      // Every regex runs over pastes up to 1 MiB: no super-linear backtracking, anywhere.
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-super-linear-move": "error",
      // Case-folding changes what `req_` and class names match; spelled-out classes are intended.
      "regexp/use-ignore-case": "off",
    },
  },
  {
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react/*", "react-dom", "react-dom/*"],
              message: "lib/ knows nothing of React.",
            },
            { group: ["next", "next/*"], message: "lib/ knows nothing of Next." },
            {
              group: ["@/app/*", "@/components/*", "**/app/*", "**/components/*"],
              message: "Dependencies point inward: lib/ imports neither app/ nor components/.",
            },
          ],
        },
      ],
    },
  },
  {
    // The status side owns the incident-history interface; lib/store implements it. Arrows point one way.
    files: ["lib/status/**/*.ts"],
    ignores: ["lib/status/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react/*", "react-dom", "react-dom/*"],
              message: "lib/ knows nothing of React.",
            },
            { group: ["next", "next/*"], message: "lib/ knows nothing of Next." },
            {
              group: ["@/app/*", "@/components/*", "**/app/*", "**/components/*"],
              message: "Dependencies point inward: lib/ imports neither app/ nor components/.",
            },
            {
              group: ["**/store", "**/store/*", "@/lib/store", "@/lib/store/*"],
              message:
                "lib/store implements lib/status's IncidentHistoryStore; lib/status never imports lib/store.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/retry/**/*.ts", "lib/status/**/*.ts", "lib/verdict/**/*.ts"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "node_modules/**",
    "out/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "data/**",
    "dist/**",
  ]),
]);
