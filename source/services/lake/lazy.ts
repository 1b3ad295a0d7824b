// Session.lakeFor(region) answers at once; the Lake service module (and its CloudTrail client with
// Lake's settings) loads on the first call that needs it, as archive/lazy.ts does for Athena: most
// sessions never open Lake. No @aws-sdk import here: service.ts is reached with `await import()`.
import type {LakeService} from '../../domain/archive/types.js';
import type {ClientOptions} from '../client.js';
import type {LakeErrorContext} from './errors.js';

export function lazyLakeService(options: ClientOptions & {errorContext?: LakeErrorContext}): LakeService {
	let loading: Promise<LakeService> | undefined;
	const load = async () => {
		loading ??= import('./service.js').then(module => module.lakeServiceFor(options));
		return loading;
	};

	return {
		region: options.region,
		async listEventDataStores(listOptions) {
			return (await load()).listEventDataStores(listOptions);
		},
		async *runQuery(statement, runOptions) {
			yield* (await load()).runQuery(statement, runOptions);
		},
	};
}
