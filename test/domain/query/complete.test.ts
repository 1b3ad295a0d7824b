import {describe, expect, it} from 'vitest';
import {applyCandidate, applyCompletion, commonPrefix, completeAt, type Completion} from '../../../source/domain/query/complete.js';
import type {FieldName} from '../../../source/domain/query/types.js';

const seen: Partial<Record<FieldName, string[]>> = {
	user: ['bob', 'alice', 'jane doe', 'alice', 'Alan', ''],
	event: ['DeleteBucket', 'DeleteTrail', 'CreateUser'],
	error: ['AccessDenied', 'ThrottlingException'],
};
const valuesFor = (field: FieldName) => seen[field] ?? [];

/** Completes at the `|` in `text`. */
function complete(text: string, named?: string[]): Completion & {typed: string} {
	const cursor = text.indexOf('|');
	const plain = text.replace('|', '');
	const result = completeAt(plain, cursor, valuesFor, named ? {named} : {});
	return {...result, typed: plain.slice(result.start, result.end)};
}

describe('completeAt', () => {
	it('completes field names, keeping a leading -', () => {
		expect(complete('us|')).toMatchObject({typed: 'us', candidates: ['user:']});
		expect(complete('error:any -ev|')).toMatchObject({typed: '-ev', candidates: ['-event:', '-eventType:', '-eventCategory:', '-eventVersion:']});
		expect(complete('si|').candidates).toEqual(['since:']);
		expect(complete('-si|').candidates).toEqual([]);
		expect(complete('x |').candidates.slice(0, 3)).toEqual(['event:', 'user:', 'source:']);
		expect(complete('|').candidates).toContain('until:');
	});

	it('completes values seen in the loaded events: sorted, without repeats, by prefix in any case, quoted when needed', () => {
		expect(complete('user:|')).toMatchObject({typed: 'user:', candidates: ['user:Alan', 'user:alice', 'user:bob', 'user:"jane doe"']});
		expect(complete('user:al|').candidates).toEqual(['user:Alan', 'user:alice']);
		expect(complete('since:1h event:delete|').candidates).toEqual(['event:DeleteBucket', 'event:DeleteTrail']);
		expect(complete('-event:C|').candidates).toEqual(['-event:CreateUser']);
		expect(complete('user:"jane |')).toMatchObject({typed: 'user:"jane ', candidates: ['user:"jane doe"']});
		expect(complete('ip:|').candidates).toEqual([]);
		expect(complete('requestParameters.x:|').candidates).toEqual([]);
	});

	it('offers any first for error', () => {
		expect(complete('error:|').candidates).toEqual(['error:any', 'error:AccessDenied', 'error:ThrottlingException']);
		expect(complete('error:A|').candidates).toEqual(['error:any', 'error:AccessDenied']);
	});

	it('offers the window presets for since and until', () => {
		expect(complete('since:|').candidates).toEqual(['since:15m', 'since:1h', 'since:6h', 'since:24h', 'since:7d', 'since:30d', 'since:90d']);
		expect(complete('until:1|').candidates).toEqual(['until:15m', 'until:1h']);
	});

	it('completes named queries after @', () => {
		expect(complete('@d|', ['no-mfa', 'denied', 'deletes']).candidates).toEqual(['@deletes', '@denied']);
		expect(complete('-@d|', ['denied']).candidates).toEqual([]);
	});

	it('offers nothing inside a term, or for a quoted word', () => {
		expect(complete('us|er:alice').candidates).toEqual([]);
		expect(complete('x |user:alice').candidates).toEqual([]);
		expect(complete('"us|').candidates).toEqual([]);
	});
});

describe('applyCompletion and applyCandidate', () => {
	const tab = (text: string) => {
		const cursor = text.indexOf('|');
		const plain = text.replace('|', '');
		const applied = applyCompletion(plain, completeAt(plain, cursor, valuesFor));
		return `${applied.text.slice(0, applied.cursor)}|${applied.text.slice(applied.cursor)}`;
	};

	it('inserts a single candidate whole: a field name ready for its value, a value followed by a space', () => {
		expect(tab('us|')).toBe('user:|');
		expect(tab('user:b|')).toBe('user:bob |');
		expect(tab('user:b| error:any')).toBe('user:bob| error:any');
		expect(tab('user:"jane|')).toBe('user:"jane doe" |');
	});

	it('inserts the longest common prefix of several', () => {
		expect(tab('event:D|')).toBe('event:Delete|');
		expect(tab('since:1|')).toBe('since:1|');
	});

	it('never shortens what was typed when candidates differ in case', () => {
		expect(tab('user:al|')).toBe('user:al|');
	});

	it('leaves the text alone with no candidates', () => {
		expect(tab('ip:1|')).toBe('ip:1|');
	});

	it('cycles through the candidates in full, wrapping round', () => {
		const text = 'event:Delete';
		const completion = completeAt(text, text.length, valuesFor);
		expect([0, 1, 2, -1].map(index => applyCandidate(text, completion, index).text)).toEqual(['event:DeleteBucket ', 'event:DeleteTrail ', 'event:DeleteBucket ', 'event:DeleteTrail ']);
	});

	it('finds the common prefix', () => {
		expect(commonPrefix(['abc', 'abd', 'ab'])).toBe('ab');
		expect(commonPrefix([])).toBe('');
		expect(commonPrefix(['x'])).toBe('x');
	});
});
