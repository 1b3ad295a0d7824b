// parseArgv reads argv as meow (yargs) did before it, so the validator's messages stay the same.
import {describe, expect, it} from 'vitest';
import {parseArgv} from '../../source/cli/parse-argv.js';
import {parseCommandLine} from '../../source/cli/args.js';

describe('parseArgv', () => {
	it('names flags in camelCase and keeps other tokens as input', () => {
		expect(parseArgv(['--endpoint-url', 'http://127.0.0.1:1', '--all-events', 'extra'])).toEqual({
			flags: {endpointUrl: 'http://127.0.0.1:1', allEvents: true},
			input: ['extra'],
		});
	});

	it('gives a value flag followed by another flag, or by nothing, an empty value', () => {
		expect(parseArgv(['--region', '--demo']).flags).toEqual({region: '', demo: true});
		expect(parseArgv(['--limit']).flags).toEqual({limit: ''});
		const result = parseCommandLine(['--region', '--demo'], parseArgv);
		expect(result.ok ? 'ok' : result.message).toMatch(/^--region needs a value/);
	});

	it('takes a negative number as a value, for the validator to refuse', () => {
		expect(parseArgv(['--limit', '-5']).flags).toEqual({limit: '-5'});
		const result = parseCommandLine(['--limit', '-5'], parseArgv);
		expect(result.ok ? 'ok' : result.message).toBe('--limit must be a whole number >= 0 (got "-5")');
	});

	it('reads --no-demo and --demo=false as false, -h as --help, and repeated --profile as a list', () => {
		expect(parseArgv(['--no-demo']).flags['demo']).toBe(false);
		expect(parseArgv(['--demo=false']).flags['demo']).toBe(false);
		expect(parseArgv(['-h']).flags['help']).toBe(true);
		expect(parseArgv(['--profile', 'a,b', '--profile=c']).flags['profile']).toEqual(['a,b', 'c']);
	});

	it('treats everything after -- as input', () => {
		expect(parseArgv(['--', '--demo'])).toEqual({flags: {}, input: ['--demo']});
	});
});
