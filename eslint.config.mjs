// ESLint 9 flat config: ESLint's and typescript-eslint's recommended rules,
// type-aware, for every TypeScript file of the repository. Formatting is
// Prettier's job (.prettierrc.json), so no stylistic rules are turned on here.
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    {
        // What .gitignore keeps out of the repository, and:
        // The consumer fixture is a program of its own, with its own tsconfig,
        // that tests/package.test.ts installs and type-checks outside the repository.
        ignores: ["node_modules/", "dist/", "reports/", ".stryker-tmp/", "tests/fixtures/consumer/"],
    },
    eslint.configs.recommended,
    tseslint.configs.recommendedTypeChecked,
    {
        languageOptions: {
            parserOptions: {
                // Each file is checked with the tsconfig.json nearest to it
                // (deploy/ has its own), as tsc does.
                project: "./tsconfig.json",
                tsconfigRootDir: import.meta.dirname,
            },
        },
        rules: {
            // A Pulumi program that forgets a promise can end before the
            // resources that promise registers: the update then misses them,
            // or fails with a half-registered resource. Both rules are in
            // recommendedTypeChecked; they are named here so that nobody turns
            // them off thinking they are style.
            "@typescript-eslint/no-floating-promises": "error",
            "@typescript-eslint/no-misused-promises": "error",
            // An Output is not a promise: `await output` returns the Output
            // itself at once, never its value.
            "@typescript-eslint/await-thenable": "error",
        },
    },
    {
        files: ["tests/**/*.ts"],
        rules: {
            // Tests reach into what the mock engine recorded (inputs typed
            // `any` by the SDK) and into parsed JSON and YAML, by path. A wrong
            // path fails the test's own assertion, which is the check that
            // matters there; typing every such path would only add casts.
            "@typescript-eslint/no-explicit-any": "off",
            "@typescript-eslint/no-unsafe-argument": "off",
            "@typescript-eslint/no-unsafe-assignment": "off",
            "@typescript-eslint/no-unsafe-call": "off",
            "@typescript-eslint/no-unsafe-member-access": "off",
            "@typescript-eslint/no-unsafe-return": "off",
            // Assertion messages show received values as they come, unknowns
            // and lists included.
            "@typescript-eslint/restrict-template-expressions": "off",
            // Lists with holes are hostile input the tests pass on purpose.
            "no-sparse-arrays": "off",
        },
    },
    {
        // This file and any other plain JavaScript: no type information.
        files: ["**/*.mjs", "**/*.js"],
        extends: [tseslint.configs.disableTypeChecked],
    },
);
