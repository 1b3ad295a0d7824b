// Shared set-up for the main-screen tests: render with fakes, unmount inside act afterwards.
import React, {act} from 'react';
import {afterEach} from 'vitest';
import {cleanup} from 'ink-testing-library';
import stringWidth from 'string-width';
import {MainScreen} from '../../source/screens/main-screen.js';
import type {CloudTrailService, Session} from '../../source/domain/types.js';
import type {CommandSpec} from '../../source/hooks/use-commands.js';
import {renderInk, type Rendered} from '../helpers/ink.js';
import {fakeSession} from '../helpers/fakes.js';
import {safe} from '../../source/lib/sanitize.js';

afterEach(async () => {
	await act(async () => {
		cleanup();
	});
});

// The keys the app shell handles on the main screen (app.tsx); here they only need their hints.
const appKeys: CommandSpec[] = [
	{commands: ['switchProfile'], hint: safe`profile`, run() {}},
	{commands: ['switchRegion'], hint: safe`region`, run() {}},
	{commands: ['help'], hint: safe`help`, run() {}},
	{commands: ['quit'], hint: safe`quit`, run() {}},
];

export async function renderMain(
	service: CloudTrailService,
	size: {columns?: number; rows?: number} = {columns: 120, rows: 30},
	session: Session = fakeSession(service),
	isActive = true,
): Promise<Rendered> {
	return renderInk(
		<MainScreen session={session} region="us-east-1" isActive={isActive} globalSpecs={appKeys} />,
		size,
	);
}

/** The frame's lines without colour codes, as a person would read them. */
export function lines(frame: string): string[] {
	return frame.replace(/\u001B\[[\d;]*m/g, '').split('\n');
}

export function widestLine(frame: string): number {
	return Math.max(...lines(frame).map(line => stringWidth(line)));
}

/** Lines of the events table that show an event (they all carry a PutThing name in these tests). */
export function eventLines(frame: string): string[] {
	return lines(frame).filter(line => /PutThing\w+/.test(line));
}
