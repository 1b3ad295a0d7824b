// The detail's raw view (d) shows JSON strings as sent, except that a secret inside one never
// shows: the same redaction the decoded view applies.
import {expect, test} from 'vitest';
import {detailBody, redactEmbeddedStrings} from '../../source/lib/events-detail.js';
import {makeEvent} from '../helpers/fakes.js';

const secret = 'FwoGZXIvYXdzEJr//////////wEaDNotARealTokenButLongEnough';

function text(lines: ReturnType<typeof detailBody>['lines']): string {
	return lines.map(line => (typeof line === 'string' ? line : line.map(token => token.text).join(''))).join('\n');
}

test('a session token inside a JSON string is redacted in the raw view too, plain or URL-encoded', () => {
	const inner = JSON.stringify({Credentials: {sessionToken: secret, accessKeyId: 'ASIAIOSFODNN7EXAMPLE'}, note: 'kept'});
	const raw = JSON.stringify({eventName: 'PutParameter', requestParameters: {value: inner, encoded: encodeURIComponent(inner), plain: '{"Version":"2012-10-17"}'}});
	const event = makeEvent(1, {raw});
	for (const decode of [false, true]) {
		const shown = text(detailBody(event, {decode}).lines);
		expect(shown).not.toContain(secret);
		expect(shown).not.toContain(encodeURIComponent(secret));
		expect(shown).toContain('kept');
	}

	// A string without secrets stays exactly as sent.
	expect(redactEmbeddedStrings({plain: '{"Version":"2012-10-17"}'})).toEqual({plain: '{"Version":"2012-10-17"}'});
});
