// The event detail read in full (issue 14): strings holding JSON documents decoded, long lines
// wrapped or scrolled sideways, and text found with / n N, as a person at the keyboard sees it.
import React from 'react';
import chalk from 'chalk';
import {afterAll, beforeAll, describe, expect, test, vi} from 'vitest';
import stringWidth from 'string-width';
import {MainScreen} from '../../source/screens/main-screen.js';
import {fakeService, fakeSession, makeEvent} from '../helpers/fakes.js';
import {keys, renderInk, type Rendered} from '../helpers/ink.js';
import {attributes} from '../helpers/sgr.js';
import {lines, renderMain, widestLine} from './main-harness.js';

// Colour on, so the match highlighting is in the frames (lines() reads them without it).
const chalkLevel = chalk.level;
beforeAll(() => {
	chalk.level = 1;
});
afterAll(() => {
	chalk.level = chalkLevel;
});

const statements = [
	{Sid: 'ReadAssets', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::assets', 'arn:aws:s3:::assets/*']},
	{Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: 'arn:aws:logs:us-east-1:111111111111:log-group:/app/*'},
	{Sid: 'ReadSecrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:app/*'},
	{Sid: 'PassDeployRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111111111111:role/deploy-role'},
	{Sid: 'DenyTrailTampering', Effect: 'Deny', Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail'], Resource: '*'},
];
const policyDocument = JSON.stringify({Version: '2012-10-17', Statement: statements});

function putUserPolicy(overrides: Record<string, unknown> = {}) {
	const record = {
		eventVersion: '1.09',
		userIdentity: {type: 'IAMUser', arn: 'arn:aws:iam::111111111111:user/alice', userName: 'alice'},
		eventSource: 'iam.amazonaws.com',
		eventName: 'PutUserPolicy',
		...overrides,
		requestParameters: {userName: 'ci-deployer', policyName: 'deploy-inline', policyDocument},
		responseElements: null,
	};
	return makeEvent(0, {name: 'PutUserPolicy', source: 'iam.amazonaws.com', raw: JSON.stringify(record)});
}

async function openDetail(event = putUserPolicy(), size = {columns: 120, rows: 30}): Promise<Rendered> {
	const screen = await renderMain(fakeService({pages: [[event]]}), size);
	await screen.waitForFrame('PutUserPolicy');
	await screen.press(keys.enter);
	await screen.waitForFrame('Outcome');
	return screen;
}

/** The frame as a person reads it, without colour codes. */
const text = (frame: string) => lines(frame).join('\n');

/** Presses `key` until the frame satisfies `done`, at most `limit` times; returns that frame. */
async function pressUntil(screen: Rendered, key: string, done: (frame: string) => boolean, limit = 80): Promise<string> {
	for (let press = 0; press < limit && !done(lines(screen.frame()).join('\n')); press++) {
		await screen.press(key);
	}

	return screen.waitForFrame(frame => done(lines(frame).join('\n')), 2000);
}

const lastStatement = [
	'          "Sid": "DenyTrailTampering",',
	'          "Effect": "Deny",',
	'          "Action": [',
	'            "cloudtrail:StopLogging",',
	'            "cloudtrail:DeleteTrail"',
	'          ],',
	'          "Resource": "*"',
].join('\n');

describe('event detail, read in full', () => {
	test('a PutUserPolicy\'s policy document is decoded, and its last statement is reached by scrolling', async () => {
		const screen = await openDetail();
		const first = lines(await screen.waitForFrame('(decoded from a JSON string)')).join('\n');
		expect(first).toContain('    "policyDocument": {  (decoded from a JSON string)');
		expect(first).not.toContain('DenyTrailTampering');
		const seen: string[] = [];
		const end = await pressUntil(screen, 'j', frame => {
			seen.push(frame);
			return frame.includes(lastStatement);
		});
		expect(lines(end).join('\n')).toContain(lastStatement);
		// Decoded all the way: no escaped quotes, and nothing past the screen's edge.
		for (const frame of seen) {
			expect(frame).not.toContain('\\"');
		}

		expect(widestLine(end)).toBeLessThanOrEqual(120);
	});

	test('d shows the policy as the raw string that was sent, wrapped so all of it can be read; d again decodes it', async () => {
		const screen = await openDetail();
		await screen.waitForFrame('d raw');
		await screen.press('d');
		const raw = lines(await screen.waitForFrame('JSON strings shown raw')).join('\n');
		expect(raw).toContain('    "policyDocument": "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Sid\\":\\"ReadAssets\\"');
		expect(raw).not.toContain('(decoded from a JSON string)');
		expect(raw).toContain('d decoded');
		// The string's end is on a continuation row, reached by scrolling.
		await pressUntil(screen, 'j', frame => frame.includes('\\"Resource\\":\\"*\\"}]}"'));
		await screen.press('d');
		await screen.waitForFrame(frame => lines(frame).join('\n').includes('d raw') && !frame.includes('JSON strings shown raw'));
		await screen.press('g');
		await screen.waitForFrame('(decoded from a JSON string)');
	});

	test('long lines wrap at the screen width; W scrolls them sideways instead, with ← and →', async () => {
		const message = `BEGIN ${'is not authorized to perform this operation '.repeat(8)}THE-END`;
		// Wide enough for the footer to show every hint of the detail.
		const screen = await openDetail(putUserPolicy({errorMessage: message}), {columns: 140, rows: 30});
		let frame = await screen.waitForFrame('THE-END');
		expect(lines(frame).join('\n')).toContain('  "errorMessage": "BEGIN is not');
		expect(widestLine(frame)).toBeLessThanOrEqual(140);

		await screen.press('W');
		frame = await screen.waitForFrame(candidate => lines(candidate).join('\n').includes('W wrap'));
		expect(frame).not.toContain('THE-END');
		expect(lines(frame).join('\n')).toContain('← → sideways');
		frame = await pressUntil(screen, keys.right, candidate => candidate.includes('THE-END'), 20);
		expect(lines(frame).join('\n')).toMatch(/from column \d+/);
		expect(frame).not.toContain('BEGIN');
		expect(widestLine(frame)).toBeLessThanOrEqual(140);
		await pressUntil(screen, keys.left, candidate => candidate.includes('"errorMessage": "BEGIN'), 20);

		await screen.press('W');
		frame = await screen.waitForFrame('THE-END');
		expect(frame).toContain('BEGIN');
	});

	test('CJK and emoji wrap within the width, whole', async () => {
		const message = '東京都千代田区👩‍👩‍👧🇯🇵の権限がありません。'.repeat(12);
		const screen = await openDetail(putUserPolicy({errorMessage: message}), {columns: 61, rows: 30});
		const frame = await screen.waitForFrame('"errorMessage"');
		expect(widestLine(frame)).toBeLessThanOrEqual(61);
		const rows = lines(frame).filter(line => line.includes('東京') || line.includes('権限'));
		expect(rows.length).toBeGreaterThan(3);
		// Every character of the message is on screen once, in order.
		const shown = rows.map(row => row.trim()).join('').replace(/^"errorMessage": "/, '').replace(/",?$/, '');
		expect(shown).toBe(message);
		expect(Math.max(...rows.map(row => stringWidth(row)))).toBeGreaterThan(55);
	});

	test('/ finds text; n and N go to the next and previous match, round the ends, scrolling to each', async () => {
		const items = Array.from({length: 120}, (_, index) => ({index, note: [5, 60, 110].includes(index) ? `needle-${index}` : `hay-${index}`}));
		const screen = await openDetail(putUserPolicy({items}), {columns: 100, rows: 30});
		await screen.press('/');
		await screen.waitForFrame('Find: ');
		for (const char of 'needle') {
			await screen.press(char);
		}

		await screen.press(keys.enter);
		let frame = await screen.waitForFrame('match 1 of 3');
		expect(text(frame)).toContain('"needle-5"');
		expect(lines(frame).join('\n')).toContain('n N matches');
		// The current match is drawn inverse, the others are not on screen yet.
		expect(frame.split('\n').find(line => line.includes('needle'))).toContain(attributes.inverse);

		await screen.press('n');
		frame = await screen.waitForFrame('match 2 of 3');
		expect(text(frame)).toContain('"needle-60"');
		expect(text(frame)).not.toContain('"needle-5"');
		await screen.press('n');
		frame = await screen.waitForFrame('match 3 of 3');
		expect(text(frame)).toContain('"needle-110"');
		await screen.press('n');
		frame = await screen.waitForFrame('match 1 of 3');
		expect(text(frame)).toContain('"needle-5"');
		await screen.press('N');
		frame = await screen.waitForFrame('match 3 of 3');
		expect(text(frame)).toContain('"needle-110"');

		await screen.press('/');
		await screen.waitForFrame('Find: ');
		await screen.press('zzz');
		await screen.press(keys.enter);
		frame = await screen.waitForFrame('no match');
		expect(lines(frame).join('\n')).not.toContain('n N matches');
	});

	test('matches on screen are all marked, the current one apart from the rest', async () => {
		const screen = await openDetail(putUserPolicy({a: 'Allow here', b: 'Allow there'}), {columns: 120, rows: 40});
		await screen.press('/');
		await screen.press('Allow');
		await screen.press(keys.enter);
		const frame = await screen.waitForFrame('match 1 of 6');
		const marked = frame.split('\n').filter(line => line.includes('Allow'));
		expect(marked.filter(line => line.includes(attributes.inverse))).toHaveLength(1);
		expect(marked.filter(line => !line.includes(attributes.inverse)).every(line => line.includes(attributes.underline))).toBe(true);
	});

	test('while the find line is open its letters are text, and the app is told the keyboard is taken', async () => {
		const onTyping = vi.fn();
		const service = fakeService({pages: [[putUserPolicy()]]});
		const screen = await renderInk(<MainScreen session={fakeSession(service)} region="us-east-1" isActive globalSpecs={[]} onTyping={onTyping} />, {columns: 120, rows: 30});
		await screen.waitForFrame('PutUserPolicy');
		await screen.press(keys.enter);
		await screen.waitForFrame('Outcome');
		await screen.press('/');
		await screen.waitForFrame('Find: ');
		expect(onTyping).toHaveBeenLastCalledWith(true);
		for (const char of 'fjqdW') {
			await screen.press(char);
		}

		const frame = await screen.waitForFrame(candidate => text(candidate).includes('Find: fjqdW'));
		// f did not pivot, j did not scroll, d did not show the raw string.
		expect(frame).toContain('(decoded from a JSON string)');
		expect(frame).not.toContain('narrow the query');
		await screen.press(keys.escape);
		await screen.waitForFrame(candidate => !candidate.includes('Find: '));
		expect(onTyping).toHaveBeenLastCalledWith(false);
		expect(screen.frame()).toContain('Event PutUserPolicy');
	});
});
