// --profile with --region starts the connect before Ink draws; the UI's own connect must take that
// one over (one identity check, not two), and any other choice must cancel it.
import {describe, expect, it} from 'vitest';
import {withEarlyConnect} from '../../source/services/early-connect.js';
import type {ConnectOptions, ProfileEntry, Session} from '../../source/domain/types.js';
import {deferred, fakeBackend, fakeService, fakeSession} from '../helpers/fakes.js';

const prod: ProfileEntry = {name: 'prod', kind: 'sso', detail: 'SSO · corp · 111111111111 / Admin', region: 'eu-west-1', ssoSession: 'corp'};

function setup() {
	const answer = deferred<Session>();
	const signals: AbortSignal[] = [];
	const base = fakeBackend({
		async connect(_profile, options: ConnectOptions) {
			if (options.signal) {
				signals.push(options.signal);
			}

			return answer.promise;
		},
	});
	return {base, answer, signals};
}

describe('withEarlyConnect', () => {
	it('connects with the prefetch at once, and the UI\'s matching connect takes that request over', async () => {
		const {base, answer} = setup();
		const backend = withEarlyConnect(base, {profile: 'prod', region: 'eu-west-1'});
		expect(base.connectCalls).toEqual([{profile: prod, region: 'eu-west-1', prefetch: true}]);

		const session = fakeSession(fakeService(), {profile: prod});
		const connecting = backend.connect(prod, {region: 'eu-west-1', prefetch: true, signal: new AbortController().signal});
		answer.resolve(session);
		await expect(connecting).resolves.toBe(session);
		expect(base.connectCalls).toHaveLength(1);
	});

	it('reads the profiles once at startup: the first listProfiles call gets the listing it made', () => {
		const {base} = setup();
		const list = base.listProfiles.bind(base);
		let reads = 0;
		base.listProfiles = () => {
			reads++;
			return list();
		};

		const backend = withEarlyConnect(base, {profile: 'prod', region: 'eu-west-1'});
		expect(backend.listProfiles()).toEqual(list());
		expect(reads).toBe(1);
		backend.listProfiles();
		expect(reads).toBe(2);
	});

	it('aborts the early request when the UI aborts the connect that took it over', async () => {
		const {base, signals} = setup();
		const backend = withEarlyConnect(base, {profile: 'prod', region: 'eu-west-1'});
		const controller = new AbortController();
		void backend.connect(prod, {region: 'eu-west-1', prefetch: true, signal: controller.signal}).catch(() => undefined);
		expect(signals[0]?.aborted).toBe(false);
		controller.abort();
		expect(signals[0]?.aborted).toBe(true);
	});

	it('cancels the early request and connects afresh for another region', async () => {
		const {base, signals} = setup();
		const backend = withEarlyConnect(base, {profile: 'prod', region: 'eu-west-1'});
		void backend.connect(prod, {region: 'us-east-1', prefetch: true}).catch(() => undefined);
		expect(signals[0]?.aborted).toBe(true);
		expect(base.connectCalls.map(call => call.region)).toEqual(['eu-west-1', 'us-east-1']);
	});

	it('does not reuse the early request for a fresh connect (after sso login)', async () => {
		const {base, signals} = setup();
		const backend = withEarlyConnect(base, {profile: 'prod', region: 'eu-west-1'});
		void backend.connect(prod, {region: 'eu-west-1', prefetch: true, fresh: true}).catch(() => undefined);
		expect(signals[0]?.aborted).toBe(true);
		expect(base.connectCalls).toHaveLength(2);
	});

	it('starts nothing for a profile the files do not have; the UI reports it', () => {
		const {base} = setup();
		withEarlyConnect(base, {profile: 'nosuch', region: 'eu-west-1'});
		expect(base.connectCalls).toHaveLength(0);
	});
});
