// Plain-language sentences on the records they will really meet: the emulator's generated history
// (the demo), records with fields missing, and records written by someone hostile.
import {describe, expect, it} from 'vitest';
import {eventColumn, csvPreset, screenPreset, scriptTable} from '../../source/domain/event-columns.js';
import {describedEvents, plainEventName, plainSentence, plainSummary} from '../../source/domain/plain-language.js';
import {EventStore} from '../../source/emulator/event-store.js';
import type {TrailEvent} from '../../source/domain/types.js';
import {makeEvent} from '../helpers/fakes.js';
import {storedToTrailEvent} from '../helpers/investigation-fixtures.js';
import {recorded} from '../helpers/records.js';

type Rec = {
	userIdentity?: {type?: string};
	requestParameters?: Record<string, unknown> | null;
	responseElements?: {securityGroupRuleSet?: {items: Array<{fromPort: number; groupId: string}>}; accessKey?: {accessKeyId: string}} | null;
	additionalEventData?: Record<string, string>;
	sourceIPAddress?: string;
};

const demo = ['us-east-1', 'eu-west-1'].flatMap(region => new EventStore(42, new Date('2026-11-30T12:00:00Z'), 6000).events('111111111111', region)).map(stored => storedToTrailEvent(stored));
const recordOf = (event: TrailEvent) => JSON.parse(event.raw!) as Rec;

function first(name: string, test: (event: TrailEvent, record: Rec) => boolean = () => true): [TrailEvent, Rec] {
	const event = demo.find(candidate => candidate.name === name && test(candidate, recordOf(candidate)));
	if (!event) {
		throw new Error(`no ${name} in the demo data`);
	}

	return [event, recordOf(event)];
}

const ok = (event: TrailEvent) => event.errorCode === undefined;

describe('sentences for the demo data', () => {
	it('every generated write event with a phrase reads as a sentence, not the fallback', () => {
		const named = new Set(describedEvents());
		const writes = demo.filter(event => event.readOnly === false && named.has(plainEventName(event.name)));
		expect(new Set(writes.map(event => event.name)).size).toBeGreaterThan(30);
		for (const event of writes) {
			const sentence = plainSentence(event);
			expect(sentence).not.toContain(' · ');
			expect(sentence.startsWith(`${event.username ?? 'someone'} `)).toBe(true);
			expect(sentence.includes(' tried to ')).toBe(event.errorCode !== undefined || event.errorMessage !== undefined);
		}
	});

	it('AttachRolePolicy names the policy and role the record names', () => {
		const [event, record] = first('AttachRolePolicy', ok);
		const policy = String(record.requestParameters!['policyArn']).split('/').at(-1);
		expect(plainSentence(event)).toBe(`${event.username!} attached policy ${policy!} to role ${String(record.requestParameters!['roleName'])}`);
	});

	it('ConsoleLogin without MFA says so, with where from', () => {
		const [event, record] = first('ConsoleLogin', (candidate, rec) => ok(candidate) && rec.additionalEventData?.['MFAUsed'] === 'No');
		expect(plainSentence(event)).toBe(`${event.username!} logged in to the console without MFA from ${record.sourceIPAddress!}`);
	});

	it('AuthorizeSecurityGroupIngress to the internet names the port and group', () => {
		const [event, record] = first('AuthorizeSecurityGroupIngress', (candidate, rec) => ok(candidate) && JSON.stringify(rec.requestParameters).includes('0.0.0.0/0'));
		const rule = record.responseElements!.securityGroupRuleSet!.items[0]!;
		expect(plainSentence(event)).toBe(`${event.username!} opened port ${rule.fromPort} to 0.0.0.0/0 on ${rule.groupId}`);
	});

	it('CreateAccessKey shows the new key masked and never the secret', () => {
		const [event, record] = first('CreateAccessKey', ok);
		const id = record.responseElements!.accessKey!.accessKeyId;
		expect(plainSentence(event)).toBe(`${event.username!} created access key ${id.slice(0, 4)}…${id.slice(-4)} for user ${String(record.requestParameters!['userName'])}`);
		expect(plainSentence(event)).not.toContain(id);
	});
});

