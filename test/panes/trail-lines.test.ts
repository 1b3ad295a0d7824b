import {describe, expect, test} from 'vitest';
import {trailLines} from '../../source/panes/trail-lines.js';
import {fitSegments} from '../../source/panes/segment-line.js';
import {mainLayout} from '../../source/screens/main-screen.js';
import {makeTrail} from '../helpers/fakes.js';
import {safe} from '../../source/lib/sanitize.js';

const now = new Date(Date.UTC(2026, 10, 24, 12, 0, 0));
const text = (segments: Array<{text: string}>) => segments.map(segment => segment.text).join('');

describe('trail lines', () => {
	test('two lines per trail: identity and status, then delivery', () => {
		const lines = trailLines([makeTrail()], {utc: true, now, compact: false});
		expect(lines).toHaveLength(2);
		expect(text(lines[0]!)).toBe('org-trail  logging ON  us-east-1  multi-region · organization  s3://org-trail-logs');
		expect(text(lines[1]!)).toBe('  last delivery 2026-11-24 11:55:00 UTC (5 min ago)');
	});

	test('logging OFF and delivery errors are red', () => {
		const [head, second] = trailLines([makeTrail({isLogging: false, latestDeliveryError: 'NoSuchBucket', statusError: 'denied'})], {
			utc: false,
			now,
			compact: false,
		});
		expect(head!.find(segment => segment.text === 'logging OFF')?.color).toBe('red');
		expect(second!.filter(segment => segment.color === 'red').map(segment => segment.text)).toEqual([
			'delivery error: NoSuchBucket',
			'status error: denied',
		]);
	});

	test('compact mode keeps problems on the one line', () => {
		const lines = trailLines([makeTrail({latestDeliveryError: 'NoSuchBucket', latestDeliveryTime: undefined})], {utc: false, now, compact: true});
		expect(lines).toHaveLength(1);
		expect(text(lines[0]!)).toContain('delivery error: NoSuchBucket');
		expect(text(lines[0]!)).toContain('no delivery yet');
	});

	test('trail names are sanitised', () => {
		const [head] = trailLines([makeTrail({name: 'x\u001B[2Jy'})], {utc: false, now, compact: true});
		expect(text(head!)).toContain('x\\x1b[2Jy');
	});

	test('fitSegments cuts at an exact display width', () => {
		const fitted = fitSegments([{text: safe`ab`}, {text: safe`山田太郎`}, {text: safe`zz`}], 6);
		expect(text(fitted)).toBe('ab山… ');
	});
});

describe('main layout', () => {
	test('fills the height exactly and gives the trails pane about a third at most', () => {
		for (const rows of [12, 20, 24, 40]) {
			const layout = mainLayout(rows, 50);
			expect(2 + 1 + layout.trailsBody + 1 + layout.eventsBody + 2).toBe(rows);
			expect(layout.trailsBody).toBeLessThanOrEqual(Math.ceil((rows - 4) / 3));
			expect(layout.eventsBody).toBeGreaterThanOrEqual(3);
		}
	});

	test('the trails pane takes only what it needs', () => {
		expect(mainLayout(40, 2).trailsBody).toBe(2);
		expect(mainLayout(40, 0).trailsBody).toBe(1);
	});
});
