// Inline IAM policies as CloudTrail records them: requestParameters.policyDocument is the document
// the caller sent, as a string. The console and `--policy-document file://…` send it pretty-printed
// (newlines and all), SDK code often compact, and some records carry it URL-encoded, so the
// emulator sends all three. Several statements, so reading one to its end takes scrolling.
import {pick, type Rng} from './prng.js';

/** The part of catalog.ts's Names a policy refers to (catalog.ts imports this file). */
type Names = {accountId: string; region: string; buckets: readonly string[]; roles: readonly string[]};

/** The statement every document ends with: what a test (or a person) looks for at the end. */
export const lastStatement = {
	Sid: 'DenyTrailTampering',
	Effect: 'Deny',
	Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'cloudtrail:UpdateTrail'],
	Resource: '*',
} as const;

export type PolicyEncoding = 'pretty' | 'compact' | 'url';

function statements(rng: Rng, n: Names): Array<Record<string, unknown>> {
	const bucket = pick(rng, n.buckets);
	const pool: Array<Record<string, unknown>> = [
		{Sid: 'ReadAppAssets', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`]},
		{Sid: 'WriteAppLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `arn:aws:logs:${n.region}:${n.accountId}:log-group:/app/*`},
		{Sid: 'PassDeployRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${n.accountId}:role/${pick(rng, n.roles)}`},
		{
			Sid: 'ReadSecretsWithMfa',
			Effect: 'Allow',
			Action: 'secretsmanager:GetSecretValue',
			Resource: `arn:aws:secretsmanager:${n.region}:${n.accountId}:secret:app/*`,
			Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}},
		},
	];
	// Two to four of them, in order, then the deny.
	const count = 2 + Math.floor(rng() * 3);
	const start = Math.floor(rng() * (pool.length - count + 1));
	return [...pool.slice(start, start + count), lastStatement];
}

/** A PutUserPolicy's policyName and policyDocument, the document encoded as `encoding` (drawn when not given). */
export function userPolicy(rng: Rng, n: Names, encoding?: PolicyEncoding): {policyName: string; policyDocument: string} {
	const policyName = pick(rng, ['deploy-inline', 'app-access', 'ci-permissions']);
	const document = {Version: '2012-10-17', Statement: statements(rng, n)};
	const how = encoding ?? pick(rng, ['pretty', 'pretty', 'compact', 'url'] as const);
	const pretty = JSON.stringify(document, null, 4);
	const policyDocument = how === 'compact' ? JSON.stringify(document) : how === 'url' ? encodeURIComponent(pretty) : pretty;
	return {policyName, policyDocument};
}
