import {describe, expect, it} from 'vitest';
import {parseNamedQueriesFile} from '../../../source/domain/query/named.js';
import {parseQuery} from '../../../source/domain/query/parse.js';

describe('parseNamedQueriesFile', () => {
	it('reads name = query lines, skipping comments and blank lines', () => {
		const file = ['# who did what', '', 'denied = error:AccessDenied*', '  no-mfa=event:ConsoleLogin additionalEventData.MFAUsed:No  ', '\t', 'ci_bot = user:ci-bot # a # in a query is kept'].join('\n');
		const {queries, problems} = parseNamedQueriesFile(file);
		expect(problems).toEqual([]);
		expect([...queries]).toEqual([
			['denied', 'error:AccessDenied*'],
			['no-mfa', 'event:ConsoleLogin additionalEventData.MFAUsed:No'],
			['ci_bot', 'user:ci-bot # a # in a query is kept'],
		]);
	});

	it('skips a bad line and says which and why, keeping the rest', () => {
		const file = ['ok = user:alice', 'no equals here', 'Bad Name = user:x', 'empty =', 'typo = usr:x', 'ok = user:bob', 'open = user:"x'].join('\r\n');
		const {queries, problems} = parseNamedQueriesFile(file);
		expect([...queries]).toEqual([['ok', 'user:alice']]);
		expect(problems).toEqual([
			{line: 2, message: 'expected `name = query`'},
			{line: 3, message: '"Bad Name" is not a name: use lower-case letters, digits, - and _'},
			{line: 4, message: 'empty has no query after "="'},
			{line: 5, message: 'typo: unknown field "usr" (did you mean "user"?)'},
			{line: 6, message: 'ok is already defined on line 1; this line is skipped'},
			{line: 7, message: 'open: unterminated quote: add the closing "'},
		]);
	});

	it('lets queries use each other in any order, and the known ones', () => {
		const known = new Map([['writes', 'readOnly:false']]);
		const {queries, problems} = parseNamedQueriesFile('\uFEFFboth = @denied @writes\ndenied = error:AccessDenied', known);
		expect(problems).toEqual([]);
		const parsed = parseQuery('@both', {named: new Map([...known, ...queries])});
		expect(parsed.ok && parsed.query.terms.map(term => term.source)).toEqual(['error:AccessDenied', 'readOnly:false']);
	});

	it('refuses a name that is already known (built in), with the line that tried', () => {
		const known = new Map([['root', 'userIdentity.type:Root']]);
		const {queries, problems} = parseNamedQueriesFile('root = user:root\nroot-writes = @root readOnly:false', known);
		expect([...queries]).toEqual([['root-writes', '@root readOnly:false']]);
		expect(problems).toEqual([{line: 1, message: '@root is built in; this line is skipped: give it another name'}]);
	});

	it('drops a cycle, and whatever uses a dropped query', () => {
		const {queries, problems} = parseNamedQueriesFile('a = @b\nb = @a\nc = @a user:x\nd = user:y');
		expect([...queries.keys()]).toEqual(['d']);
		expect(problems.map(problem => problem.line)).toEqual([1, 2, 3]);
		expect(problems[2]!.message).toMatch(/^c: /);
	});
});
