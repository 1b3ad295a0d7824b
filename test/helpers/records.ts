// An event as LookupEvents gives it, with a record shaped as CloudTrail writes one, for tests of
// what the app reads from records (plain-language sentences).
import type {TrailEvent} from '../../source/domain/types.js';
import {makeEvent} from './fakes.js';

export const account = '111111111111';
export const alice = {type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: `arn:aws:iam::${account}:user/alice`, accountId: account, userName: 'alice'};
export const root = {type: 'Root', principalId: account, arn: `arn:aws:iam::${account}:root`, accountId: account};

export function recorded(name: string, record: Record<string, unknown>, overrides: Partial<TrailEvent> = {}): TrailEvent {
	const full: Record<string, unknown> = {eventVersion: '1.09', userIdentity: alice, eventName: name, sourceIPAddress: '203.0.113.7', recipientAccountId: account, ...record};
	const errorCode = typeof full['errorCode'] === 'string' ? full['errorCode'] : undefined;
	const errorMessage = typeof full['errorMessage'] === 'string' ? full['errorMessage'] : undefined;
	return makeEvent(0, {name, username: 'alice', resources: [], errorCode, errorMessage, raw: JSON.stringify(full), ...overrides});
}
