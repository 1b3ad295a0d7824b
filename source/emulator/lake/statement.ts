// One CloudTrail Lake statement in DuckDB, in two steps. check() runs in StartQuery, as Lake
// validates a statement before it returns a QueryId: the store ids after FROM become their
// relations (the shim), DuckDB parses the text (a single SELECT, nothing else) and binds it (columns
// and functions exist), and every relation it reads must be one of the caller's stores. run() is
// the query itself: work out the days it scans (pruning.ts), build them, execute, and print the
// values as Trino prints them.
import {ApiError} from '../errors.js';
import type {ArchiveEngine} from '../athena/engine.js';
import {selectStatement, type DuckConnection} from '../athena/duckdb.js';
import {outputLabels, statementShape, type TableScan} from '../athena/pruning.js';
import {fromDuckDb, QueryFailed, userError} from '../athena/query-errors.js';
import {cellText, trinoType, type ResultTable} from '../athena/results.js';
import {rewrite, type Rewritten} from '../athena/shim.js';
import {serialize} from '../athena/statement.js';
import {eventTimesList, scannedDays} from './pruning.js';
import {findStore, storeNotFound, type EventDataStore} from './stores.js';
import {lakeSchema, storeRelation} from './views.js';

export type CheckedStatement = {
	sql: string;
	rewritten: Rewritten;
	/** The stores it reads, first named first. */
	stores: EventDataStore[];
	/** Scans of CloudTrail event stores: their eventtime terms decide the days scanned. */
	eventScans: TableScan[];
	labels: Array<string | undefined>;
};

export type Scanned = {bytes: number; events: number};

export const invalidStatement = (message: string): ApiError => new ApiError('InvalidQueryStatementException', message);

const failureText = (error: unknown): string => (error instanceof QueryFailed ? error.failure.reason : error instanceof Error ? error.message : String(error));

export async function checkStatement(engine: ArchiveEngine, account: string, region: string, sql: string): Promise<CheckedStatement> {
	const rewritten = rewrite(sql, 'awsdatacatalog', name => {
		const store = findStore(account, region, name);
		return store && store.id === name ? storeRelation(store) : undefined;
	});
	// A name with a hyphen can only be meant as a store id (it is no SQL name).
	const unknown = rewritten.tables.find(name => name.includes('-') && !findStore(account, region, name));
	if (unknown !== undefined) {
		throw storeNotFound(unknown);
	}

	if (rewritten.placeholders > 0) {
		throw invalidStatement('Query parameters (?) are only supported with a QueryAlias.');
	}

	const connection = await engine.connectLake();
	try {
		const parsed = await serialize(connection, rewritten.sql);
		if (parsed['error'] === true) {
			if (parsed['error_subtype'] !== 'SYNTAX_ERROR') {
				throw invalidStatement('Only SELECT statements are supported.');
			}

			const position = Number(parsed['position']);
			const offset = Number.isFinite(position) ? rewritten.original(position) : undefined;
			throw invalidStatement(failureText(userError('SYNTAX_ERROR', sql, offset, String(parsed['error_message']))));
		}

		const statements = parsed['statements'] as unknown[];
		if (statements.length !== 1) {
			throw invalidStatement('Only one SQL statement is allowed.');
		}

		const shape = statementShape(statements[0]);
		const call = shape.tableFunctions.find(candidate => candidate.name !== 'unnest');
		if (call) {
			throw invalidStatement(`FUNCTION_NOT_FOUND: Table function '${call.name}' not registered`);
		}

		const stores: EventDataStore[] = [];
		const eventScans: TableScan[] = [];
		for (const scan of shape.scans) {
			const {ref} = scan;
			if (ref.catalog === '' && ref.schema === '' && shape.ctes.has(ref.table)) {
				continue;
			}

			const store = ref.catalog === 'memory' && ref.schema === lakeSchema ? findStore(account, region, ref.table) : undefined;
			if (!store) {
				throw storeNotFound(ref.table);
			}

			if (store.status !== 'ENABLED') {
				throw new ApiError('InactiveEventDataStoreException', `Event data store ${store.id} is not active.`);
			}

			if (!stores.includes(store)) {
				stores.push(store);
			}

			if (store.kind === 'cloudtrail') {
				eventScans.push(scan);
			}
		}

		if (stores.length === 0) {
			throw invalidStatement('The query must name an event data store (its ID) after FROM.');
		}

		await bind(connection, rewritten, sql);
		return {sql, rewritten, stores, eventScans, labels: outputLabels(statements[0])};
	} finally {
		connection.closeSync();
	}
}

/** Binding checks columns, types and functions; DuckDB does it when it prepares the statement. */
async function bind(connection: DuckConnection, rewritten: Rewritten, sql: string): Promise<void> {
	let type: number;
	try {
		const prepared = await connection.prepare(rewritten.sql);
		type = prepared.statementType;
		prepared.destroySync();
	} catch (error: unknown) {
		throw invalidStatement(failureText(fromDuckDb(error, rewritten.sql, sql, rewritten.original)));
	}

	if (type !== selectStatement) {
		throw invalidStatement('Only SELECT statements are supported.');
	}
}

export type RunHooks = {onConnection(connection: DuckConnection): void; onScanned(scanned: Scanned): void};

export async function runStatement(engine: ArchiveEngine, checked: CheckedStatement, hooks: RunHooks): Promise<ResultTable> {
	const connection = await engine.connectLake();
	hooks.onConnection(connection);
	try {
		const all = await engine.partitions();
		let refs: typeof all = [];
		if (checked.eventScans.length > 0) {
			await engine.eventTimes();
			const days = await scannedDays(connection, checked.eventScans, await serialize(connection, eventTimesList));
			refs = days === undefined ? all : all.filter(ref => days.has(ref.day));
		}

		await engine.ensure(refs);
		hooks.onScanned({
			bytes: refs.reduce((sum, ref) => sum + engine.bytes(ref, false), 0),
			events: refs.reduce((sum, ref) => sum + engine.count(ref), 0),
		});
		const {rewritten, sql, labels} = checked;
		try {
			const reader = await connection.runAndReadAll(rewritten.sql);
			const names = reader.columnNames();
			const types = reader.columnTypes().map(type => trinoType(String(type)));
			const columns = names.map((name, index) => ({name: (labels.length === names.length ? labels[index] : undefined) ?? name.toLowerCase(), type: types[index]!}));
			const rows = reader.getRowsJson().map(row => row.map((value, index) => lakeCell(value, columns[index]!.type)));
			return {columns, rows};
		} catch (error: unknown) {
			throw fromDuckDb(error, rewritten.sql, sql, rewritten.original);
		}
	} finally {
		connection.closeSync();
	}
}

/** As Trino prints a value; a timestamp(3) with its milliseconds (DuckDB's JSON form drops zero fractions). */
export function lakeCell(value: unknown, type: string): string | undefined {
	if (type === 'timestamp' && typeof value === 'string') {
		const match = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(?:\.(\d+))?$/.exec(value);
		if (match) {
			return `${match[1]}.${(match[2] ?? '').padEnd(3, '0').slice(0, 3)}`;
		}
	}

	return cellText(value, type);
}
