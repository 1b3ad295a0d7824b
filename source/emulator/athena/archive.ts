// Everything behind the Athena and Glue endpoints: the Glue catalogs, the archive's index, the
// query executions, and DuckDB, which is loaded (and the engine opened) on the first Athena call
// that needs it, never before.
import type {EventStore} from '../event-store.js';
import type {ArchiveStats, AthenaOptions, LakeOptions} from '../types.js';
import {GlueCatalog} from '../glue/catalog.js';
import {ArchiveIndex} from './archive-index.js';
import {importDuckDb, loadDuckDb, type DuckLoader} from './duckdb.js';
import {ArchiveEngine} from './engine.js';
import {Executions} from './executions.js';
import {lakeExecutions, type LakeRequest} from '../lake/executions.js';


export class Archive {
	readonly glue: GlueCatalog;
	readonly index: ArchiveIndex;
	readonly executions: Executions;
	/** CloudTrail Lake's queries, over the same records. */
	readonly lake: Executions<LakeRequest>;
	private engine: Promise<ArchiveEngine | Error> | undefined;
	private readonly loader: DuckLoader;

	constructor(store: EventStore, readonly dataNow: Date, clock: () => Date, options: AthenaOptions = {}, lake: LakeOptions = {}) {
		this.index = new ArchiveIndex(store, dataNow);
		this.glue = new GlueCatalog(dataNow, this.index.accounts());
		this.executions = new Executions(
			{queuedMs: options.queuedMs ?? 100, minRunMs: options.minRunMs ?? 300, concurrentQueries: options.concurrentQueries ?? 5},
			clock,
		);
		this.lake = lakeExecutions({queuedMs: options.queuedMs, minRunMs: options.minRunMs, ...lake}, clock);
		this.loader = options.loadDuckDb ?? importDuckDb;
	}

	/** The engine, or the Error saying why there is none (DuckDB missing); loads it on first use. */
	open(): Promise<ArchiveEngine | Error> {
		this.engine ??= loadDuckDb(this.loader).then(async module =>
			module instanceof Error ? module : ArchiveEngine.open(module, this.index).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
		);
		return this.engine;
	}

	/** Undefined until the first query opened the engine. */
	async stats(): Promise<ArchiveStats | undefined> {
		const engine = await this.engine;
		return engine instanceof ArchiveEngine ? engine.stats() : undefined;
	}

	async close(): Promise<void> {
		this.executions.close();
		this.lake.close();
		const engine = await this.engine;
		if (engine instanceof ArchiveEngine) {
			await engine.close();
		}
	}
}
