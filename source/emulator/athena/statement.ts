// Runs one SELECT for real in DuckDB: rewrite the few Trino spellings, let DuckDB parse it, check
// its tables against the caller's Glue catalog, work out (and build) the partitions it touches,
// then prepare it, bind the execution parameters and read the rows.
import type {GlueCatalog} from '../glue/catalog.js';
import type {ArchiveEngine} from './engine.js';
import {selectStatement, type DuckConnection, type DuckPrepared} from './duckdb.js';
import type {Literal} from './literals.js';
import {outputLabels, parseSerialized, partitionFilter, statementShape, type TableScan} from './pruning.js';
import {fromDuckDb, schemaNotFound, tableNotFound, userError} from './query-errors.js';
import {cellText, trinoType, type ResultTable} from './results.js';
import {partitionColumns} from './schema.js';
import {rewrite, type Rewritten} from './shim.js';
import {inScope, type ArchiveView} from './views.js';
import {partitionKey, type PartitionRef} from './archive-index.js';

export type SelectContext = {
	account: string;
	region: string;
	database: string;
	sql: string;
	parameters: Literal[];
	/** Called once the statement has its own connection (a stop interrupts it). */
	onConnection(connection: DuckConnection): void;
	onScanned(bytes: number): void;
};

/** DuckDB catalog standing for the caller's AwsDataCatalog. */
export function catalogName(account: string, region: string): string {
	return `c_${account}_${region.replaceAll('-', '_')}`;
}

const partitionList = 'SELECT account, region, "timestamp" FROM memory.main.__partitions';

/** DuckDB's parse of `sql` (json_serialize_sql), or its error. */
export async function serialize(connection: DuckConnection, sql: string): Promise<Record<string, unknown>> {
	const reader = await connection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR)', [sql]);
	return parseSerialized(String(reader.getRowsJS()[0]?.[0]));
}

type Resolved = {scan: TableScan; view: ArchiveView};

function resolve(context: SelectContext, glue: GlueCatalog, catalog: string, rewritten: Rewritten, scans: readonly TableScan[], ctes: ReadonlySet<string>): Resolved[] {
	const {views} = glue.views(context.account, context.region);
	const resolved: Resolved[] = [];
	for (const scan of scans) {
		const {ref} = scan;
		const offset = ref.location === undefined ? undefined : rewritten.original(ref.location);
		if (ref.schema === '' && ctes.has(ref.table)) {
			continue;
		}

		const schema = ref.schema === '' ? context.database : ref.schema;
		if (ref.catalog !== '' && ref.catalog !== catalog) {
			throw tableNotFound(context.sql, offset, `${ref.catalog}.${schema}.${ref.table}`);
		}

		if (!glue.hasDatabase(context.account, context.region, schema)) {
			throw schemaNotFound(context.sql, offset, `awsdatacatalog.${schema}`);
		}

		const view = views.find(candidate => candidate.database === schema && candidate.name === ref.table);
		if (!view) {
			throw tableNotFound(context.sql, offset, `awsdatacatalog.${schema}.${ref.table}`);
		}

		resolved.push({scan, view});
	}

	return resolved;
}

/** The partitions one scan touches: its partition terms evaluated by DuckDB over the partition list. */
async function touched(connection: DuckConnection, resolved: Resolved, all: readonly PartitionRef[], template: Record<string, unknown>, parameters: readonly Literal[]): Promise<PartitionRef[]> {
	const {scan, view} = resolved;
	const inView = all.filter(ref => inScope(ref, view.scope));
	const keys = new Set<string>(view.partitionKeys.filter(key => (partitionColumns as readonly string[]).includes(key)));
	const filter = partitionFilter(scan, keys, template);
	const select = (filter.statement['statements'] as Array<Record<string, unknown>>)[0]!['node'] as Record<string, unknown>;
	if (select['where_clause'] === null || inView.length === 0) {
		return inView;
	}

	try {
		const text = await connection.runAndReadAll('SELECT json_deserialize_sql($1::JSON)', [JSON.stringify(filter.statement)]);
		const reader = await connection.runAndReadAll(
			String(text.getRowsJS()[0]?.[0]),
			filter.parameters.map(index => parameters[index]),
		);
		const chosen = new Set(reader.getRowsJS().map(row => row.join('|')));
		return inView.filter(ref => chosen.has(partitionKey(ref)));
	} catch {
		// Terms DuckDB cannot evaluate on their own prune nothing; the query itself reports the error.
		return inView;
	}
}

