// The archive in DuckDB: one table of records in the Athena CloudTrail schema, filled partition by
// partition as queries touch them, one table listing every partition (for pruning), the Trino
// macros, and per calling account+region a catalog whose views are that account's Glue tables;
// for CloudTrail Lake, a view per event data store over the same records, and the time of every
// event (lake/pruning.ts decides from them which days a statement scans).
// The SQL a caller sends only ever reads; file access is switched off before it can run.
import {performance} from 'node:perf_hooks';
import type {ArchiveStats} from '../types.js';
import {partitionKey, type ArchiveIndex, type PartitionRef} from './archive-index.js';
import type {StoredEvent} from '../types.js';
import type {DuckAppender, DuckConnection, DuckInstance, DuckModule} from './duckdb.js';
import {macros} from './macros.js';
import {recordStructure, renamingSelect} from './schema.js';
import {viewSql, type ArchiveView} from './views.js';
import {lakeViewStatements} from '../lake/views.js';

/**
 * gzip -6 of the demo's partitions averages 10.8 % of their JSON (measured over 300 partitions of
 * the default data set); DataScannedInBytes reports what CloudTrail's gzipped files would weigh.
 */
const gzipRatio = 0.108;
/**
 * Records appended and inserted at a time: DuckDB reads one chunk while the next is built here,
 * and status polls are answered in between.
 */
const chunkRecords = 2000;
/** `{"Records":[` and `]}` around a file's records. */
const fileOverhead = 14;

type Built = {count: number; bytes: number; managementBytes: number};


const quoteLiteral = (text: string): string => `'${text.replaceAll("'", "''")}'`;

export class ArchiveEngine {
	private readonly built = new Map<string, Built>();
	private queue: Promise<unknown> = Promise.resolve();
	private partitionsRevision = Number.NaN;
	private timesRevision = Number.NaN;
	private all: PartitionRef[] = [];
	private readonly catalogs = new Map<string, string>();
	private readonly totals = {recordsBuilt: 0, buildMs: 0, rawBytes: 0};

	private constructor(
		private readonly instance: DuckInstance,
		private readonly admin: DuckConnection,
		/** Appends to the staging tables while `admin` inserts the previous chunk. */
		private readonly loader: DuckConnection,
		private readonly index: ArchiveIndex,
	) {}

	static async open(module: DuckModule, index: ArchiveIndex): Promise<ArchiveEngine> {
		const instance = await module.DuckDBInstance.create(':memory:');
		const admin = await instance.connect();
		const columns = renamingSelect('r');
		await admin.run('CREATE TABLE __staging0 (j VARCHAR, p VARCHAR)');
		await admin.run('CREATE TABLE __staging1 (j VARCHAR, p VARCHAR)');
		await admin.run(
			`CREATE TABLE __records AS SELECT ${columns}, '' AS account, '' AS region, '' AS "timestamp" ` +
				`FROM (SELECT json_transform('{}', ${quoteLiteral(recordStructure())}) AS r) WHERE false`,
		);
		await admin.run('CREATE TABLE __partitions (account VARCHAR, region VARCHAR, "timestamp" VARCHAR)');
		for (const macro of macros) {
			await admin.run(macro);
		}

		for (const statement of lakeViewStatements()) {
			await admin.run(statement);
		}

		await admin.run('CREATE TABLE __event_times (account VARCHAR, region VARCHAR, "timestamp" VARCHAR, t VARCHAR)');
		await admin.run('CREATE VIEW __lake_times AS SELECT account, region, "timestamp", CAST(t AS TIMESTAMP) AS eventtime FROM __event_times');

		// No reading or writing files, no extensions: the caller's SQL sees only the archive.
		await admin.run('SET enable_external_access = false');
		return new ArchiveEngine(instance, admin, await instance.connect(), index);
	}

	/** One change to the archive at a time (DuckDB DDL, appends, catalog sync). */
	private exclusive<T>(work: () => Promise<T>): Promise<T> {
		const next = this.queue.then(work, work);
		this.queue = next.catch(() => undefined);
		return next;
	}

	/** Every partition with records, __partitions kept in step with added events. */
	partitions(): Promise<PartitionRef[]> {
		return this.exclusive(async () => {
			if (this.partitionsRevision !== this.index.revision) {
				this.partitionsRevision = this.index.revision;
				this.all = this.index.partitions();
				await this.admin.run('DELETE FROM __partitions');
				const appender = await this.admin.createAppender('__partitions');
				for (const ref of this.all) {
					appender.appendVarchar(ref.account);
					appender.appendVarchar(ref.region);
					appender.appendVarchar(ref.day);
					appender.endRow();
				}

				appender.closeSync();
			}

			return this.all;
		});
	}

	/**
	 * Every event's time (and its partition) in __event_times, kept in step with added events.
	 * Read from the index, which knows event times without building a single record.
	 */
	eventTimes(): Promise<void> {
		return this.exclusive(async () => {
			if (this.timesRevision === this.index.revision) {
				return;
			}

			this.timesRevision = this.index.revision;
			await this.admin.run('DELETE FROM __event_times');
			const appender = await this.admin.createAppender('__event_times');
			for (const ref of this.index.partitions()) {
				const {management, data} = this.index.records(ref);
				for (const event of [...management, ...data]) {
					appender.appendVarchar(ref.account);
					appender.appendVarchar(ref.region);
					appender.appendVarchar(ref.day);
					appender.appendVarchar(new Date(event.timeMs).toISOString().slice(0, 19).replace('T', ' '));
					appender.endRow();
				}
			}

			appender.closeSync();
		});
	}

