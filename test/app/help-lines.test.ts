import {describe, expect, it} from 'vitest';
import {helpLines} from '../../source/screens/help-screen.js';
import {keymap} from '../../source/keymap.js';

describe('helpLines', () => {
	it('lists every binding of the keymap', () => {
		const lines = helpLines();
		for (const binding of Object.values(keymap)) {
			expect(lines).toContainEqual({kind: 'binding', label: binding.label, description: binding.description});
		}
	});

	it('puts a binding nobody grouped yet under Other rather than leaving it out', () => {
		const lines = helpLines({...keymap, exportCsv: {label: 'e', description: 'Export events as CSV', chars: ['e']}});
		const other = lines.findIndex(line => line.kind === 'title' && line.text === 'Other');
		expect(other).toBeGreaterThan(0);
		expect(lines[other + 1]).toEqual({kind: 'binding', label: 'e', description: 'Export events as CSV'});
	});
});
