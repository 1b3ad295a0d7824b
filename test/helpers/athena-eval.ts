// Evaluates the archive compiler's expression trees (source/domain/archive/sql.ts) on a typed row
// the way Athena (Trino) does: three-valued logic, NULL through every function, LIKE with an
// escape, json_extract_scalar answering only scalars, any_match over arrays. Tests use it to check
// that what is sent selects what matchesQuery keeps; it is not used by the app. Lake's nodes too
// (element_at on a MAP, TIMESTAMPs as epoch milliseconds, BOOLEANs cast to varchar): both run Trino.
import type {Expr} from '../../source/domain/archive/sql.js';

/** A row as the table holds it: strings, structs as objects with lower-case keys, arrays, NULL as null. */
export type TypedRow = Record<string, unknown>;

type Value = unknown;

export function evaluate(expr: Expr, row: TypedRow, scope: Record<string, unknown> = {}): Value {
	switch (expr.kind) {
		case 'ref': {
			const [first = '', ...rest] = expr.path.split('.');
			let value: unknown = first in scope ? scope[first] : row[first === '"timestamp"' ? 'timestamp' : first];
			for (const field of rest) {
				value = isObject(value) ? value[field] : null;
			}

			return value ?? null;
		}

		case 'param':
		case 'bool': {
			return expr.value;
		}

		case 'lower': {
			const value = evaluate(expr.arg, row, scope);
			return value === null ? null : String(value).toLowerCase();
		}

		case 'text': {
			return evaluate(expr.arg, row, scope) ?? '';
		}

		case 'json-scalar': {
			return jsonScalar(evaluate(expr.json, row, scope), evaluate(expr.path, row, scope));
		}

		case 'json-text': {
			const value = evaluate(expr.arg, row, scope);
			return value === null ? null : JSON.stringify(value);
		}

		case 'last-segment': {
			const value = evaluate(expr.arg, row, scope);
			return value === null ? null : String(value).split('/').at(-1)!;
		}

		case 'compare': {
			const left = evaluate(expr.left, row, scope);
			const right = evaluate(expr.right, row, scope);
			return left === null || right === null ? null : compare(expr.op, left as string, right as string);
		}

		case 'like': {
			const value = evaluate(expr.value, row, scope);
			const pattern = evaluate(expr.pattern, row, scope);
			return value === null || pattern === null ? null : likeRegExp(String(pattern)).test(String(value));
		}

		case 'between': {
			const value = evaluate(expr.value, row, scope);
			const low = evaluate(expr.low, row, scope);
			const high = evaluate(expr.high, row, scope);
			return value === null || low === null || high === null ? null : (value as string) >= (low as string) && (value as string) <= (high as string);
		}

		case 'in': {
			const value = evaluate(expr.value, row, scope);
			return value === null ? null : expr.items.some(item => evaluate(item, row, scope) === value);
		}

		case 'is-null': {
			return (evaluate(expr.value, row, scope) === null) !== expr.negated;
		}

		case 'and': {
			const values = expr.items.map(item => evaluate(item, row, scope));
			return values.includes(false) ? false : values.includes(null) ? null : true;
		}

		case 'or': {
			const values = expr.items.map(item => evaluate(item, row, scope));
			return values.includes(true) ? true : values.includes(null) ? null : false;
		}

		case 'not': {
			const value = evaluate(expr.item, row, scope);
			return value === null ? null : !value;
		}

		case 'any': {
			const array = evaluate(expr.array, row, scope);
			if (!Array.isArray(array)) {
				return null;
			}

			const values = array.map(item => evaluate(expr.body, row, {...scope, r: item}));
			return values.includes(true) ? true : values.includes(null) ? null : false;
		}

		case 'slice': {
			const time = evaluate(expr.time, row, scope);
			if (time === null) {
				return null;
			}

			const seconds = (typeof time === 'number' ? time : Date.parse(String(time))) / 1000;
			return Math.floor(((seconds * 1000 - expr.start) / expr.span) * expr.slices);
		}

		case 'map-get': {
			const map = evaluate(expr.map, row, scope);
			const key = evaluate(expr.key, row, scope);
			return isObject(map) && typeof key === 'string' && Object.hasOwn(map, key) ? map[key] ?? null : null;
		}

		case 'timestamp': {
			const value = evaluate(expr.arg, row, scope);
			// CAST('yyyy-MM-dd HH:mm:ss' AS timestamp), UTC as Lake's eventtime is.
			return value === null ? null : Date.parse(`${String(value).replace(' ', 'T')}Z`);
		}

		case 'varchar': {
			const value = evaluate(expr.arg, row, scope);
			return value === null ? null : String(value);
		}
	}
}

/** Whether WHERE keeps the row: only TRUE does, NULL does not. */
export function keeps(where: Expr, row: TypedRow): boolean {
	return evaluate(where, row) === true;
}

function compare(op: string, left: string, right: string): boolean {
	switch (op) {
		case '=': {
			return left === right;
		}

		case '<>': {
			return left !== right;
		}

		case '<': {
			return left < right;
		}

		case '<=': {
			return left <= right;
		}

		case '>': {
			return left > right;
		}

		default: {
			return left >= right;
		}
	}
}

/** LIKE with ESCAPE '\': `%` any run, `_` one character, `\x` the character itself. */
function likeRegExp(pattern: string): RegExp {
	let source = '';
	for (let index = 0; index < pattern.length; index++) {
		const character = pattern[index]!;
		if (character === '\\' && index + 1 < pattern.length) {
			source += escapeRegExp(pattern[++index]!);
		} else if (character === '%') {
			source += '[\\s\\S]*';
		} else if (character === '_') {
			source += '[\\s\\S]';
		} else {
			source += escapeRegExp(character);
		}
	}

	return new RegExp(`^${source}$`, 'u');
}

function escapeRegExp(text: string): string {
	return text.replaceAll(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** Trino's json_extract_scalar for the `$.a.b` paths the compiler sends: scalars only, else NULL. */
function jsonScalar(json: unknown, path: unknown): unknown {
	if (json === null || typeof path !== 'string') {
		return null;
	}

	let value: unknown;
	try {
		value = JSON.parse(String(json));
	} catch {
		return null;
	}

	for (const segment of path.split('.').slice(1)) {
		value = isObject(value) && Object.hasOwn(value, segment) ? value[segment] : undefined;
	}

	if (typeof value === 'string') {
		return value;
	}

	return typeof value === 'number' || typeof value === 'boolean' ? JSON.stringify(value) : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
