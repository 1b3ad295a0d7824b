import {describe, expect, it} from 'vitest';
import {REDACTED, redactRecord, redactText} from '../../source/domain/redact.js';
import {detailBody, detailSummary} from '../../source/lib/events-detail.js';
import {jsonLinesToText} from '../helpers/json-lines.js';
import {eventToCsvRow, eventToJson} from '../../source/output/formats.js';
import {makeEvent} from '../helpers/fakes.js';

// What an AssumeRole record really carries in responseElements.
const assumeRole = {
	eventName: 'AssumeRole',
	userIdentity: {type: 'IAMUser', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', userName: 'alice'},
	responseElements: {
		credentials: {accessKeyId: 'ASIAQWERTYUIOPASDFGH', sessionToken: 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ', expiration: 'Nov 24, 2026'},
	},
};

describe('redaction of keys and tokens', () => {
	it('masks key ids and replaces session tokens anywhere in a record', () => {
		const out = JSON.stringify(redactRecord(assumeRole));
		expect(out).not.toContain('AKIAIOSFODNN7EXAMPLE');
		expect(out).not.toContain('ASIAQWERTYUIOPASDFGH');
		expect(out).not.toContain('IQoJb3JpZ2luX2Vj');
		expect(out).toContain('AKIA…MPLE');
		expect(out).toContain('ASIA…DFGH');
		expect(out).toContain(REDACTED);
		expect(out).toContain('Nov 24, 2026');
	});

	it('does the same in text that is not valid JSON', () => {
		const broken = `${JSON.stringify(assumeRole).slice(0, -3)},,,`;
		const out = redactText(broken);
		expect(out).not.toContain('IQoJb3JpZ2luX2Vj');
		expect(out).not.toContain('ASIAQWERTYUIOPASDFGH');
		expect(out).toContain('ASIA…DFGH');
	});

	// Found by test/fuzz: the patterns wanted a closing quote, so a record cut short inside a token
	// or a key id showed the start of it in the detail view's raw text.
	it('redacts a token or key id that a cut-short record leaves unterminated', () => {
		const record = JSON.stringify(assumeRole);
		const inToken = record.slice(0, record.indexOf('IQoJb3JpZ2luX2Vj') + 20);
		const inKeyId = record.slice(0, record.indexOf('ASIAQWERTYUIOPASDFGH') + 18);
		const escaped = `{"password":"abc\\"def\\`;
		for (const [text, leak] of [[inToken, 'IQoJb3JpZ2luX2Vj'], [inKeyId, 'ASIAQWERTYUIOPASDF'], [escaped, 'def']] as const) {
			expect(redactText(text)).not.toContain(leak);
			const body = detailBody(makeEvent(1, {raw: text}));
			expect(body.kind).toBe('raw');
			expect(body.lines.join('\n')).not.toContain(leak);
		}

		expect(redactText(inToken)).toMatch(/"sessionToken":"\(redacted\)"$/);
		expect(redactText(inKeyId)).toMatch(/"accessKeyId":"ASIA…ASDF"$/);
	});

	it('reaches the detail view, its summary and every script output', () => {
		const event = makeEvent(1, {raw: JSON.stringify(assumeRole), accessKeyId: 'AKIAIOSFODNN7EXAMPLE'});
		const body = detailBody(event);
		expect(body.kind).toBe('json');
		const shown = body.kind === 'json' ? jsonLinesToText(body.lines) : '';
		const summary = detailSummary(event)
			.map(row => row.value)
			.join('\n');
		const json = JSON.stringify(eventToJson(event));
		const csv = eventToCsvRow(event);
		for (const text of [shown, summary, json, csv]) {
			expect(text).not.toContain('AKIAIOSFODNN7EXAMPLE');
			expect(text).not.toContain('IQoJb3JpZ2luX2Vj');
		}

		expect(summary).toContain('AKIA…MPLE');
	});

	// Found by test/fuzz: the copy was built by assignment, so a `__proto__` key became the copy's
	// prototype: the field vanished from every output and its contents passed for record fields.
	it('keeps a __proto__ key as an ordinary field, shown and not inherited', () => {
		const raw = '{"requestParameters":{"tags":{"__proto__":"hidden-tag"}},"__proto__":{"userIdentity":{"userName":"spoofed"}}}';
		const event = makeEvent(1, {raw, username: undefined});
		const json = JSON.stringify(eventToJson(event).record);
		expect(json).toContain('"__proto__":"hidden-tag"');
		expect(json).toContain('"__proto__":{"userIdentity":{"userName":"spoofed"}}');
		const body = detailBody(event);
		expect(body.kind === 'json' ? jsonLinesToText(body.lines) : '').toContain('"__proto__": "hidden-tag"');
		expect(detailSummary(event)[0]?.value).toBe('(no username)');
	});
});
