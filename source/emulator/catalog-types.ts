// The catalogue's shapes, apart from its data, so the catalogue can be split over several files
// without any of them importing each other in a circle.
import type {ActorKind} from './actors.js';
import type {Rng} from './prng.js';
import type {Resource} from './types.js';

export type Details = {
	resources: Resource[];
	request: Record<string, unknown> | null;
	response: Record<string, unknown> | null;
};

export type Names = {
	accountId: string;
	region: string;
	buckets: string[];
	instances: string[];
	securityGroups: string[];
	functions: string[];
	roles: string[];
	users: string[];
	keys: string[];
	distributions: string[];
	trails: string[];
};

export type Template = {
	source: string;
	name: string;
	readOnly: boolean;
	weight: number;
	/** IAM, STS, CloudFront and sign-in events are recorded in us-east-1 only. */
	global?: boolean;
	eventType?: 'AwsApiCall' | 'AwsConsoleSignIn' | 'AwsServiceEvent';
	/** Who may perform it; default: every actor but AWS services. */
	actors?: readonly ActorKind[];
	/** A data event (S3 object calls): only trails with data event selectors record it; LookupEvents never shows it. */
	dataEvent?: boolean;
	/** Error codes a failed call of this kind records. */
	errors?: readonly string[];
	details?: (rng: Rng, names: Names) => Details;
};
