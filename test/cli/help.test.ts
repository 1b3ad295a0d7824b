import {describe, expect, it} from 'vitest';
import {helpText, keyBindingRows, usageText} from '../../source/cli/help.js';
import {keymap} from '../../source/keymap.js';

describe('help text', () => {
	const help = helpText('1.2.3');

	it('lists every flag and environment variable', () => {
		for (const flag of ['--profile NAME', '--region NAME', '--endpoint-url URL', '--demo', '--output FORMAT', '--limit N', '--max-wait DURATION', '--query Q', '--since TIME', '--until TIME', '--all-events', '--group-by FIELD', '--archive', '--athena-table DB.TABLE', '--athena-workgroup NAME', '--athena-output S3URI', '--athena-create-table', '--lake', '--lake-store ID|ARN|NAME', '--help', '--version']) {
			expect(help).toContain(flag);
		}

		for (const name of ['AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ENDPOINT_URL_CLOUDTRAIL', 'AWS_ENDPOINT_URL']) {
			expect(help).toMatch(new RegExp(`^  ${name} `, 'm'));
		}
	});

	it('lists every key binding from the keymap', () => {
		for (const binding of Object.values(keymap)) {
			expect(help).toContain(binding.label);
			expect(help).toContain(binding.description);
		}
	});

	it('merges bindings that share a key', () => {
		expect(keyBindingRows()).toContainEqual([
			'Esc',
			'Back / close / cancel; Clear the filter; when empty, go back; Stop the scan; the matches so far stay; Stop the archive query (Athena\'s StopQueryExecution, the Lake\'s CancelQuery); the rows so far stay; Cancel the edit',
		]);
		expect(keyBindingRows(undefined, 'main')).toContainEqual(['Esc', 'Back / close / cancel; Stop the scan; the matches so far stay; Stop the archive query (Athena\'s StopQueryExecution, the Lake\'s CancelQuery); the rows so far stay']);
		// The query line's Enter is listed with the line, not merged into the main screen's.
		expect(keyBindingRows(undefined, 'line')).toContainEqual(['Enter', 'Run the query (empty: back to the default)']);
	});

	it('usage fits 80 columns', () => {
		for (const line of usageText.split('\n')) {
			expect(line.length).toBeLessThanOrEqual(80);
		}
	});
});
