import {describe, expect, it} from 'vitest';
import {helpLines} from '../../source/screens/help-screen.js';
import {keymap} from '../../source/keymap.js';
import type {CommandSpec} from '../../source/hooks/use-commands.js';
import {safe} from '../../source/lib/sanitize.js';

const run = () => undefined;

describe('helpLines', () => {
	it('lists each handled command with its label and description, section by section', () => {
		const screen: CommandSpec[] = [{commands: ['up', 'down'], hint: safe`move`, run}, {commands: ['refresh'], run}];
		const everywhere: CommandSpec[] = [{commands: ['help'], hint: safe`help`, run}];
		const lines = helpLines([
			{title: safe`Main screen`, specs: screen},
			{title: safe`Everywhere`, specs: everywhere},
		]);
		expect(lines.slice(0, 4)).toEqual([
			{kind: 'title', text: safe`Main screen`},
			{kind: 'binding', label: keymap.up.label, description: keymap.up.description},
			{kind: 'binding', label: keymap.down.label, description: keymap.down.description},
			{kind: 'binding', label: keymap.refresh.label, description: keymap.refresh.description},
		]);
		expect(lines).toContainEqual({kind: 'title', text: safe`Everywhere`});
		expect(lines).toContainEqual({kind: 'binding', label: keymap.help.label, description: keymap.help.description});
	});

	it('lists a command once, under the first section that handles it, and leaves out what nothing handles', () => {
		const lines = helpLines([
			{title: safe`Main screen`, specs: [{commands: ['quit'], run}]},
			{title: safe`Everywhere`, specs: [{commands: ['quit', 'forceQuit'], run}]},
		]);
		expect(lines.filter(line => line.kind === 'binding' && line.label === keymap.quit.label)).toHaveLength(1);
		expect(lines).not.toContainEqual(expect.objectContaining({label: keymap.switchRegion.label}));
	});
});
