// Each account+region's Glue Data Catalog: databases and tables, with the demo's initial ones,
// plus the tables CREATE EXTERNAL TABLE registers through Athena. Also says which DuckDB views
// stand for those tables (athena/views.ts).
import {scopeFor} from './locations.js';
import {initialTables, type GlueTable} from './tables.js';
import type {ArchiveView} from '../athena/views.js';

type Database = {name: string; description: string; createdAt: Date};
type CatalogState = {databases: Map<string, Database>; tables: Map<string, GlueTable>};

const tableKey = (database: string, name: string): string => `${database}.${name}`;

export class GlueCatalog {
	private readonly catalogs = new Map<string, CatalogState>();

	constructor(
		private readonly dataNow: Date,
		private readonly accounts: readonly string[],
	) {}

	private catalog(accountId: string, region: string): CatalogState {
		const key = `${accountId}/${region}`;
		let state = this.catalogs.get(key);
		if (!state) {
			const createdAt = new Date(this.dataNow.getTime() - 400 * 86_400_000);
			const tables = initialTables(accountId, region, this.dataNow, this.accounts);
			const databases = new Map<string, Database>([['default', {name: 'default', description: 'Default Hive database', createdAt}]]);
			for (const table of tables) {
				if (!databases.has(table.database)) {
					databases.set(table.database, {name: table.database, description: '', createdAt});
				}
			}

			state = {databases, tables: new Map(tables.map(table => [tableKey(table.database, table.name), table]))};
			this.catalogs.set(key, state);
		}

		return state;
	}

	databases(accountId: string, region: string): Database[] {
		return [...this.catalog(accountId, region).databases.values()].sort((a, b) => a.name.localeCompare(b.name));
	}

	hasDatabase(accountId: string, region: string, database: string): boolean {
		return this.catalog(accountId, region).databases.has(database);
	}

	/** Tables of a database, by name; undefined when there is no such database. */
	tables(accountId: string, region: string, database: string): GlueTable[] | undefined {
		const state = this.catalog(accountId, region);
		if (!state.databases.has(database)) {
			return undefined;
		}

		return [...state.tables.values()].filter(table => table.database === database).sort((a, b) => a.name.localeCompare(b.name));
	}

	table(accountId: string, region: string, database: string, name: string): GlueTable | undefined {
		return this.catalog(accountId, region).tables.get(tableKey(database, name));
	}

	/** Registers a table; false when one of that name exists already. */
	create(accountId: string, region: string, table: GlueTable): boolean {
		const state = this.catalog(accountId, region);
		const key = tableKey(table.database, table.name);
		if (state.tables.has(key)) {
			return false;
		}

		state.tables.set(key, table);
		return true;
	}

	/** The DuckDB views for this account+region's tables. */
	views(accountId: string, region: string): {databases: string[]; views: ArchiveView[]} {
		const state = this.catalog(accountId, region);
		return {
			databases: [...state.databases.keys()],
			views: [...state.tables.values()].map(table => ({
				database: table.database,
				name: table.name,
				columns: table.columns.map(column => column.Name),
				partitionKeys: table.partitionKeys.map(column => column.Name),
				scope: scopeFor(table.location, table.parameters, this.dataNow),
			})),
		};
	}
}