	/** Builds the partitions not built yet (or changed by added events since). */
	ensure(refs: readonly PartitionRef[]): Promise<void> {
		return this.exclusive(async () => {
			const started = performance.now();
			let pending = 0;
			let table = 0;
			let inserting: Promise<void> = Promise.resolve();
			let appender = await this.loader.createAppender(`__staging${table}`);
			for (const ref of refs) {
				const key = partitionKey(ref);
				const {management, data} = this.index.records(ref);
				const before = this.built.get(key);
				if (before?.count === management.length + data.length) {
					continue;
				}

				if (before) {
					await inserting;
					await this.admin.run('DELETE FROM __records WHERE account = $1 AND region = $2 AND "timestamp" = $3', [ref.account, ref.region, ref.day]);
				}

				const built = this.stage(management, data, key, appender);
				this.built.set(key, built);
				this.totals.rawBytes += built.bytes - (before?.bytes ?? 0);
				this.totals.recordsBuilt += built.count - (before?.count ?? 0);
				pending += built.count;
				if (pending >= chunkRecords) {
					appender.closeSync();
					await inserting;
					inserting = this.insertStaged(table);
					table = 1 - table;
					pending = 0;
					appender = await this.loader.createAppender(`__staging${table}`);
				}
			}

			appender.closeSync();
			await inserting;
			if (pending > 0) {
				await this.insertStaged(table);
			}

			this.totals.buildMs += performance.now() - started;
		});
	}

	/** Appends the partition's records to a staging table, and counts their bytes. */
	private stage(management: readonly StoredEvent[], data: readonly StoredEvent[], key: string, appender: DuckAppender): Built {
		const count = management.length + data.length;
		const built: Built = {count, bytes: count === 0 ? 0 : fileOverhead, managementBytes: management.length === 0 ? 0 : fileOverhead};
		for (const [events, isData] of [[management, false], [data, true]] as const) {
			for (const event of events) {
				const json = event.cloudTrailEvent();
				appender.appendVarchar(json);
				appender.appendVarchar(key);
				appender.endRow();
				built.bytes += json.length + 1;
				built.managementBytes += isData ? 0 : json.length + 1;
			}
		}

		return built;
	}

	private async insertStaged(table: number): Promise<void> {
		await this.admin.run(
			`INSERT INTO __records SELECT ${renamingSelect('r')}, split_part(p, '|', 1), split_part(p, '|', 2), split_part(p, '|', 3) ` +
				`FROM (SELECT json_transform(j, ${quoteLiteral(recordStructure())}) AS r, p FROM __staging${table})`,
		);
		await this.admin.run(`DELETE FROM __staging${table}`);
	}

	/** Bytes CloudTrail's gzipped files of a built partition weigh (management events only for trails without data events). */
	bytes(ref: PartitionRef, managementOnly: boolean): number {
		const built = this.built.get(partitionKey(ref));
		return built ? Math.round((managementOnly ? built.managementBytes : built.bytes) * gzipRatio) : 0;
	}

	/** Records of a built partition. */
	count(ref: PartitionRef): number {
		return this.built.get(partitionKey(ref))?.count ?? 0;
	}

	/** Makes `catalog` hold exactly these views (one schema per Glue database). */
	syncCatalog(catalog: string, databases: readonly string[], views: readonly ArchiveView[]): Promise<void> {
		const signature = JSON.stringify([databases, views]);
		if (this.catalogs.get(catalog) === signature) {
			return Promise.resolve();
		}

		return this.exclusive(async () => {
			if (!this.catalogs.has(catalog)) {
				await this.admin.run(`ATTACH ':memory:' AS "${catalog}"`);
			}

			for (const database of databases) {
				await this.admin.run(`CREATE SCHEMA IF NOT EXISTS "${catalog}"."${database}"`);
			}

			for (const view of views) {
				await this.admin.run(viewSql(catalog, view));
			}

			this.catalogs.set(catalog, signature);
		});
	}

	/** A connection of its own for one query: unqualified names resolve in `database` of `catalog`. */
	async connect(catalog: string, database: string): Promise<DuckConnection> {
		const connection = await this.instance.connect();
		await connection.run(`SET search_path = '${catalog}.${database},memory.main'`);
		// Trino divides integers as integers (7 / 2 is 3); DuckDB's `/` would give 3.5.
		await connection.run('SET integer_division = true');
		return connection;
	}

	/**
	 * A connection for one CloudTrail Lake statement: unqualified names resolve among the stores'
	 * relations (then the macros' schema); lake/statement.ts refuses any other relation.
	 */
	async connectLake(): Promise<DuckConnection> {
		const connection = await this.instance.connect();
		await connection.run("SET search_path = 'memory.lake,memory.main'");
		await connection.run('SET integer_division = true');
		return connection;
	}

	stats(): ArchiveStats {
		return {partitions: this.all.length, partitionsBuilt: this.built.size, ...this.totals};
	}

	async close(): Promise<void> {
		await this.queue;
		this.loader.closeSync();
		this.admin.closeSync();
		this.instance.closeSync();
	}
}
