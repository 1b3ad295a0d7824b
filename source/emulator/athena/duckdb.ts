// DuckDB, loaded only when the archive is first queried. It is an optional dependency with native
// code; where it could not be installed the archive is unavailable and everything else still works.
// The shapes below are the few parts of @duckdb/node-api the emulator uses, written out so the
// emulator type-checks (and its bundle builds) without the package.

export type DuckType = {readonly typeId: number; toString(): string};

export type DuckReader = {
	columnNames(): string[];
	columnTypes(): DuckType[];
	getRowsJS(): unknown[][];
	/** Values in DuckDB's JSON form: big integers and decimals as exact strings. */
	getRowsJson(): unknown[][];
};

export type DuckPrepared = {
	readonly statementType: number;
	readonly parameterCount: number;
	bind(values: unknown[]): void;
	runAndReadAll(): Promise<DuckReader>;
	destroySync(): void;
};

export type DuckAppender = {
	appendVarchar(value: string): void;
	endRow(): void;
	closeSync(): void;
};

export type DuckConnection = {
	run(sql: string, values?: unknown[]): Promise<unknown>;
	runAndReadAll(sql: string, values?: unknown[]): Promise<DuckReader>;
	prepare(sql: string): Promise<DuckPrepared>;
	createAppender(table: string): Promise<DuckAppender>;
	interrupt(): void;
	closeSync(): void;
};

export type DuckInstance = {connect(): Promise<DuckConnection>; closeSync(): void};

export type DuckModule = {
	DuckDBInstance: {create(path?: string, options?: Record<string, string>): Promise<DuckInstance>};
};

/** Loads the module; the emulator option lets a test stand in one that fails. */
export type DuckLoader = () => Promise<unknown>;

export const duckDbMissing = "archive unavailable in this emulator: the emulator's archive needs DuckDB, which is not installed (npm install @duckdb/node-api)";

// A name in a variable: bundlers leave the import to run time, where the package (with its native
// binding) resolves from node_modules or fails cleanly.
const packageName = '@duckdb/node-api';

export const importDuckDb: DuckLoader = async () => import(packageName);

/** DuckDB's statement type for SELECT (enums.d.ts: StatementType.SELECT). */
export const selectStatement = 1;

function isDuckModule(value: unknown): value is DuckModule {
	const instance = (value as {DuckDBInstance?: {create?: unknown}} | undefined)?.DuckDBInstance;
	return typeof instance?.create === 'function';
}

/** The module, or an Error saying why there is none. */
export async function loadDuckDb(loader: DuckLoader): Promise<DuckModule | Error> {
	try {
		const loaded = await loader();
		return isDuckModule(loaded) ? loaded : new Error(duckDbMissing);
	} catch {
		return new Error(duckDbMissing);
	}
}
