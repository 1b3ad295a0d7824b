// Shared set-up for the main-screen tests: render with fakes, unmount inside act afterwards.
import React, {act} from 'react';
import {afterEach} from 'vitest';
import {cleanup} from 'ink-testing-library';
import stringWidth from 'string-width';
import {MainScreen} from '../../source/screens/main-screen.js';
import type {CloudTrailService, Session} from '../../source/domain/types.js';
import {renderInk, type Rendered} from '../helpers/ink.js';
import {fakeSession} from '../helpers/fakes.js';

afterEach(async () => {
	await act(async () => {
		cleanup();
	});
});

export async function renderMain(
	service: CloudTrailService,
	size: {columns?: number; rows?: number} = {columns: 120, rows: 30},
	session: Session = fakeSession(service),
	isActive = true,
): Promise<Rendered> {
	return renderInk(
		<MainScreen session={session} region="us-east-1" isActive={isActive} onSwitchProfile={() => {}} onSwitchRegion={() => {}} onQuit={() => {}} />,
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
