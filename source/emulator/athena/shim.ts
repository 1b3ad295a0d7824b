// The few places where the Trino SQL trailview emits is not DuckDB SQL, rewritten token by token
// (strings, quoted names and comments are never touched). Everything else is DuckDB's own parser
// and engine; functions that only differ in name or detail are DuckDB macros (macros.ts).
//
//   any_match(xs, r -> p)    -> trino_any_match(list_transform(xs, lambda r: p))
//   r -> p  /  (r) -> p      -> lambda r: p         (DuckDB deprecates the arrow for lambdas)
//   element_at(xs, i)        -> trino_element_at(xs, i)   (DuckDB's element_at is for maps)
//   awsdatacatalog.          -> the calling account+region's catalog
//   default.                 -> "default"           (a reserved word in DuckDB)
//   FROM/JOIN <store id>     -> the Lake view for it (CloudTrail Lake only: `tables` given)
//
// A map from the rewritten text back to the original lets errors point at what the caller wrote.

type TokenKind = 'space' | 'comment' | 'string' | 'quoted' | 'word' | 'number' | 'op';
export type Token = {kind: TokenKind; text: string; start: number};

const patterns: Array<[TokenKind, RegExp]> = [
	['space', /\s+/y],
	['comment', /--[^\n]*|\/\*[\s\S]*?(\*\/|$)/y],
	['string', /'(?:[^']|'')*('|$)/y],
	['quoted', /"(?:[^"]|"")*("|$)/y],
	['word', /[A-Za-z_][A-Za-z0-9_$]*/y],
	['number', /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y],
	['op', /->>|->|<=|>=|<>|!=|\|\||::|=>|[\s\S]/y],
];

export function tokenize(sql: string): Token[] {
	const tokens: Token[] = [];
	let position = 0;
	while (position < sql.length) {
		for (const [kind, pattern] of patterns) {
			pattern.lastIndex = position;
			const match = pattern.exec(sql);
			if (match && match[0].length > 0) {
				tokens.push({kind, text: match[0], start: position});
				position += match[0].length;
				break;
			}
		}
	}

	return tokens;
}

type Piece = {text: string; src: number; verbatim: boolean};

export type Rewritten = {
	sql: string;
	/** Bare names after FROM or JOIN, as written (only when `tables` was given). */
	tables: string[];
	/** `?` placeholders in the statement. */
	placeholders: number;
	/** Offset in the original text for an offset in the rewritten one. */
	original(offset: number): number;
};

const isWord = (token: Token | undefined, word: string): boolean =>
	token !== undefined && (token.kind === 'word' || token.kind === 'quoted') && unquote(token).toLowerCase() === word;

function unquote(token: Token): string {
	return token.kind === 'quoted' ? token.text.slice(1, -1).replaceAll('""', '"') : token.text;
}

/**
 * An event data store id (the last segment of its ARN: letters, digits and hyphens, as AWS writes
 * it unquoted after FROM). Hyphens and a leading digit split it into several tokens, so it is
 * read from the text itself.
 */
const bareName = /[A-Za-z0-9_][A-Za-z0-9_-]*/y;

/** For CloudTrail Lake: the SQL standing for a bare name after FROM/JOIN, or undefined to keep it. */
export type TableNames = (name: string) => string | undefined;

/**
 * Rewrites `sql` for DuckDB; `catalog` is the DuckDB catalog standing for awsdatacatalog, and
 * `tables` (CloudTrail Lake) replaces the bare names after FROM and JOIN.
 */
