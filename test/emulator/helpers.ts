// Real SDK clients pointed at an emulator, with retries off so every error surfaces as sent.
import {AthenaClient, GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand, type QueryExecution} from '@aws-sdk/client-athena';
import {CloudTrailClient} from '@aws-sdk/client-cloudtrail';
import {GlueClient} from '@aws-sdk/client-glue';
import {STSClient} from '@aws-sdk/client-sts';
import type {DemoAccount, Emulator} from '../../source/emulator/index.js';

export const fixedNow = new Date('2025-06-01T12:00:00Z');

export function demoAccount(emulator: Emulator, label: string): DemoAccount {
	const account = emulator.accounts.find(candidate => candidate.label === label);
	if (!account) {
		throw new Error(`no demo account ${label}`);
	}

	return account;
}

export type ClientCredentials = {accessKeyId: string; secretAccessKey: string; sessionToken?: string};

export function credentialsOf(account: DemoAccount): ClientCredentials {
	return {accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey, sessionToken: account.sessionToken};
}

export function cloudTrail(
	emulator: Emulator,
	who: string | ClientCredentials = 'demo-prod',
	region = 'us-east-1',
): CloudTrailClient {
	const credentials = typeof who === 'string' ? credentialsOf(demoAccount(emulator, who)) : who;
	return new CloudTrailClient({endpoint: emulator.endpoint, region, credentials, maxAttempts: 1});
}

export function sts(emulator: Emulator, who: string | ClientCredentials = 'demo-prod', region = 'us-east-1'): STSClient {
	const credentials = typeof who === 'string' ? credentialsOf(demoAccount(emulator, who)) : who;
	return new STSClient({endpoint: emulator.endpoint, region, credentials, maxAttempts: 1});
}

/** The rejection of `promise`, failing the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & {name: string; $metadata?: {httpStatusCode?: number}}> {
	try {
		await promise;
	} catch (error: unknown) {
		if (error instanceof Error) {
			return error as Error & {$metadata?: {httpStatusCode?: number}};
		}

		throw new Error(`rejected with a non-Error: ${String(error)}`);
	}

	throw new Error('expected the call to fail, but it succeeded');
}

export function athena(emulator: Emulator, who: string | ClientCredentials = 'demo-prod', region = 'us-east-1'): AthenaClient {
	const credentials = typeof who === 'string' ? credentialsOf(demoAccount(emulator, who)) : who;
	return new AthenaClient({endpoint: emulator.endpoint, region, credentials, maxAttempts: 1});
}

export function glue(emulator: Emulator, who: string | ClientCredentials = 'demo-prod', region = 'us-east-1'): GlueClient {
	const credentials = typeof who === 'string' ? credentialsOf(demoAccount(emulator, who)) : who;
	return new GlueClient({endpoint: emulator.endpoint, region, credentials, maxAttempts: 1});
}

const finished = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** Polls GetQueryExecution until `done` holds (by default: the query finished), for up to 20 s. */
export async function waitForQuery(client: AthenaClient, id: string, done = (execution: QueryExecution) => finished.has(execution.Status?.State ?? '')): Promise<QueryExecution> {
	const deadline = Date.now() + 20_000;
	for (;;) {
		const {QueryExecution: execution} = await client.send(new GetQueryExecutionCommand({QueryExecutionId: id}));
		if (execution && done(execution)) {
			return execution;
		}

		if (Date.now() > deadline) {
			throw new Error(`query ${id} still ${execution?.Status?.State ?? 'unknown'} after 20 s`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
	}
}

export type QueryRun = {id: string; execution: QueryExecution; header: string[]; rows: Array<Array<string | undefined>>};

/** Runs a statement to the end and reads every result page (the header row apart). */
export async function runQuery(client: AthenaClient, sql: string, parameters?: string[], options: {workGroup?: string; database?: string; pageSize?: number} = {}): Promise<QueryRun> {
	const {QueryExecutionId: id = ''} = await client.send(
		new StartQueryExecutionCommand({
			QueryString: sql,
			...(parameters ? {ExecutionParameters: parameters} : {}),
			WorkGroup: options.workGroup ?? 'primary',
			QueryExecutionContext: {Database: options.database ?? 'default', Catalog: 'AwsDataCatalog'},
		}),
	);
	const execution = await waitForQuery(client, id);
	if (execution.Status?.State !== 'SUCCEEDED') {
		return {id, execution, header: [], rows: []};
	}

	const rows: Array<Array<string | undefined>> = [];
	let header: string[] = [];
	let token: string | undefined;
	do {
		const page = await client.send(new GetQueryResultsCommand({QueryExecutionId: id, MaxResults: options.pageSize ?? 1000, NextToken: token}));
		const values = (page.ResultSet?.Rows ?? []).map(row => (row.Data ?? []).map(datum => datum.VarCharValue));
		if (token === undefined) {
			header = (values.shift() ?? []).map(value => value ?? '');
		}

		rows.push(...values);
		token = page.NextToken;
	} while (token);

	return {id, execution, header, rows};
}
