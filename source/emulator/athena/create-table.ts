// CREATE EXTERNAL TABLE through Athena: the table goes into the caller's Glue catalog, and when
// its LOCATION is under a demo trail's bucket it reads that trail's archive from then on.
import {DdlError, recogniseCreateTable} from '../glue/ddl.js';
import type {GlueCatalog} from '../glue/catalog.js';
import {QueryFailed} from './query-errors.js';
import type {ResultTable} from './results.js';
import {namePattern} from './views.js';

export type CreateContext = {account: string; region: string; database: string; sql: string; createdBy: string; now: Date};

function failed(reason: string): QueryFailed {
	return new QueryFailed({reason, category: 2, type: 1003});
}

export function runCreateTable(context: CreateContext, glue: GlueCatalog): ResultTable {
	let definition;
	try {
		definition = recogniseCreateTable(context.sql);
	} catch (error: unknown) {
		throw failed(`FAILED: ParseException line 1:0 ${error instanceof DdlError ? error.message : 'cannot recognize input'}`);
	}

	const database = definition.database ?? context.database;
	const names = [database, definition.name, ...definition.columns.map(column => column.Name), ...definition.partitionKeys.map(column => column.Name)];
	const invalid = names.find(name => !namePattern.test(name));
	if (invalid !== undefined) {
		throw failed(`FAILED: ParseException line 1:0 '${invalid}' is not a valid name here: use lower-case letters, digits and underscores`);
	}

	if (definition.columns.length === 0) {
		throw failed('FAILED: SemanticException [Error 10043]: Either list of columns or a custom serializer should be specified');
	}

	if (!glue.hasDatabase(context.account, context.region, database)) {
		throw failed(`FAILED: SemanticException [Error 10072]: Database does not exist: ${database}`);
	}

	const created = glue.create(context.account, context.region, {
		database,
		name: definition.name,
		createdAt: context.now,
		createdBy: context.createdBy,
		columns: definition.columns,
		partitionKeys: definition.partitionKeys,
		location: definition.location,
		serde: definition.serde,
		serdeParameters: definition.serdeParameters,
		inputFormat: definition.inputFormat,
		outputFormat: definition.outputFormat,
		parameters: {EXTERNAL: 'TRUE', ...definition.parameters},
	});
	if (!created && !definition.ifNotExists) {
		throw failed(`FAILED: AlreadyExistsException Table ${database}.${definition.name} already exists`);
	}

	return {columns: [], rows: []};
}
