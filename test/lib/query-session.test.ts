import {expect, test} from 'vitest';
import {canGoBack, initialQuerySession, querySessionReducer} from '../../source/lib/query-session.js';

const now = new Date(Date.UTC(2026, 10, 30, 12, 0, 0));
const later = new Date(Date.UTC(2026, 10, 30, 12, 5, 0));

test('a new text is a new query; the same text again changes nothing', () => {
	const start = initialQuerySession({now});
	const set = querySessionReducer(start, {type: 'set', text: ' user:alice ', now: later});
	expect(set.text).toBe('user:alice');
	expect(set.query).toBe(start.query + 1);
	expect(set.startedAt).toBe(later);
	expect(querySessionReducer(set, {type: 'set', text: 'user:alice', now})).toBe(set);
});

test('an edit applies to the text as of every earlier action (two pivots in one chunk keep both)', () => {
	const start = initialQuerySession({now});
	const add = (term: string) => (current: string) => `${current} ${term}`;
	const state = [add('user:alice'), add('event:PutObject')].reduce((previous, edit) => querySessionReducer(previous, {type: 'set', text: edit, now}), start);
	expect(state.text).toBe('user:alice event:PutObject');
});

test('back undoes changes one at a time, then has nothing left', () => {
	let state = initialQuerySession({now});
	state = querySessionReducer(state, {type: 'set', text: 'user:alice', now});
	state = querySessionReducer(state, {type: 'set', text: 'user:alice ip:10.0.0.1', now});
	state = querySessionReducer(state, {type: 'back', now});
	expect(state.text).toBe('user:alice');
	state = querySessionReducer(state, {type: 'back', now});
	expect(state.text).toBe('');
	expect(canGoBack(state)).toBe(false);
	expect(querySessionReducer(state, {type: 'back', now})).toBe(state);
});

test('write-only toggles as a new query; refresh keeps the query and moves its window', () => {
	const start = initialQuerySession({text: 'user:alice', now});
	const all = querySessionReducer(start, {type: 'toggleWriteOnly', now});
	expect(all.writeOnly).toBe(false);
	expect(all.query).toBe(start.query + 1);
	const refreshed = querySessionReducer(all, {type: 'refresh', now: later});
	expect(refreshed.query).toBe(all.query);
	expect(refreshed.startedAt).toBe(later);
});
