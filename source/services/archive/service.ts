// The ArchiveService over the SDK (issue 16): Glue's catalog for discovery, Athena for queries.
// Only reached through dynamic import (see lazy.ts), so the Athena and Glue clients load when the
// archive is first used, not when trailview starts or connects.
import {AthenaClient, paginateListWorkGroups} from '@aws-sdk/client-athena';
import {GlueClient, paginateGetDatabases, paginateGetTables, type Table} from '@aws-sdk/client-glue';
import '../sdk-quiet.js';
import {isCloudTrailTable} from '../../domain/archive/discovery.js';
import type {ArchiveService, ArchiveTable} from '../../domain/archive/types.js';
import type {TrailviewError} from '../../domain/types.js';
import {commonClientConfig, type ClientOptions} from '../client.js';
import {serviceEndpoint} from '../endpoints.js';
import {toArchiveError, type ArchiveErrorContext} from './errors.js';
import {runArchiveQuery, type PollTiming} from './run-query.js';

export type ArchiveServiceOptions = {
	athena: AthenaClient;
	glue: GlueClient;
	region: string;
	errorContext?: ArchiveErrorContext;
	timing?: PollTiming;
};

/** Athena names the account's own Glue catalog so. */
const accountCatalog = 'AwsDataCatalog';

export function createArchiveService(options: ArchiveServiceOptions): ArchiveService {
	const {athena, glue, region} = options;
	const errorContext: ArchiveErrorContext = {...options.errorContext, region};
	const fail = (error: unknown, operation: string) => toArchiveError(error, {...errorContext, operation});
	return {
		region,

		async listTables({signal} = {}) {
			const tables: ArchiveTable[] = [];
			const skipped: TrailviewError[] = [];
			const databases: string[] = [];
			try {
				for await (const page of paginateGetDatabases({client: glue}, {}, {abortSignal: signal})) {
					databases.push(...(page.DatabaseList ?? []).flatMap(database => (database.Name ? [database.Name] : [])));
				}
			} catch (error) {
				throw fail(error, 'glue:GetDatabases');
			}

			for (const database of databases) {
				try {
					for await (const page of paginateGetTables({client: glue}, {DatabaseName: database}, {abortSignal: signal})) {
						tables.push(...(page.TableList ?? []).flatMap(table => toArchiveTable(table, database)).filter(table => isCloudTrailTable(table)));
					}
				} catch (error) {
					const mapped = fail(error, 'glue:GetTables');
					// Lake Formation often hides some databases from a role; the others can still hold the table.
					if (mapped.kind !== 'access-denied') {
						throw mapped;
					}

					skipped.push(mapped);
				}
			}

			if (tables.length === 0 && skipped.length > 0) {
				throw skipped[0]!;
			}

			return tables;
		},

		async listWorkGroups({signal} = {}) {
			const names: string[] = [];
			try {
				for await (const page of paginateListWorkGroups({client: athena}, {}, {abortSignal: signal})) {
					names.push(...(page.WorkGroups ?? []).flatMap(group => (group.Name ? [group.Name] : [])));
				}
			} catch (error) {
				throw fail(error, 'athena:ListWorkGroups');
			}

			return names;
		},

		runQuery(query, runOptions) {
			return runArchiveQuery({athena, catalog: accountCatalog, errorContext, ...(options.timing ? {timing: options.timing} : {})}, query, runOptions);
		},
	};
}

/** A Glue table as the domain sees it; views and resource links (no data of their own) are left out. */
function toArchiveTable(table: Table, database: string): ArchiveTable[] {
	if (!table.Name || table.TableType === 'VIRTUAL_VIEW' || table.TargetTable !== undefined) {
		return [];
	}

	const storage = table.StorageDescriptor;
	return [
		{
			catalog: accountCatalog,
			database: table.DatabaseName ?? database,
			name: table.Name,
			location: storage?.Location ?? undefined,
			serde: storage?.SerdeInfo?.SerializationLibrary ?? undefined,
			partitionKeys: (table.PartitionKeys ?? []).flatMap(key => (key.Name ? [key.Name.toLowerCase()] : [])),
			parameters: {...table.Parameters},
			...(storage?.Columns ? {columns: storage.Columns.flatMap(column => (column.Name ? [column.Name.toLowerCase()] : []))} : {}),
		},
	];
}

/** The service with its own clients, configured as the CloudTrail ones are (client.ts). */
export function archiveServiceFor(options: ClientOptions & {errorContext?: ArchiveErrorContext}): ArchiveService {
	const env = options.env ?? process.env;
	const common = commonClientConfig(options);
	const athenaEndpoint = serviceEndpoint(options.endpointUrl, env, 'ATHENA');
	const glueEndpoint = serviceEndpoint(options.endpointUrl, env, 'GLUE');
	return createArchiveService({
		athena: new AthenaClient({...common, ...(athenaEndpoint ? {endpoint: athenaEndpoint} : {})}),
		glue: new GlueClient({...common, ...(glueEndpoint ? {endpoint: glueEndpoint} : {})}),
		region: options.region,
		...(options.errorContext ? {errorContext: options.errorContext} : {}),
	});
}
