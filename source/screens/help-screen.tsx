// `?`: the keys of the screen beneath and the keys that work everywhere, each listed from the
// specs that handle it (hooks/use-commands.ts), so the help shows exactly what works here.
import React, {useState} from 'react';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import {keymap, type Command} from '../keymap.js';
import {useCommands, type CommandSpec} from '../hooks/use-commands.js';
import {safe, type SafeText} from '../lib/sanitize.js';
import {padToWidth, truncateToWidth} from '../lib/text-width.js';

export type HelpSection = {title: SafeText; specs: readonly CommandSpec[]};

export type HelpLine = {kind: 'title'; text: SafeText} | {kind: 'binding'; label: SafeText; description: SafeText} | {kind: 'note'; text: SafeText};

const notes = [
	safe`In the pickers every letter is filter text, so q does not quit there: use Ctrl+C.`,
	safe`Esc on the first profile picker does nothing; on a reopened picker it goes back.`,
];

/** Each section's commands, once each (a key listed in an earlier section is not repeated), as lines to show. */
export function helpLines(sections: readonly HelpSection[]): HelpLine[] {
	const lines: HelpLine[] = [];
	const seen = new Set<Command>();
	for (const section of sections) {
		const commands = section.specs.flatMap(spec => spec.commands).filter(command => !seen.has(command) && seen.add(command));
		if (commands.length === 0) {
			continue;
		}

		if (lines.length > 0) {
			lines.push({kind: 'note', text: safe``});
		}

		lines.push({kind: 'title', text: section.title});
		for (const command of commands) {
			lines.push({kind: 'binding', label: keymap[command].label, description: keymap[command].description});
		}
	}

	lines.push({kind: 'note', text: safe``}, ...notes.map(text => ({kind: 'note' as const, text})));
	return lines;
}

type Props = {
	isActive: boolean;
	/** Rows available, header excluded. */
	height: number;
	width: number;
	sections: readonly HelpSection[];
	onClose(): void;
	onQuit(): void;
};

export function HelpScreen({isActive, height, width, sections, onClose, onQuit}: Props) {
	const own: CommandSpec[] = [
		{commands: ['help', 'back'], run: onClose},
		// Runs on a key press, after this render has defined `scroll`.
		{commands: ['up', 'down', 'pageUp', 'pageDown', 'home', 'end'], run: command => scroll(command)},
		{commands: ['quit'], run: onQuit},
	];
	useCommands(own, isActive);
	const lines = helpLines([...sections, {title: safe`This help`, specs: own}]);
	// The title takes a row and one stays spare (a frame as tall as the terminal makes Ink clear
	// and redraw everything); the rest scrolls so a 40x12 terminal can still read it all.
	const visible = Math.max(1, height - 2);
	const maxOffset = Math.max(0, lines.length - visible);
	const [scrolled, setOffset] = useState(0);
	// A resize can leave the stored offset past the end; read it clamped.
	const offset = Math.min(scrolled, maxOffset);

	const scroll = (command: Command) => {
		const next: Partial<Record<Command, number>> = {up: offset - 1, down: offset + 1, pageUp: offset - visible, pageDown: offset + visible, home: 0, end: maxOffset};
		setOffset(Math.min(Math.max(next[command] ?? offset, 0), maxOffset));
	};


	const shown = lines.slice(offset, offset + visible);
	const labelWidth = Math.min(12, Math.max(6, Math.floor(width / 3)));
	const more = lines.length > visible ? safe`  ${offset + visible < lines.length ? safe`↓ more` : safe`end`}` : safe``;
	return (
		<Box flexDirection="column" flexShrink={0}>
			<Text bold wrap="truncate-end">
				{safe`Keys`}
				<Text dimColor>{safe`  Esc or ? closes${more}`}</Text>
			</Text>
			{shown.map((line, index) =>
				line.kind === 'binding' ? (
					<Text key={index} wrap="truncate-end">
						<Text color="cyan">{padToWidth(line.label, labelWidth)}</Text>
						{safe` ${line.description}`}
					</Text>
				) : (
					<Text key={index} bold={line.kind === 'title'} dimColor={line.kind === 'note'} wrap="truncate-end">
						{truncateToWidth(line.text, width) || safe` `}
					</Text>
				),
			)}
		</Box>
	);
}
