// Lake's CloudTrail client through the SDK's real pipeline, against a local endpoint that answers
// like the service: the endpoint override, signing, the awsJson1_1 target and the lazy load.
import {createServer, type IncomingMessage, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {lazyLakeService} from '../../source/services/lake/lazy.js';

const credentials = {accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'};
let server: Server;
let endpoint: string;
const seen: Array<{target: string | undefined; authorization: boolean; body: unknown}> = [];

async function readBody(request: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) {
		chunks.push(chunk as Buffer);
	}

	return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown;
}

beforeAll(async () => {
	server = createServer(async (request, response) => {
		const target = request.headers['x-amz-target'] as string | undefined;
		seen.push({target, authorization: typeof request.headers.authorization === 'string', body: await readBody(request)});
		const answers: Record<string, unknown> = {
			'CloudTrail_20131101.ListEventDataStores': {EventDataStores: [{EventDataStoreArn: 'arn:aws:cloudtrail:eu-west-1:111111111111:eventdatastore/eds-1', Name: 'all', Status: 'ENABLED'}]},
			'CloudTrail_20131101.StartQuery': {QueryId: 'q-1'},
			'CloudTrail_20131101.DescribeQuery': {QueryId: 'q-1', QueryStatus: 'FINISHED', QueryStatistics: {BytesScanned: 42}},
			'CloudTrail_20131101.GetQueryResults': {QueryStatus: 'FINISHED', QueryResultRows: [[{eventid: 'e1'}, {eventname: 'PutObject'}]]},
		};
		const answer = target === undefined ? undefined : answers[target];
		response.writeHead(answer === undefined ? 400 : 200, {'content-type': 'application/x-amz-json-1.1'});
		response.end(JSON.stringify(answer ?? {__type: 'InvalidParameterException', Message: `unexpected ${target}`}));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise(resolve => server.close(resolve));
});

describe('Lake client', () => {
	it('loads on first use and talks to the endpoint override, signed, over awsJson1_1', async () => {
		const lake = lazyLakeService({credentials, region: 'eu-west-1', endpointUrl: endpoint, env: {AWS_MAX_ATTEMPTS: '1'}});
		expect(lake.region).toBe('eu-west-1');
		expect(seen).toEqual([]);
		expect((await lake.listEventDataStores()).map(store => store.id)).toEqual(['eds-1']);
		const pages = [];
		for await (const page of lake.runQuery('SELECT eventid, eventname FROM eds-1', {})) {
			pages.push(page);
		}

		expect(pages).toEqual([[{eventid: 'e1', eventname: 'PutObject'}]]);
		expect(seen.map(request => request.target)).toEqual([
			'CloudTrail_20131101.ListEventDataStores',
			'CloudTrail_20131101.StartQuery',
			'CloudTrail_20131101.DescribeQuery',
			'CloudTrail_20131101.GetQueryResults',
		]);
		expect(seen.every(request => request.authorization)).toBe(true);
		expect(seen[1]!.body).toEqual({QueryStatement: 'SELECT eventid, eventname FROM eds-1'});
	});
});
