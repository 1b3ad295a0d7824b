import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {builtInQueries} from '../../source/domain/query/investigations.js';
import {loadNamedQueries} from '../../source/storage/named-queries.js';
import {fileQueryStore} from '../../source/storage/query-store.js';
import {appendHistory, historyLimit, historyPath, loadHistory} from '../../source/storage/query-history.js';
import {configDir, stateDir} from '../../source/storage/xdg.js';

let root: string;
beforeEach(() => {
	root = mkdtempSync(path.join(tmpdir(), 'trailview-storage-'));
});
afterEach(() => {
	rmSync(root, {recursive: true, force: true});
});

describe('xdg', () => {
	it('uses the XDG variables when they are absolute paths', () => {
		const env = {HOME: '/home/u', XDG_CONFIG_HOME: '/cfg', XDG_STATE_HOME: '/state'};
		expect(configDir(env)).toBe('/cfg/trailview');
		expect(stateDir(env)).toBe('/state/trailview');
	});

	it('falls back under the home directory when they are unset, empty or relative', () => {
		for (const value of [undefined, '', 'relative/dir']) {
			const env = {HOME: '/home/u', XDG_CONFIG_HOME: value, XDG_STATE_HOME: value};
			expect(configDir(env)).toBe('/home/u/.config/trailview');
			expect(stateDir(env)).toBe('/home/u/.local/state/trailview');
		}
	});
});

describe('loadNamedQueries', () => {
	const env = () => ({HOME: root, XDG_CONFIG_HOME: path.join(root, 'config')});

	it('reads the file in the config directory', () => {
		mkdirSync(path.join(root, 'config', 'trailview'), {recursive: true});
		writeFileSync(path.join(root, 'config', 'trailview', 'queries'), 'my-denied = error:AccessDenied*\nbad = usr:x\n');
		const loaded = loadNamedQueries(env());
		expect(loaded.path).toBe(path.join(root, 'config', 'trailview', 'queries'));
		expect([...loaded.queries]).toEqual([['my-denied', 'error:AccessDenied*']]);
		expect(loaded.problems).toEqual([{line: 2, message: 'bad: unknown field "usr" (did you mean "user"?)'}]);
	});

	it('may use the built-in investigations but not redefine one; the store offers both', () => {
		mkdirSync(path.join(root, 'config', 'trailview'), {recursive: true});
		writeFileSync(path.join(root, 'config', 'trailview', 'queries'), 'denied = error:AccessDenied\nroot-denied = @root @denied\n');
		const loaded = loadNamedQueries(env());
		expect([...loaded.queries.keys()]).toEqual(['root-denied']);
		expect(loaded.problems).toEqual([{line: 1, message: '@denied is built in; this line is skipped: give it another name'}]);
		const store = fileQueryStore({...env(), XDG_STATE_HOME: path.join(root, 'state')});
		expect(store.named.get('denied')).toBe(builtInQueries.get('denied'));
		expect(store.named.get('root-denied')).toBe('@root @denied');
		expect([...store.named.keys()]).toEqual([...builtInQueries.keys(), 'root-denied']);
		expect(store.problems).toEqual([`${loaded.path}:1: @denied is built in; this line is skipped: give it another name`]);
	});

	it('offers the built-ins without a file', () => {
		expect([...fileQueryStore({...env(), XDG_STATE_HOME: path.join(root, 'state')}).named.keys()]).toEqual([...builtInQueries.keys()]);
	});

	it('is empty without a file', () => {
		expect(loadNamedQueries(env())).toEqual({queries: new Map(), problems: [], path: path.join(root, 'config', 'trailview', 'queries')});
	});

	it('reports a file it cannot read, and does not throw', () => {
		// A directory where the file should be reads as EISDIR, whoever runs the test (root included).
		mkdirSync(path.join(root, 'config', 'trailview', 'queries'), {recursive: true});
		const loaded = loadNamedQueries(env());
		expect(loaded.queries.size).toBe(0);
		expect(loaded.problems).toEqual([{line: 0, message: expect.stringContaining('cannot read') as unknown}]);
	});
});

describe('query history', () => {
	const env = () => ({HOME: root, XDG_STATE_HOME: path.join(root, 'state')});

	it('is empty before anything is kept', () => {
		expect(loadHistory(env())).toEqual([]);
	});

	it('keeps entries newest last, in a directory only the user can read', async () => {
		await appendHistory(env(), 'user:alice');
		await appendHistory(env(), 'error:any since:1h');
		expect(loadHistory(env())).toEqual(['user:alice', 'error:any since:1h']);
		expect(statSync(path.join(root, 'state', 'trailview')).mode & 0o777).toBe(0o700);
		expect(statSync(historyPath(env())).mode & 0o777).toBe(0o600);
	});

	it('drops an entry equal to the one before it, and blank ones', async () => {
		await appendHistory(env(), 'user:alice');
		await appendHistory(env(), 'user:alice');
		await appendHistory(env(), '   ');
		await appendHistory(env(), 'user:bob');
		await appendHistory(env(), 'user:alice');
		expect(loadHistory(env())).toEqual(['user:alice', 'user:bob', 'user:alice']);
	});

	it('keeps a query with a line break or quotes as one entry', async () => {
		await appendHistory(env(), 'user:"a\nb" agent:"x \\" y"');
		expect(loadHistory(env())).toEqual(['user:"a\nb" agent:"x \\" y"']);
	});

	it(`keeps the last ${historyLimit}, and loses none to appends made together`, async () => {
		await Promise.all(Array.from({length: historyLimit + 20}, (_, index) => appendHistory(env(), `event:E${index}`)));
		const entries = loadHistory(env());
		expect(entries).toHaveLength(historyLimit);
		expect(entries[0]).toBe('event:E20');
		expect(entries.at(-1)).toBe(`event:E${historyLimit + 19}`);
		// Written by rename: no temporary file is left behind.
		expect(readdirSync(path.join(root, 'state', 'trailview'))).toEqual(['query-history']);
	});

	it('skips lines that are not entries', () => {
		mkdirSync(path.join(root, 'state', 'trailview'), {recursive: true});
		writeFileSync(historyPath(env()), '"user:a"\nnot json\n42\n"user:b"\n{"cut');
		expect(loadHistory(env())).toEqual(['user:a', 'user:b']);
	});

	it('neither throws nor rejects where it cannot write', async () => {
		// A file where the state directory should be: mkdir fails whoever runs the test.
		writeFileSync(path.join(root, 'state'), 'in the way');
		await expect(appendHistory(env(), 'user:alice')).resolves.toBeUndefined();
		expect(loadHistory(env())).toEqual([]);
		expect(readFileSync(path.join(root, 'state'), 'utf8')).toBe('in the way');
		// And a later append still runs once the way is clear.
		rmSync(path.join(root, 'state'));
		await appendHistory(env(), 'user:bob');
		expect(loadHistory(env())).toEqual(['user:bob']);
	});
});
