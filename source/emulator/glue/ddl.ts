// A recogniser (not a parser) for the one Hive DDL statement the archive accepts: AWS's
// CREATE EXTERNAL TABLE for CloudTrail logs. It finds the table name, the column and partition
// lists, the SerDe, the formats, LOCATION and TBLPROPERTIES; anything else is not understood.

export type Column = {Name: string; Type: string};

export type CreateTable = {
	database: string | undefined;
	name: string;
	ifNotExists: boolean;
	columns: Column[];
	partitionKeys: Column[];
	serde: string | undefined;
	serdeParameters: Record<string, string>;
	inputFormat: string | undefined;
	outputFormat: string | undefined;
	location: string | undefined;
	parameters: Record<string, string>;
};

export class DdlError extends Error {}

const identifier = String.raw`(?:\x60[^\x60]+\x60|"[^"]+"|[A-Za-z0-9_]+)`;
const head = new RegExp(String.raw`^\s*CREATE\s+EXTERNAL\s+TABLE\s+(IF\s+NOT\s+EXISTS\s+)?(${identifier})(?:\s*\.\s*(${identifier}))?\s*\(`, 'i');

export function isCreateExternalTable(sql: string): boolean {
	return /^\s*CREATE\s+EXTERNAL\s+TABLE\b/i.test(sql);
}

const bare = (name: string): string => name.replace(/^[`"]|[`"]$/g, '').toLowerCase();

/** The text inside the parenthesis opening at `open`, and where it closes. */
function enclosed(sql: string, open: number): {inside: string; end: number} {
	let depth = 0;
	let quote: string | undefined;
	for (let index = open; index < sql.length; index++) {
		const char = sql[index]!;
		if (quote) {
			quote = char === quote ? undefined : quote;
		} else if (char === "'" || char === '`' || char === '"') {
			quote = char;
		} else if (char === '(' || char === '<') {
			depth++;
		} else if (char === ')' || char === '>') {
			depth--;
			if (depth === 0) {
				return {inside: sql.slice(open + 1, index), end: index + 1};
			}
		}
	}

	throw new DdlError('unbalanced parentheses');
}

/** Splits at commas outside <...>, (...) and quotes. */
function topLevel(list: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let quote: string | undefined;
	let start = 0;
	for (let index = 0; index < list.length; index++) {
		const char = list[index]!;
		if (quote) {
			quote = char === quote ? undefined : quote;
		} else if (char === "'" || char === '`') {
			quote = char;
		} else if (char === '<' || char === '(') {
			depth++;
		} else if (char === '>' || char === ')') {
			depth--;
		} else if (char === ',' && depth === 0) {
			parts.push(list.slice(start, index));
			start = index + 1;
		}
	}

	parts.push(list.slice(start));
	return parts.map(part => part.trim()).filter(part => part !== '');
}

function columns(list: string): Column[] {
	return topLevel(list).map(definition => {
		const match = new RegExp(String.raw`^(${identifier})\s+(.+?)(?:\s+COMMENT\s+'[^']*')?$`, 'is').exec(definition);
		if (!match) {
			throw new DdlError(`cannot read the column definition "${definition}"`);
		}

		return {Name: bare(match[1]!), Type: match[2]!.replaceAll(/\s+/g, '').toLowerCase()};
	});
}

function properties(list: string): Record<string, string> {
	const pairs: Record<string, string> = {};
	for (const pair of topLevel(list)) {
		const match = /^'((?:[^']|'')*)'\s*=\s*'((?:[^']|'')*)'$/s.exec(pair);
		if (!match) {
			throw new DdlError(`cannot read the property ${pair}`);
		}

		pairs[match[1]!.replaceAll("''", "'")] = match[2]!.replaceAll("''", "'");
	}

	return pairs;
}

function quoted(rest: string, pattern: string): string | undefined {
	return new RegExp(String.raw`${pattern}\s+'([^']*)'`, 'i').exec(rest)?.[1];
}

function list(rest: string, pattern: string): string | undefined {
	const match = new RegExp(String.raw`${pattern}\s*\(`, 'i').exec(rest);
	return match ? enclosed(rest, match.index + match[0].length - 1).inside : undefined;
}

export function recogniseCreateTable(sql: string): CreateTable {
	const match = head.exec(sql);
	if (!match) {
		throw new DdlError('expected CREATE EXTERNAL TABLE [IF NOT EXISTS] [database.]table (columns)');
	}

	const [first, second] = [match[2]!, match[3]];
	const body = enclosed(sql, match[0].length - 1);
	const rest = sql.slice(body.end);
	const partitions = list(rest, String.raw`PARTITIONED\s+BY`);
	const serdeProperties = list(rest, String.raw`WITH\s+SERDEPROPERTIES`);
	const tableProperties = list(rest, 'TBLPROPERTIES');
	return {
		database: second === undefined ? undefined : bare(first),
		name: bare(second ?? first),
		ifNotExists: match[1] !== undefined,
		columns: columns(body.inside),
		partitionKeys: partitions === undefined ? [] : columns(partitions),
		serde: quoted(rest, String.raw`ROW\s+FORMAT\s+SERDE`),
		serdeParameters: serdeProperties === undefined ? {} : properties(serdeProperties),
		inputFormat: quoted(rest, 'INPUTFORMAT'),
		outputFormat: quoted(rest, 'OUTPUTFORMAT'),
		location: quoted(rest, 'LOCATION'),
		parameters: tableProperties === undefined ? {} : properties(tableProperties),
	};
}
