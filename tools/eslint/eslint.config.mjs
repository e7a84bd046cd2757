// ESLint for the page's JavaScript (src/speech2image/server/static), run by `make lint`.
// The recommended rules, on ES modules in the browser; the audio worklet runs in its own
// global scope (AudioWorkletProcessor, registerProcessor, sampleRate).
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser },
    },
    rules: {
      // Every variable is declared once and used; an unused argument may say what a
      // callback is given, so only variables count.
      "no-unused-vars": ["error", { args: "none" }],
      eqeqeq: ["error", "always", { null: "ignore" }], // "x != null" is null or undefined
      "prefer-const": "error",
      "no-var": "error",
    },
  },
  {
    files: ["**/pcm-worklet.js"],
    languageOptions: { globals: { ...globals.audioWorklet } },
  },
];
