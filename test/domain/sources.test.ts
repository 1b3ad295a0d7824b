import {describe, expect, it} from 'vitest';
import {describeSources, liveCounts} from '../../source/domain/sources.js';
import {type EventOrigin, type SkippedSource, type SkipReason, TrailviewError} from '../../source/domain/types.js';

const origin = (region: string, account = '111111111111', accountLabel = 'prod'): EventOrigin => ({account, accountLabel, region});

const skip = (source: EventOrigin, reason: SkipReason): SkippedSource => ({...source, reason, error: new TrailviewError('service', 'x')});

const sixteen = Array.from({length: 16}, (_, index) => origin(`xx-test-${index + 1}`));

describe('describeSources', () => {
	it('counts the live regions and names the ones left out, as the issue shows it', () => {
		const regions = [...sixteen.slice(0, 14), origin('ap-east-1'), origin('me-south-1')];
		const skipped = [skip(origin('ap-east-1'), 'not-enabled'), skip(origin('me-south-1'), 'access-denied')];
		expect(describeSources(regions, skipped)).toBe('14 regions · ap-east-1 not enabled · me-south-1 access denied');
	});

	it('groups the regions left out for the same reason', () => {
		const regions = [origin('us-east-1'), origin('ap-east-1'), origin('eu-south-2'), origin('eu-west-1')];
		const skipped = [skip(origin('ap-east-1'), 'not-enabled'), skip(origin('eu-west-1'), 'failed'), skip(origin('eu-south-2'), 'not-enabled')];
		expect(describeSources(regions, skipped)).toBe('1 region · ap-east-1, eu-south-2 not enabled · eu-west-1 failed');
	});

	it('names the account of what was left out when several are open', () => {
		const dev = (region: string) => origin(region, '222222222222', 'dev');
		const regions = [origin('us-east-1'), origin('eu-west-1'), dev('us-east-1'), dev('eu-west-1')];
		expect(describeSources(regions, [skip(dev('eu-west-1'), 'access-denied')])).toBe('2 accounts · 2 regions · dev eu-west-1 access denied');
		const everywhere = [...regions, dev('ap-east-1'), origin('ap-east-1')];
		expect(describeSources(everywhere, [skip(dev('eu-west-1'), 'access-denied'), skip(dev('ap-east-1'), 'access-denied'), skip(origin('ap-east-1'), 'not-enabled')])).toBe(
			'2 accounts · 2 regions · dev eu-west-1, ap-east-1 access denied · prod ap-east-1 not enabled',
		);
		expect(liveCounts(regions, [dev('eu-west-1'), dev('us-east-1')])).toEqual({accounts: 1, regions: 2, sources: 2});
	});

	it('names the first few of a long list and counts the rest', () => {
		const skipped = sixteen.slice(2).map(source => skip(source, 'not-enabled'));
		expect(describeSources(sixteen, skipped)).toBe('2 regions · xx-test-3, xx-test-4, xx-test-5, xx-test-6, xx-test-7, xx-test-8 and 8 more not enabled');
	});
});
