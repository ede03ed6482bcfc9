// ESLint for every JavaScript file of the repository (`make lint` runs `eslint .`).
//
// The convention it relies on: a `.mjs` file is an ES module, a `.js` file a classic script
// (the site's one IIFE-wrapped script and the snippet inlined into the fees page's <head>).
// Code served to readers sees browser globals, the quote worker sees a worker's, and the
// repository's own tooling (scripts/, tests/) runs under Node.
import js from "@eslint/js";
import globals from "globals";

const NO_MARKUP = "Text goes in as textContent, never as markup.";

export default [
  {
    ignores: ["site/**", "build/**", ".venv/**", "node_modules/**", "htmlcov/**"],
  },
  js.configs.recommended,
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: {
      ecmaVersion: 2022,
      globals: globals.browser,
    },
    linterOptions: {
      reportUnusedDisableDirectives: "error",
    },
    rules: {
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-implicit-globals": "error",
      "no-shadow": "error",
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      "no-use-before-define": ["error", { functions: false }],
      "prefer-const": "error",
      // Small functions with one job: a function that outgrows these is split, not exempted.
      "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }],
      complexity: ["error", 10],
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "script" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module" },
  },
  {
    // The site's scripts put text into a page, never markup: whatever a reader typed (or an
    // engine record holds) reaches the page through textContent, attributes and elements
    // made one by one. Proved here, for every script and every value; the browser tests
    // type a sample of hostile values to see the wiring (tests/e2e/test_guarantees.py).
    files: ["docs/**", "overrides/**"],
    rules: {
      "no-restricted-properties": [
        "error",
        ...[
          "innerHTML",
          "outerHTML",
          "insertAdjacentHTML",
          "setHTMLUnsafe",
          "createContextualFragment",
          "parseFromString",
          "srcdoc",
        ].map((property) => ({ property, message: NO_MARKUP })),
        { object: "document", property: "write", message: NO_MARKUP },
        { object: "document", property: "writeln", message: NO_MARKUP },
      ],
    },
  },
  {
    // Module Web Workers: no DOM, `self` is the worker's global scope.
    files: ["**/*worker*.mjs", "**/*worker*.js"],
    languageOptions: { globals: globals.worker },
  },
  {
    // The build's Node scripts (the engine snapshot maker) run under Node too.
    files: ["scripts/**", "tests/**", "sitebuild/**", "*.config.mjs"],
    languageOptions: { globals: globals.node },
  },
];
