// Which partitions a query touches, decided the way partition projection does: from the query's
// own predicates on the partition columns. DuckDB parses the statement (json_serialize_sql); for
// each scan of a table the WHERE clause's top-level AND terms that mention only partition columns
// (and parameters, constants, functions) are kept, turned back into SQL by DuckDB
// (json_deserialize_sql) and evaluated by DuckDB against the list of partitions, with the same
// bound values. A term mixing other columns cannot prune, exactly as in Athena; a scan this cannot
// read (a join, say) counts as every partition of its table.

type Json = Record<string, unknown>;

export type TableRef = {catalog: string; schema: string; table: string; location: number | undefined; node: Json};

export type TableScan = {ref: TableRef; alias: string; where: Json | undefined; whole: boolean};

export type StatementShape = {scans: TableScan[]; tableFunctions: Array<{name: string; location: number | undefined}>; ctes: Set<string>};

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function location(node: Json): number | undefined {
	const value = node['query_location'];
	return typeof value === 'number' && value >= 0 && value < 2 ** 53 ? value : undefined;
}

function walk(value: unknown, visit: (node: Json) => void): void {
	if (Array.isArray(value)) {
		for (const item of value) {
			walk(item, visit);
		}
	} else if (isObject(value)) {
		visit(value);
		for (const child of Object.values(value)) {
			walk(child, visit);
		}
	}
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The scans, table functions and CTE names of one parsed statement. */
export function statementShape(statement: unknown): StatementShape {
	const handled = new Set<Json>();
	const scans: TableScan[] = [];
	const tableFunctions: StatementShape['tableFunctions'] = [];
	const ctes = new Set<string>();
	const tableRef = (node: Json): TableRef => ({
		catalog: text(node['catalog_name']).toLowerCase(),
		schema: text(node['schema_name']).toLowerCase(),
		table: text(node['table_name']).toLowerCase(),
		location: location(node),
		node,
	});
	walk(statement, node => {
		if (node['type'] === 'SELECT_NODE' && isObject(node['from_table']) && node['from_table']['type'] === 'BASE_TABLE') {
			const from = node['from_table'];
			handled.add(from);
			const where = isObject(node['where_clause']) ? node['where_clause'] : undefined;
			scans.push({ref: tableRef(from), alias: text(from['alias']).toLowerCase(), where, whole: false});
		}

		if (isObject(node['cte_map']) && Array.isArray(node['cte_map']['map'])) {
			for (const entry of node['cte_map']['map'] as unknown[]) {
				if (isObject(entry)) {
					ctes.add(text(entry['key']).toLowerCase());
				}
			}
		}

		if (node['type'] === 'TABLE_FUNCTION' && isObject(node['function'])) {
			tableFunctions.push({name: text(node['function']['function_name']).toLowerCase(), location: location(node)});
		}
	});
	walk(statement, node => {
		if (node['type'] === 'BASE_TABLE' && !handled.has(node)) {
			scans.push({ref: tableRef(node), alias: text(node['alias']).toLowerCase(), where: undefined, whole: true});
		}
	});
	return {scans, tableFunctions, ctes};
}

function conjuncts(node: Json): Json[] {
	if (node['class'] === 'CONJUNCTION' && node['type'] === 'CONJUNCTION_AND' && Array.isArray(node['children'])) {
		return (node['children'] as unknown[]).filter(isObject).flatMap(child => conjuncts(child));
	}

	return [node];
}

/** Whether every column the term mentions is a partition column of the scanned table. */
function onlyPartitions(term: Json, qualifiers: ReadonlySet<string>, partitions: ReadonlySet<string>): boolean {
	let only = true;
	walk(term, node => {
		if (node['class'] === 'SUBQUERY' || node['class'] === 'LAMBDA' || node['class'] === 'STAR') {
			only = false;
		}

		if (node['class'] === 'COLUMN_REF') {
			const names = (Array.isArray(node['column_names']) ? node['column_names'] : []).map(name => text(name).toLowerCase());
			const column = names.length === 1 ? names[0] : names.length === 2 && qualifiers.has(names[0]!) ? names[1] : undefined;
			only &&= column !== undefined && partitions.has(column);
		}
	});
	return only;
}

export type PartitionFilter = {
	/** `SELECT account, region, "timestamp" FROM __partitions WHERE …` as a parsed statement. */
	statement: Json;
	/** Positions (0-based) of the query's parameters the kept terms use, in their new order. */
	parameters: number[];
};

/**
 * The partition-list query for one scan, from `template` (the parsed partition-list statement):
 * the kept terms with their column names unqualified and their parameters renumbered 1..n.
 */
export function partitionFilter(scan: TableScan, partitions: ReadonlySet<string>, template: Json): PartitionFilter {
	const qualifiers = new Set([scan.alias, scan.ref.table].filter(name => name !== ''));
	const kept = scan.whole || !scan.where ? [] : conjuncts(scan.where).filter(term => onlyPartitions(term, qualifiers, partitions));
	const copy = structuredClone(kept);
	const parameters: number[] = [];
	walk(copy, node => {
		if (node['class'] === 'COLUMN_REF' && Array.isArray(node['column_names'])) {
			node['column_names'] = [(node['column_names'] as unknown[]).at(-1)];
		}

		if (node['class'] === 'PARAMETER') {
			parameters.push(Number(node['identifier']) - 1);
			node['identifier'] = String(parameters.length);
		}
	});
	const statement = structuredClone(template);
	const select = (statement['statements'] as Json[])[0]!['node'] as Json;
	select['where_clause'] =
		copy.length === 0 ? null : copy.length === 1 ? copy[0] : {class: 'CONJUNCTION', type: 'CONJUNCTION_AND', alias: '', query_location: 0, children: copy};
	return {statement, parameters};
}

/**
 * Result column names as Trino gives them: the alias, else a column's own name, else `_colN`
 * (DuckDB would name them after the expression's text). Undefined entries (after a `*`) keep
 * DuckDB's name; an empty list when the select list has a star.
 */
export function outputLabels(statement: unknown): Array<string | undefined> {
	let node = isObject(statement) && isObject(statement['node']) ? statement['node'] : undefined;
	while (node?.['type'] === 'SET_OPERATION_NODE' && isObject(node['left'])) {
		node = node['left'];
	}

	const list = node?.['type'] === 'SELECT_NODE' && Array.isArray(node['select_list']) ? (node['select_list'] as unknown[]) : [];
	if (list.some(item => isObject(item) && item['class'] === 'STAR')) {
		return [];
	}

	return list.map((item, index) => {
		const expression = isObject(item) ? item : {};
		const alias = text(expression['alias']);
		if (alias !== '') {
			return alias.toLowerCase();
		}

		const names = Array.isArray(expression['column_names']) ? (expression['column_names'] as unknown[]) : [];
		return expression['class'] === 'COLUMN_REF' && names.length > 0 ? text(names.at(-1)).toLowerCase() : `_col${index}`;
	});
}

/** json_serialize_sql's output, with "no location" (2^64-1, beyond JSON numbers) made 0. */
export function parseSerialized(serialized: string): Json {
	return JSON.parse(serialized.replaceAll('18446744073709551615', '0')) as Json;
}
