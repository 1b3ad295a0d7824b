// The UI without colour (NO_COLOR, FORCE_COLOR=0): no colour codes, and the states colour used to
// carry (a failed event, a stopped trail, an error, the cursor, a new row) still stand out through
// symbols, bold and inverse. Chalk is at 16 colours here, as the runtime sets it, so the frames
// carry real escape codes.
import React, {act, type ReactElement} from 'react';
import chalk from 'chalk';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ColorProvider} from '../../source/components/text.js';
import {EventsTable} from '../../source/components/events-table/events-table.js';
import {ErrorBox} from '../../source/components/error-box.js';
import {SegmentLine} from '../../source/panes/segment-line.js';
import {trailLines} from '../../source/panes/trail-lines.js';
import {screenEventTable} from '../../source/domain/event-table.js';
import {makeEvent, makeTrail} from '../helpers/fakes.js';
import {renderInk} from '../helpers/ink.js';
import {attributes, colorCodes} from '../helpers/sgr.js';
import {safe} from '../../source/lib/sanitize.js';

const chalkLevel = chalk.level;
beforeAll(() => {
	chalk.level = 1;
});
afterAll(() => {
	chalk.level = chalkLevel;
});

const width = 100;
const failed = makeEvent(1, {name: 'CreateBucket', errorCode: 'AccessDenied'});
const fresh = makeEvent(2, {name: 'RunInstances'});
const plain = makeEvent(3, {name: 'CreateUser'});

function table(focused = true): ReactElement {
	return (
		<EventsTable
			rows={[
				{event: failed, index: 0, selected: false, isNew: false},
				{event: fresh, index: 1, selected: false, isNew: true},
				{event: plain, index: 2, selected: true, isNew: false},
			]}
			tail={false}
			table={screenEventTable([failed, fresh, plain], {utc: true, width}).table}
			focused={focused}
		/>
	);
}

async function frame(tree: ReactElement, color: boolean): Promise<string> {
	const rendered = await renderInk(<ColorProvider value={color}>{tree}</ColorProvider>, {columns: width});
	const text = rendered.frame();
	await act(async () => {
		rendered.unmount();
	});
	return text;
}

function lineWith(text: string, needle: string): string {
	const line = text.split('\n').find(candidate => candidate.includes(needle));
	if (line === undefined) {
		throw new Error(`no line with ${needle} in:\n${text}`);
	}

	return line;
}

describe('without colour', () => {
	it('the events table writes no colour codes', async () => {
		expect(colorCodes(await frame(table(), false))).toEqual([]);
	});

	it('a failed event is bold, the cursor row inverse and a new row marked', async () => {
		const text = await frame(table(), false);
		expect(lineWith(text, 'CreateBucket')).toContain(attributes.bold);
		expect(lineWith(text, 'CreateUser')).toContain(attributes.inverse);
		expect(lineWith(text, 'CreateUser')).not.toContain(attributes.bold);
		expect(lineWith(text, 'RunInstances')).toMatch(/^\S*• /);
		expect(lineWith(text, 'RunInstances')).not.toContain(attributes.bold);
	});

	it('the cursor row stays inverse when the table does not have focus', async () => {
		const line = lineWith(await frame(table(false), false), 'CreateUser');
		expect(line).toContain(attributes.inverse);
		expect(line).toContain(attributes.dim);
	});

	it('a trail that is not logging is bold, and its delivery error too', async () => {
		const lines = trailLines([makeTrail({isLogging: false, latestDeliveryError: 'AccessDenied'})], {utc: true, now: new Date(), compact: true});
		const text = await frame(<SegmentLine segments={lines[0]!} width={width} />, false);
		expect(colorCodes(text)).toEqual([]);
		expect(text).toMatch(new RegExp(`${escape(attributes.bold)}logging OFF`));
		expect(text).toMatch(new RegExp(`${escape(attributes.bold)}delivery error: AccessDenied`));
	});

	it('an error box is marked ✗ and bold', async () => {
		const text = await frame(<ErrorBox error={{message: 'Access denied', hint: 'Check the policy'}} action={safe`Press r to retry.`} />, false);
		expect(colorCodes(text)).toEqual([]);
		expect(lineWith(text, 'Access denied')).toContain(`${attributes.bold}✗ Access denied`);
	});
});

describe('with colour', () => {
	it('a failed event is red and a new one green, not bold', async () => {
		const text = await frame(table(), true);
		expect(colorCodes(lineWith(text, 'CreateBucket'))).toContain('31');
		expect(lineWith(text, 'CreateBucket')).not.toContain(attributes.bold);
		expect(colorCodes(lineWith(text, 'RunInstances'))).toContain('32');
	});
});

function escape(text: string): string {
	return text.replaceAll(/[[\]\\^$.|?*+()]/g, String.raw`\$&`);
}
