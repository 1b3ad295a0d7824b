// A field's values among the events loaded, for Tab completion: most frequent first, each once.
import {fieldValues} from '../domain/query/fields.js';
import type {FieldName} from '../domain/query/types.js';
import type {TrailEvent} from '../domain/types.js';

/** Events looked at: completion answers at once even with 100,000 loaded. */
const scanned = 5000;

export function loadedValues(events: readonly TrailEvent[], field: FieldName): string[] {
	const counts = new Map<string, number>();
	for (const event of events.slice(0, scanned)) {
		for (const value of fieldValues(event, field)) {
			if (value !== '') {
				counts.set(value, (counts.get(value) ?? 0) + 1);
			}
		}
	}

	return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value]) => value);
}
