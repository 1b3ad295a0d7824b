// Local filtering over pages as they arrive: the screen (or a script) takes each page's matches at
// once and counts what was read, so the footer can say `scanned 1,250 · 14 match` mid-scan.
import type {TrailEvent} from '../types.js';

export type ScanStep = {
	/** This page's events that match, in the page's order. */
	matches: TrailEvent[];
	/** How many events the page held. */
	scanned: number;
};

/** One step per page, empty pages included, so progress shows even while nothing matches. */
export async function* scanPages(pages: AsyncIterable<TrailEvent[]>, matches: (event: TrailEvent) => boolean): AsyncGenerator<ScanStep> {
	for await (const page of pages) {
		yield {matches: page.filter(event => matches(event)), scanned: page.length};
	}
}
