import {describe, expect, it} from 'vitest';
import {codeInputReducer, isComplete, maskedCode} from '../../source/components/mfa-prompt/index.js';
import {createMfaBroker} from '../../source/domain/mfa-broker.js';

describe('MFA code field', () => {
	it('takes digits only, six at most, and shows them masked', () => {
		let state = codeInputReducer({code: ''}, {type: 'type', text: '12a 3'});
		expect(state.code).toBe('123');
		expect(maskedCode(state.code)).toBe('•••___');
		expect(isComplete(state)).toBe(false);
		state = codeInputReducer(state, {type: 'type', text: '45678'});
		expect(state.code).toBe('123456');
		expect(isComplete(state)).toBe(true);
		state = codeInputReducer(state, {type: 'backspace'});
		expect(state.code).toBe('12345');
	});
});

describe('MFA broker', () => {
	it('shows one request at a time, in order; cancelling rejects with a message for the picker', async () => {
		const broker = createMfaBroker();
		let changes = 0;
		broker.subscribe(() => changes++);
		const first = broker.ask({profile: 'a', serial: 's1'});
		const second = broker.ask({profile: 'b', serial: 's2'});
		expect(broker.current()).toEqual({profile: 'a', serial: 's1'});
		broker.answer('123456');
		await expect(first).resolves.toBe('123456');
		expect(broker.current()).toEqual({profile: 'b', serial: 's2'});
		broker.cancel();
		await expect(second).rejects.toMatchObject({kind: 'missing-credentials', message: 'No MFA code was entered for profile b.'});
		expect(broker.current()).toBeUndefined();
		expect(changes).toBe(4);
	});
});
