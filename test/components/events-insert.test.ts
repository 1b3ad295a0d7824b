// Follow mode's insertions into the events table: at their time, marked new, the rows on screen and
// the cursor's event staying put.
import {describe, expect, test} from 'vitest';
import {eventsReducer, initialEventsState, type EventsState} from '../../source/lib/events-state.js';
import {newAbove} from '../../source/lib/events-insert.js';
import {selectedEvent} from '../../source/lib/events-view.js';
import {makeEvent} from '../helpers/fakes.js';

const now = new Date(Date.UTC(2026, 10, 24, 12, 30, 0));

/** 20 events a minute apart (evt-00010 … evt-00029), the cursor moved `down` rows, 5 rows on screen. */
function loaded(down = 0): EventsState {
	let state = eventsReducer(initialEventsState(5), {type: 'page', events: Array.from({length: 20}, (_, index) => makeEvent(index + 10)), first: true, now});
	for (let step = 0; step < down; step++) {
		state = eventsReducer(state, {type: 'move', move: 'down'});
	}

	return state;
}

describe('follow inserts', () => {
	test('a new event goes to the top, is marked new, and the cursor stays on its event', () => {
		const before = loaded(2);
		const cursorEvent = selectedEvent(before);
		const after = eventsReducer(before, {type: 'insert', events: [makeEvent(0)], now});
		expect(after.events[0]!.id).toBe('evt-00000');
		expect(after.newIds.has('evt-00000')).toBe(true);
		expect(selectedEvent(after)).toBe(cursorEvent);
		// At the top of the table the new row shows: the window stays at the top.
		expect(after.top).toBe(0);
	});

	test('a late event lands at its time, not at the top', () => {
		// evt-00015-late is as old as the sixth row: it arrived late.
		const late = makeEvent(15, {id: 'late'});
		const after = eventsReducer(loaded(), {type: 'insert', events: [late], now});
		expect(after.events.findIndex(event => event.id === 'late')).toBe(5);
		expect(after.events.map(event => event.time.getTime())).toEqual([...after.events.map(event => event.time.getTime())].sort((a, b) => b - a));
	});

	test('scrolled down, the rows on screen keep their place and the new ones are counted above', () => {
		let state = loaded(12);
		const firstOnScreen = state.events[state.top]!.id;
		const cursorEvent = selectedEvent(state);
		state = eventsReducer(state, {type: 'insert', events: [makeEvent(0), makeEvent(1), makeEvent(2)], now});
		expect(state.events[state.top]!.id).toBe(firstOnScreen);
		expect(selectedEvent(state)).toBe(cursorEvent);
		expect(newAbove(state)).toBe(3);
		// g jumps to them.
		state = eventsReducer(state, {type: 'move', move: 'home'});
		expect(newAbove(state)).toBe(0);
		expect(state.events[0]!.id).toBe('evt-00000');
	});

	test('an event already loaded or repeated in the batch goes in once; nothing new changes nothing', () => {
		const before = loaded();
		expect(eventsReducer(before, {type: 'insert', events: [makeEvent(10), makeEvent(11)], now})).toBe(before);
		const after = eventsReducer(before, {type: 'insert', events: [makeEvent(3), makeEvent(3), makeEvent(12)], now});
		expect(after.events).toHaveLength(21);
		expect(after.newIds.size).toBe(1);
	});

	test('into an empty table (nothing matched yet), the new events become the rows', () => {
		const empty = eventsReducer(initialEventsState(5), {type: 'end', now});
		const after = eventsReducer(empty, {type: 'insert', events: [makeEvent(1), makeEvent(0)], now});
		expect(after.events.map(event => event.id)).toEqual(['evt-00000', 'evt-00001']);
		expect(after.cursor).toBe(0);
	});
});
