// The header's expiry line: time left on temporary credentials, and the SSO login key only where
// the screen beneath handles it (the main screen), never on a picker where L is filter text.
import React, {act} from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {Header} from '../../source/components/header.js';
import {renderInk} from '../helpers/ink.js';
import {fakeService, fakeSession} from '../helpers/fakes.js';

afterEach(async () => {
	await act(async () => {
		cleanup();
	});
});

const ssoSession = () =>
	fakeSession(fakeService(), {
		profile: {name: 'prod', kind: 'sso', detail: 'SSO · corp', region: 'us-east-1', ssoSession: 'corp'},
		maskedAccessKeyId: 'ASIA…MPLE',
		// Ninety seconds left: under the two-minute mark, when logging in again is offered.
		expiration: new Date(Date.now() + 90_000),
	});

describe('Header', () => {
	it('offers L to log in again on a screen that handles it, as an SSO session runs out', async () => {
		const ui = await renderInk(<Header session={ssoSession()} region="us-east-1" offerLogin />, {columns: 160});
		const frame = await ui.waitForFrame('expires in');
		expect(frame).toContain('L to log in again');
	});

	it('does not offer it where L does nothing', async () => {
		const ui = await renderInk(<Header session={ssoSession()} region="us-east-1" />, {columns: 160});
		const frame = await ui.waitForFrame('expires in');
		expect(frame).not.toContain('log in again');
	});
});
