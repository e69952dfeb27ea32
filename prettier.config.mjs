// Prettier, set to the style the code is already written in: 4-space indent,
// double quotes, semicolons, trailing commas.
//
// printWidth 120: the code breaks its long lines by hand at about 100-120, and
// a wider width joined many of them into lines of up to 150 characters. 120 is
// about the 95th percentile of line widths in the model libraries of the field
// (AWS CDK's cloudfront module, pulumi-awsx).
/** @type {import("prettier").Config} */
export default {
    printWidth: 120,
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
