import {describe, expect, it} from 'vitest';
import {
	type AppAction,
	type AppState,
	appReducer,
	headerSession,
	initialAppState,
	toShownError,
} from '../../source/context/app-reducer.js';
import {type ProfileEntry, TrailviewError} from '../../source/domain/types.js';
import {fakeService, fakeSession} from '../helpers/fakes.js';

const dev: ProfileEntry = {name: 'dev', kind: 'static', detail: 'static keys', region: 'us-east-1'};
const prod: ProfileEntry = {name: 'prod', kind: 'sso', detail: 'SSO · corp', region: 'eu-west-1', ssoSession: 'corp'};
const devSession = fakeSession(fakeService(), {profile: dev});
const prodSession = fakeSession(fakeService(), {profile: prod});

const run = (state: AppState, ...actions: AppAction[]) => actions.reduce(appReducer, state);
const loaded = (options: Parameters<typeof initialAppState>[0] = {}) =>
	run(initialAppState(options), {type: 'profilesLoaded', entries: [dev, prod]});

describe('appReducer', () => {
	it('walks profile -> connect -> region -> main', () => {
		let state = run(loaded(), {type: 'connectStarted', profile: prod, attempt: 1});
		expect(state.connect).toMatchObject({status: 'connecting', profile: prod});
		state = run(state, {type: 'connected', attempt: 1, session: prodSession, region: 'eu-west-1'});
		expect(state.screen).toBe('regions');
		expect(headerSession(state)).toBe(prodSession);
		state = run(state, {type: 'regionChosen', region: 'ap-southeast-2'});
		expect(state.screen).toBe('main');
		expect(state.active).toMatchObject({session: prodSession, region: 'ap-southeast-2', mainKey: 1});
		expect(state.pending).toBeUndefined();
	});

	it('starting the connect the state already shows (the first frame of --profile with --region) changes nothing', () => {
		const shown = run(loaded(), {type: 'connectStarted', profile: prod, attempt: 1});
		expect(run(shown, {type: 'connectStarted', profile: prod, attempt: 1})).toBe(shown);
		expect(run(shown, {type: 'connectStarted', profile: prod, attempt: 2})).not.toBe(shown);
	});

	it('ignores an answer for an attempt that was cancelled or replaced', () => {
		const cancelled = run(loaded(), {type: 'connectStarted', profile: prod, attempt: 1}, {type: 'connectCancelled'});
		expect(run(cancelled, {type: 'connected', attempt: 1, session: prodSession, region: 'eu-west-1'})).toBe(cancelled);
		expect(run(cancelled, {type: 'connectFailed', attempt: 1, error: {message: 'x', hint: undefined}})).toBe(cancelled);

		const replaced = run(loaded(), {type: 'connectStarted', profile: prod, attempt: 1}, {type: 'connectStarted', profile: dev, attempt: 2});
		expect(run(replaced, {type: 'connected', attempt: 1, session: prodSession, region: 'eu-west-1'})).toBe(replaced);
	});

	it('a failure stays on the picker with the error, and the next pick clears it', () => {
		let state = run(loaded(), {type: 'connectStarted', profile: prod, attempt: 1});
		state = run(state, {type: 'connectFailed', attempt: 1, error: {message: 'Token expired', hint: 'Run `aws sso login --profile prod`'}});
		expect(state.screen).toBe('profiles');
		expect(state.connect.status).toBe('idle');
		expect(state.profileError?.hint).toContain('aws sso login');
		state = run(state, {type: 'connectStarted', profile: dev, attempt: 2});
		expect(state.profileError).toBeUndefined();
	});

	it('reports an unknown initial profile and does not auto-connect', () => {
		const state = loaded({initialProfile: 'prdo', skipPickers: true});
		expect(state.profileError?.message).toBe("Profile 'prdo' not found in ~/.aws/config or ~/.aws/credentials");
		expect(state.autoConnect).toBe(false);
	});

	it('skipPickers goes from the first connect straight to main, once', () => {
		let state = run(loaded({initialProfile: 'prod', skipPickers: true}), {type: 'connectStarted', profile: prod, attempt: 1});
		state = run(state, {type: 'connected', attempt: 1, session: prodSession, region: 'eu-west-1'});
		expect(state.screen).toBe('main');
		expect(state.active?.region).toBe('eu-west-1');
		state = run(state, {type: 'openProfiles'}, {type: 'connectStarted', profile: dev, attempt: 2}, {type: 'connected', attempt: 2, session: devSession, region: 'us-east-1'});
		expect(state.screen).toBe('regions');
	});

	it('Esc on the region picker goes back to the profiles in the first flow, to main after R', () => {
		const first = run(loaded(), {type: 'connectStarted', profile: prod, attempt: 1}, {type: 'connected', attempt: 1, session: prodSession, region: 'eu-west-1'});
		const back = run(first, {type: 'regionBack'});
		expect(back.screen).toBe('profiles');
		expect(headerSession(back)).toBeUndefined();

		const main = run(first, {type: 'regionChosen', region: 'eu-west-1'});
		const reopened = run(main, {type: 'openRegions'});
		expect(reopened.screen).toBe('regions');
		expect(run(reopened, {type: 'regionBack'}).screen).toBe('main');
	});

	it('Esc on the first profile picker stays; on a reopened one it returns to main', () => {
		const first = loaded();
		expect(run(first, {type: 'profilesBack'})).toBe(first);
		const main = run(first, {type: 'connectStarted', profile: prod, attempt: 1}, {type: 'connected', attempt: 1, session: prodSession, region: 'eu-west-1'}, {type: 'regionChosen', region: 'eu-west-1'});
		const reopened = run(main, {type: 'openProfiles'});
		expect(reopened.preferredProfile).toBe('prod');
		expect(run(reopened, {type: 'profilesBack'}).screen).toBe('main');
	});

	it('a new session or region gets a new main key; choosing the same again keeps it', () => {
		const main = run(loaded(), {type: 'connectStarted', profile: prod, attempt: 1}, {type: 'connected', attempt: 1, session: prodSession, region: 'eu-west-1'}, {type: 'regionChosen', region: 'eu-west-1'});
		const same = run(main, {type: 'openRegions'}, {type: 'regionChosen', region: 'eu-west-1'});
		expect(same.active?.mainKey).toBe(main.active?.mainKey);
		const moved = run(main, {type: 'openRegions'}, {type: 'regionChosen', region: 'us-east-1'});
		expect(moved.active?.mainKey).not.toBe(main.active?.mainKey);
		const switched = run(moved, {type: 'openProfiles'}, {type: 'connectStarted', profile: dev, attempt: 2}, {type: 'connected', attempt: 2, session: devSession, region: 'us-east-1'}, {type: 'regionChosen', region: 'us-east-1'});
		expect(switched.active?.session).toBe(devSession);
		expect(new Set([main, moved, switched].map(state => state.active?.mainKey)).size).toBe(3);
	});

	it('toShownError keeps message and hint of a TrailviewError and copes with anything else', () => {
		expect(toShownError(new TrailviewError('expired-credentials', 'Token expired', {hint: 'Run `aws sso login`'}))).toEqual({message: 'Token expired', hint: 'Run `aws sso login`'});
		expect(toShownError(new Error('boom'))).toEqual({message: 'boom', hint: undefined});
		expect(toShownError('weird')).toEqual({message: 'weird', hint: undefined});
	});
});
