// The formats `--output` accepts. Owned by output/, which implements them; the CLI validates
// flags against this list, so it stays a leaf module that costs nothing on the startup path.
export const outputFormats = ['table', 'json', 'jsonl', 'csv'] as const;
export type OutputFormat = (typeof outputFormats)[number];
