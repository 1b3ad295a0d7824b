// Text width, fuzzed where the app departs from string-width's own walk: text long enough to be
// measured in pieces must measure exactly as string-width measures it whole.
import fc from 'fast-check';
import stringWidth from 'string-width';
import {describe, it} from 'vitest';
import {displayWidth} from '../../source/lib/text-width.js';
import {sanitizeLine} from '../../source/lib/sanitize.js';
import {hostileText} from './arbitraries.js';
import {fuzz} from './fuzz.js';

// 60 to 250 pieces of hostile text: a few hundred to a few thousand characters, cut in pieces anywhere.
const longText = fc.array(hostileText, {minLength: 60, maxLength: 250}).map(parts => sanitizeLine(parts.join('')));

describe('text width (fuzzed)', () => {
	it('measures long text as string-width does', () => {
		fuzz(
			fc.property(longText, text => {
				const expected = stringWidth(text);
				if (displayWidth(text) !== expected) {
					throw new Error(`${displayWidth(text)} columns, string-width says ${expected}: ${JSON.stringify(text)}`);
				}
			}),
			50,
		);
	});
});
