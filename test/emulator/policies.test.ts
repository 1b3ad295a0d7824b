// The emulator's PutUserPolicy records carry a policy as CloudTrail does: a string holding a
// multi-statement document, pretty-printed, compact or URL-encoded, that the detail view decodes.
import {describe, expect, it} from 'vitest';
import {EventStore} from '../../source/emulator/event-store.js';
import {lastStatement} from '../../source/emulator/policies.js';
import {decodeEmbedded} from '../../source/lib/embedded-json.js';
import {fixedNow} from './helpers.js';

describe('PutUserPolicy records', () => {
	const store = new EventStore(42, fixedNow, 3000);
	const records = store
		.events('111111111111', 'us-east-1')
		.filter(event => event.name === 'PutUserPolicy')
		.map(event => JSON.parse(event.cloudTrailEvent()) as {errorCode?: string; requestParameters: {userName: string; policyName: string; policyDocument: unknown}});

	it('hold the policy document as a string with several statements, ending with the same one', () => {
		expect(records.length).toBeGreaterThan(3);
		for (const record of records) {
			const {policyDocument, userName, policyName} = record.requestParameters;
			expect(typeof policyDocument).toBe('string');
			expect(userName).not.toBe('');
			expect(policyName).not.toBe('');
			const decoded = decodeEmbedded(policyDocument as string);
			const document = decoded?.value as {Version: string; Statement: Array<{Sid: string}>};
			expect(document.Version).toBe('2012-10-17');
			expect(document.Statement.length).toBeGreaterThanOrEqual(3);
			expect(document.Statement.at(-1)).toEqual(lastStatement);
		}
	});

	it('come pretty-printed, compact and URL-encoded', () => {
		const documents = records.map(record => record.requestParameters.policyDocument as string);
		expect(documents.some(text => text.startsWith('{\n    "Version"'))).toBe(true);
		expect(documents.some(text => text.startsWith('{"Version"'))).toBe(true);
		expect(documents.some(text => text.startsWith('%7B%0A'))).toBe(true);
		expect(documents.filter(text => decodeEmbedded(text)?.encoding === 'url').length).toBeGreaterThan(0);
	});
});