export function rewrite(sql: string, catalog: string, tables?: TableNames): Rewritten {
	const all = tokenize(sql);
	const pieces: Piece[] = [];
	// Indexes of significant tokens, so "followed by" skips spaces and comments.
	const significant = all.map((token, index) => ({token, index})).filter(({token}) => token.kind !== 'space' && token.kind !== 'comment');
	const positions = new Map<number, number>(significant.map(({index}, position) => [index, position]));
	const after = (index: number, offset = 1): Token | undefined => significant[(positions.get(index) ?? Number.NaN) + offset]?.token;

	let depth = 0;
	const closers: number[] = [];
	let placeholders = 0;
	const names: string[] = [];
	const emit = (text: string, src: number, verbatim = false) => pieces.push({text, src, verbatim});
	for (let index = 0; index < all.length; index++) {
		const token = all[index]!;
		const following = after(index);
		if (token.kind === 'op' && token.text === '?') {
			placeholders++;
		}

		// `x IS DISTINCT FROM y` compares values; every other FROM or JOIN names a relation.
		const relation = (isWord(token, 'from') && !isWord(after(index, -1), 'distinct')) || isWord(token, 'join');
		const target = tables && relation && following && following.kind !== 'quoted' ? bareAt(sql, following.start) : undefined;
		if (target !== undefined && tables && following) {
			emit(token.text, token.start, true);
			for (index++; all[index] !== following; index++) {
				emit(all[index]!.text, all[index]!.start, true);
			}

			names.push(target);
			const end = following.start + target.length;
			// A qualified name (memory.main.x) is no store id: left for the checks after parsing.
			const replacement = sql[end] === '.' ? undefined : tables(target);
			emit(replacement ?? target, following.start, replacement === undefined);
			while (all[index + 1] && all[index + 1]!.start < end) {
				index++;
			}

			const last = all[index]!;
			if (last.start + last.text.length > end) {
				emit(sql.slice(end, last.start + last.text.length), end, true);
			}

			continue;
		}

		if (isWord(token, 'any_match') && following?.text === '(') {
			emit('trino_any_match(list_transform', token.start);
			closers.push(depth + 1);
			continue;
		}

		if (isWord(token, 'element_at') && following?.text === '(') {
			emit('trino_element_at', token.start);
			continue;
		}

		if (token.kind === 'word' && following?.text === '->') {
			emit(`lambda ${token.text}:`, token.start);
			index = all.indexOf(following);
			continue;
		}

		if (token.text === '(' && after(index)?.kind === 'word' && after(index, 2)?.text === ')' && after(index, 3)?.text === '->') {
			const name = after(index)!;
			emit(`lambda ${name.text}:`, token.start);
			index = all.indexOf(after(index, 3)!);
			continue;
		}

		if (following?.text === '.' && isWord(token, 'awsdatacatalog')) {
			emit(`"${catalog}"`, token.start);
			continue;
		}

		if (following?.text === '.' && token.kind === 'word' && token.text.toLowerCase() === 'default') {
			emit('"default"', token.start);
			continue;
		}

		if (token.text === '(') {
			depth++;
		}

		if (token.text === ')') {
			if (closers.at(-1) === depth) {
				closers.pop();
				emit('))', token.start);
				depth--;
				continue;
			}

			depth--;
		}

		emit(token.text, token.start, true);
	}

	return {sql: pieces.map(piece => piece.text).join(''), tables: names, placeholders, original: originalOffset(pieces)};
}

function bareAt(sql: string, start: number): string | undefined {
	bareName.lastIndex = start;
	return bareName.exec(sql)?.[0];
}

function originalOffset(pieces: readonly Piece[]): (offset: number) => number {
	const starts: number[] = [];
	let out = 0;
	for (const piece of pieces) {
		starts.push(out);
		out += piece.text.length;
	}

	return offset => {
		let low = 0;
		let high = pieces.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if (starts[middle]! <= offset) {
				low = middle;
			} else {
				high = middle - 1;
			}
		}

		const piece = pieces[low];
		if (!piece) {
			return 0;
		}

		const within = offset - starts[low]!;
		return piece.verbatim ? piece.src + Math.min(within, piece.text.length) : piece.src;
	};
}

/** 1-based line and column of an offset, as Trino's messages give them (`line 1:15`). */
export function lineColumn(sql: string, offset: number): string {
	const before = sql.slice(0, Math.max(0, Math.min(offset, sql.length)));
	const lines = before.split('\n');
	return `${lines.length}:${(lines.at(-1)?.length ?? 0) + 1}`;
}
