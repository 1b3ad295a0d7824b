// Session.archiveFor(region) answers at once; the Athena and Glue SDK clients load on the first
// call that needs them. Most sessions never open the archive, and connecting should not wait for
// two more SDK clients to load. No @aws-sdk import here: service.ts is reached with `await import()`.
import type {ArchiveService} from '../../domain/archive/types.js';
import type {ClientOptions} from '../client.js';
import type {ArchiveErrorContext} from './errors.js';

export function lazyArchiveService(options: ClientOptions & {errorContext?: ArchiveErrorContext}): ArchiveService {
	let loading: Promise<ArchiveService> | undefined;
	const load = async () => {
		loading ??= import('./service.js').then(module => module.archiveServiceFor(options));
		return loading;
	};

	return {
		region: options.region,
		async listTables(listOptions) {
			return (await load()).listTables(listOptions);
		},
		async listWorkGroups(listOptions) {
			return (await load()).listWorkGroups(listOptions);
		},
		async *runQuery(query, runOptions) {
			yield* (await load()).runQuery(query, runOptions);
		},
	};
}
