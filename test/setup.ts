// Shared test setup: React's act() environment, and a harness that fails any test that makes
// React warn about updates outside act() (as gemini-cli's does), so async UI bugs cannot hide.
import {afterEach, beforeEach} from 'vitest';

(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;

let actWarnings: string[] = [];
const originalError = console.error;

beforeEach(() => {
	actWarnings = [];
	console.error = (...args: unknown[]) => {
		const text = args.map(String).join(' ');
		if (text.includes('not wrapped in act(') || text.includes('act(...)')) {
			actWarnings.push(text);
			return;
		}

		originalError(...args);
	};
});

afterEach(() => {
	console.error = originalError;
	if (actWarnings.length > 0) {
		throw new Error(`React act() warnings:\n${actWarnings.join('\n')}`);
	}
});
