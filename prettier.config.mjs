// Prettier, set to the style the code is already written in: 4-space indent,
// double quotes, semicolons, trailing commas.
//
// printWidth 150 is the width at which formatting the existing TypeScript
// changes the fewest lines (lines added plus lines removed, over every .ts
// file: 1,418 at 120, 847 at 130, 710 at 140, 677 at 150, 680 at 160).
// Narrower widths break more long lines, wider ones join more lines that were
// broken by hand.
/** @type {import("prettier").Config} */
export default {
    printWidth: 150,
    tabWidth: 4,
    semi: true,
    singleQuote: false,
    trailingComma: "all",
    overrides: [
        {
            // YAML and npm's own files are indented by 2, as their tools write them.
            files: ["*.yaml", "*.yml", "package.json"],
            options: { tabWidth: 2 },
        },
    ],
};