export async function runSelect(context: SelectContext, engine: ArchiveEngine, glue: GlueCatalog): Promise<ResultTable> {
	const catalog = catalogName(context.account, context.region);
	const rewritten = rewrite(context.sql, catalog);
	const {databases, views} = glue.views(context.account, context.region);
	await engine.syncCatalog(catalog, databases, views);
	// A context database Glue does not have: unqualified names then fail to resolve, as in Athena.
	const connection = await engine.connect(catalog, databases.includes(context.database) ? context.database : 'main');
	context.onConnection(connection);
	try {
		if (rewritten.placeholders !== context.parameters.length) {
			throw userError('INVALID_PARAMETER_USAGE', context.sql, 0, `Incorrect number of parameters: expected ${rewritten.placeholders} but found ${context.parameters.length}`);
		}

		const parsed = await serialize(connection, rewritten.sql);
		if (parsed['error'] === true) {
			const position = Number(parsed['position']);
			const offset = Number.isFinite(position) ? rewritten.original(position) : undefined;
			const message = String(parsed['error_message']);
			throw parsed['error_subtype'] === 'SYNTAX_ERROR'
				? userError('SYNTAX_ERROR', context.sql, offset, message)
				: userError('NOT_SUPPORTED', context.sql, 0, 'Only SELECT queries and CREATE EXTERNAL TABLE are supported by this emulator');
		}

		const statements = parsed['statements'] as unknown[];
		if (statements.length !== 1) {
			throw userError('SYNTAX_ERROR', context.sql, undefined, 'Only one sql statement is allowed');
		}

		const shape = statementShape(statements[0]);
		const foreign = shape.tableFunctions.find(call => call.name !== 'unnest');
		if (foreign) {
			throw userError('FUNCTION_NOT_FOUND', context.sql, foreign.location === undefined ? undefined : rewritten.original(foreign.location), `Table function '${foreign.name}' not registered`);
		}

		const resolved = resolve(context, glue, catalog, rewritten, shape.scans, shape.ctes);
		// Binding errors (a missing column, a wrong type) come before any partition is built.
		const prepared = await prepare(connection, context, rewritten);
		try {
			const all = await engine.partitions();
			const template = await serialize(connection, partitionList);
			const scanned: Array<{ref: PartitionRef; managementOnly: boolean}> = [];
			for (const each of resolved) {
				const managementOnly = each.view.scope?.managementOnly ?? true;
				for (const ref of await touched(connection, each, all, template, context.parameters)) {
					scanned.push({ref, managementOnly});
				}
			}

			await engine.ensure(scanned.map(({ref}) => ref));
			context.onScanned(scanned.reduce((sum, {ref, managementOnly}) => sum + engine.bytes(ref, managementOnly), 0));
			return await execute(prepared, context, rewritten, outputLabels(statements[0]));
		} finally {
			prepared.destroySync();
		}
	} finally {
		connection.closeSync();
	}
}

async function prepare(connection: DuckConnection, context: SelectContext, rewritten: Rewritten): Promise<DuckPrepared> {
	let prepared: DuckPrepared;
	try {
		prepared = await connection.prepare(rewritten.sql);
	} catch (error: unknown) {
		throw fromDuckDb(error, rewritten.sql, context.sql, rewritten.original);
	}

	if (prepared.statementType !== selectStatement) {
		prepared.destroySync();
		throw userError('NOT_SUPPORTED', context.sql, 0, 'Only SELECT queries are supported');
	}

	return prepared;
}

async function execute(prepared: DuckPrepared, context: SelectContext, rewritten: Rewritten, labels: Array<string | undefined>): Promise<ResultTable> {
	try {
		prepared.bind(context.parameters);
		const reader = await prepared.runAndReadAll();
		const names = reader.columnNames();
		const types = reader.columnTypes();
		const columns = names.map((name, index) => ({
			name: (labels.length === names.length ? labels[index] : undefined) ?? name.toLowerCase(),
			type: trinoType(String(types[index])),
		}));
		const rows = reader.getRowsJson().map(row => row.map((value, index) => cellText(value, columns[index]!.type)));
		return {columns, rows};
	} catch (error: unknown) {
		throw fromDuckDb(error, rewritten.sql, context.sql, rewritten.original);
	}
}