describe('missing fields', () => {
	it.each<[string, TrailEvent, string]>([
		['no requestParameters', recorded('CreateUser', {requestParameters: null}), 'alice created a user'],
		['half the parameters', recorded('AttachRolePolicy', {requestParameters: {roleName: 'deploy'}}), 'alice attached a policy to role deploy'],
		['no record at all', makeEvent(0, {name: 'DeleteBucket', username: 'alice', raw: undefined}), 'alice deleted a bucket'],
		['a record that is not JSON', makeEvent(0, {name: 'StopLogging', username: 'alice', raw: '{"eventName": "StopLo'}), 'alice stopped logging on a trail'],
		['values of the wrong type', recorded('CreateUser', {requestParameters: {userName: {nested: true}}}), 'alice created a user'],
		['no MFA field, no source IP', recorded('ConsoleLogin', {sourceIPAddress: undefined, responseElements: {ConsoleLogin: 'Success'}}), 'alice logged in to the console'],
		['a failed sign-in with no message', recorded('ConsoleLogin', {sourceIPAddress: undefined, responseElements: {ConsoleLogin: 'Failure'}}), 'alice tried to log in to the console (failed)'],
		['an empty instance list', recorded('TerminateInstances', {requestParameters: {instancesSet: {}}}), 'alice terminated an instance'],
		['a security group call without rules', recorded('AuthorizeSecurityGroupIngress', {requestParameters: {groupId: 'sg-1', ipPermissions: {}}}), 'alice added inbound rules to sg-1'],
		['no user and no record', makeEvent(0, {name: 'PutBucketTagging', username: undefined, resources: [], raw: undefined}), 'someone · PutBucketTagging'],
	])('%s', (_label, event, sentence) => {
		expect(plainSentence(event)).toBe(sentence);
	});
});

describe('hostile values', () => {
	it('plainSummary escapes control characters and bidi overrides and keeps one line', () => {
		const event = recorded('CreateUser', {requestParameters: {userName: 'bob\u001B]0;pwned\u0007\nroot\u202E'}}, {username: 'eve\u001B[2J'});
		const summary = plainSummary(event);
		expect(summary).toBe('eve\\x1b[2J created user bob\\x1b]0;pwned\\x07 root\\u202e');
		// The plain sentence keeps them for callers that sanitise; the table cell and CSV do.
		expect(plainSentence(event)).toContain('\u001B');
	});

	it('cuts a huge value to a readable length, even inside an ARN', () => {
		const huge = 'x'.repeat(1_000_000);
		const sentence = plainSentence(recorded('AttachRolePolicy', {requestParameters: {roleName: huge, policyArn: `arn:aws:iam::aws:policy/${huge}`}}, {username: huge}));
		expect(sentence.length).toBeLessThan(250);
		expect(sentence).toMatch(/^x{63}… attached policy x{63}… to role x{63}…$/);
		const emoji = plainSentence(recorded('CreateUser', {requestParameters: {userName: '😀'.repeat(100)}}));
		expect(plainSummary(recorded('CreateUser', {requestParameters: {userName: '😀'.repeat(100)}}))).not.toMatch(/\\ud8/);
		expect(emoji).toBe(`alice created user ${'😀'.repeat(63)}…`);
	});

	it('masks access key ids wherever they appear, and never reads a secret', () => {
		const event = recorded('CreateUser', {
			requestParameters: {userName: 'AKIAIOSFODNN7EXAMPLE'},
			responseElements: {credentials: {sessionToken: 'IQoJb3JpZ2luX2VjEJr', secretAccessKey: 'wJalrXUtnFEMI'}},
		});
		expect(plainSentence(event)).toBe('alice created user AKIA…MPLE');
		const keyInError = recorded('GetThing', {}, {errorCode: 'AKIAIOSFODNN7EXAMPLE'});
		expect(plainSentence(keyInError)).toBe('alice · GetThing (AKIA…MPLE)');
	});

	it('does not reach inherited members through __proto__ or constructor', () => {
		const event = makeEvent(0, {name: 'CreateUser', username: 'alice', raw: '{"requestParameters":{"__proto__":{"userName":"mallory"}},"constructor":{"x":1}}'});
		expect(plainSentence(event)).toBe('alice created a user');
	});
});

describe('the "What happened" column', () => {
	it('is in the catalogue, not in any preset', () => {
		const column = eventColumn('summary');
		expect(column.header({utc: true})).toBe('What happened');
		const event = recorded('CreateUser', {requestParameters: {userName: 'bob'}});
		expect(column.cell(event, {utc: true})).toBe('alice created user bob');
		expect(column.value(event)).toBe('alice created user bob');
		for (const preset of [screenPreset({accounts: false, regions: false}), screenPreset({accounts: true, regions: true}), scriptTable]) {
			expect(preset.columns).not.toContain('summary');
		}

		expect(csvPreset).not.toContain('summary');
	});
});
