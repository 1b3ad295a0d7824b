import {describe, expect, it} from 'vitest';
import {selectMode} from '../../source/cli/mode.js';

const base = {help: false, version: false, output: undefined};
const tty = {stdin: true, stdout: true};

describe('selectMode', () => {
	it('is interactive only with a TTY on both stdin and stdout', () => {
		expect(selectMode(base, tty)).toEqual({kind: 'interactive'});
		expect(selectMode(base, {stdin: true, stdout: false})).toMatchObject({kind: 'script', format: 'table', reason: 'stdout-not-tty'});
		expect(selectMode(base, {stdin: false, stdout: true})).toMatchObject({kind: 'script', format: 'table', reason: 'stdin-not-tty'});
	});

	it('--output means script mode even on a terminal', () => {
		expect(selectMode({...base, output: 'csv'}, tty)).toEqual({kind: 'script', format: 'csv', reason: 'output-flag'});
	});

	it('--follow into a pipe prints jsonl unless --output says otherwise', () => {
		expect(selectMode({...base, follow: true}, {stdin: true, stdout: false})).toMatchObject({kind: 'script', format: 'jsonl'});
		expect(selectMode({...base, follow: true, output: 'csv'}, tty)).toMatchObject({kind: 'script', format: 'csv'});
		expect(selectMode({...base, follow: true}, tty)).toEqual({kind: 'interactive'});
	});

	it('--help beats --version beats everything else', () => {
		expect(selectMode({...base, help: true, version: true, output: 'json'}, {stdin: false, stdout: false})).toEqual({kind: 'help'});
		expect(selectMode({...base, version: true, output: 'json'}, tty)).toEqual({kind: 'version'});
	});
});
