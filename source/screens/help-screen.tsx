import React, {useState} from 'react';
import {Box, useInput} from 'ink';
import {Text} from '../components/text.js';
import {type Action, type KeyBinding, actionFor, keymap} from '../keymap.js';
import {padToWidth, truncateToWidth} from '../lib/text-width.js';

type Section = {title: string; actions: Action[]};

// Which group a binding is listed under. A binding added to the keymap but not listed here still
// shows, under "Other", so the help can never silently miss a key.
const sections: Section[] = [
	{title: 'Everywhere', actions: ['help', 'forceQuit', 'quit', 'back']},
	{title: 'Lists and panes', actions: ['up', 'down', 'pageUp', 'pageDown', 'home', 'end', 'select', 'focusNext']},
	{title: 'Main screen', actions: ['refresh', 'retry', 'toggleUtc', 'switchProfile', 'switchRegion']},
	{
		title: 'Profile and region pickers',
		actions: ['filterType', 'filterBackspace', 'filterClear', 'pickerUp', 'pickerDown', 'pageUp', 'pageDown', 'pickerFirst', 'pickerLast', 'pick'],
	},
];

export type HelpLine = {kind: 'title'; text: string} | {kind: 'binding'; label: string; description: string} | {kind: 'note'; text: string};

const notes = [
	'In the pickers every letter is filter text, so q does not quit there: use Ctrl+C.',
	'Esc on the first profile picker does nothing; on a reopened picker it goes back.',
];

/** Every binding of `bindings`, grouped, as lines to show. */
export function helpLines(bindings: Record<string, KeyBinding> = keymap): HelpLine[] {
	const listed = new Set<string>(sections.flatMap(section => section.actions));
	const other = Object.keys(bindings).filter(name => !listed.has(name));
	const all = other.length > 0 ? [...sections, {title: 'Other', actions: other as Action[]}] : sections;
	const lines: HelpLine[] = [];
	for (const section of all) {
		const present = section.actions.flatMap(action => {
			const binding = bindings[action];
			return binding ? [binding] : [];
		});
		if (present.length === 0) {
			continue;
		}

		if (lines.length > 0) {
			lines.push({kind: 'note', text: ''});
		}

		lines.push({kind: 'title', text: section.title});
		for (const binding of present) {
			lines.push({kind: 'binding', label: binding.label, description: binding.description});
		}
	}

	lines.push({kind: 'note', text: ''}, ...notes.map(text => ({kind: 'note' as const, text})));
	return lines;
}

type Props = {
	isActive: boolean;
	/** Rows available, header excluded. */
	height: number;
	width: number;
	onClose(): void;
	onQuit(): void;
};

const scrollActions = ['up', 'down', 'pageUp', 'pageDown', 'home', 'end'] as const;

export function HelpScreen({isActive, height, width, onClose, onQuit}: Props) {
	const lines = helpLines();
	// The title takes a row and one stays spare (a frame as tall as the terminal makes Ink clear
	// and redraw everything); the rest scrolls so a 40x12 terminal can still read it all.
	const visible = Math.max(1, height - 2);
	const maxOffset = Math.max(0, lines.length - visible);
	const [scrolled, setOffset] = useState(0);
	// A resize can leave the stored offset past the end; read it clamped.
	const offset = Math.min(scrolled, maxOffset);

	useInput(
		(input, key) => {
			if (actionFor(['help', 'back'], input, key)) {
				onClose();
				return;
			}

			if (actionFor(['quit'], input, key)) {
				onQuit();
				return;
			}

			const scroll = actionFor(scrollActions, input, key);
			if (scroll) {
				const next = {up: offset - 1, down: offset + 1, pageUp: offset - visible, pageDown: offset + visible, home: 0, end: maxOffset}[scroll];
				setOffset(Math.min(Math.max(next, 0), maxOffset));
			}
		},
		{isActive},
	);

	const shown = lines.slice(offset, offset + visible);
	const labelWidth = Math.min(12, Math.max(6, Math.floor(width / 3)));
	const more = lines.length > visible ? `  ${offset + visible < lines.length ? '↓ more' : 'end'}` : '';
	return (
		<Box flexDirection="column" flexShrink={0}>
			<Text bold wrap="truncate-end">
				Keys
				<Text dimColor>{`  Esc or ? closes${more}`}</Text>
			</Text>
			{shown.map((line, index) =>
				line.kind === 'binding' ? (
					<Text key={index} wrap="truncate-end">
						<Text color="cyan">{padToWidth(line.label, labelWidth)}</Text>
						{` ${line.description}`}
					</Text>
				) : (
					<Text key={index} bold={line.kind === 'title'} dimColor={line.kind === 'note'} wrap="truncate-end">
						{truncateToWidth(line.text, width) || ' '}
					</Text>
				),
			)}
		</Box>
	);
}
