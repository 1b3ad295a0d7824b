// What the query line keeps between runs: named queries (`@name`) and the history on ↑/↓. The
// runtime fills it from the XDG files (storage/); tests and the demo use one held in memory.

export type QueryStore = {
	/** Named queries usable as `@name`: the built-in ones and the user's file. */
	readonly named: ReadonlyMap<string, string>;
	/** Problems reading the user's file, one line each, to show once rather than fail. */
	readonly problems: readonly string[];
	/** Queries run before, oldest first. */
	history(): readonly string[];
	/** A query that ran; saving it must never throw or reject into the UI. */
	remember(text: string): void;
};

/** How many queries the history keeps. */
export const historyKept = 500;

export function memoryQueryStore(options: {named?: ReadonlyMap<string, string>; history?: readonly string[]} = {}): QueryStore {
	let entries = [...(options.history ?? [])];
	return {
		named: options.named ?? new Map(),
		problems: [],
		history: () => entries,
		remember(text) {
			if (text !== '' && entries.at(-1) !== text) {
				entries = [...entries, text].slice(-historyKept);
			}
		},
	};
}
