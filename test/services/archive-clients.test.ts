// The archive's Athena and Glue clients through the SDK's real pipeline, against a local endpoint
// that answers like the services: endpoint overrides, signing and the lazy load all take part.
import {createServer, type IncomingMessage, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {lazyArchiveService} from '../../source/services/archive/lazy.js';
import {serviceEndpoint} from '../../source/services/endpoints.js';

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
			'AmazonAthena.ListWorkGroups': {WorkGroups: [{Name: 'primary'}, {Name: 'analysts'}]},
			'AWSGlue.GetDatabases': {DatabaseList: [{Name: 'default'}]},
			'AWSGlue.GetTables': {TableList: [{Name: 'trail', StorageDescriptor: {Location: 's3://logs/AWSLogs/o-abcdefghij/'}, PartitionKeys: [{Name: 'account'}]}]},
		};
		const answer = target === undefined ? undefined : answers[target];
		response.writeHead(answer === undefined ? 400 : 200, {'content-type': 'application/x-amz-json-1.1'});
		response.end(JSON.stringify(answer ?? {__type: 'InvalidRequestException', Message: `unexpected ${target}`}));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise(resolve => server.close(resolve));
});

describe('archive clients', () => {
	it('load on first use and talk to the endpoint override, signed, over awsJson1_1', async () => {
		const archive = lazyArchiveService({credentials, region: 'eu-west-1', endpointUrl: endpoint, env: {AWS_MAX_ATTEMPTS: '1'}});
		expect(archive.region).toBe('eu-west-1');
		expect(seen).toEqual([]);
		expect(await archive.listWorkGroups()).toEqual(['primary', 'analysts']);
		const tables = await archive.listTables();
		expect(tables.map(table => `${table.database}.${table.name}`)).toEqual(['default.trail']);
		expect(seen.map(request => request.target)).toEqual(['AmazonAthena.ListWorkGroups', 'AWSGlue.GetDatabases', 'AWSGlue.GetTables']);
		expect(seen.every(request => request.authorization)).toBe(true);
		expect(seen[2]!.body).toEqual({DatabaseName: 'default'});
	});

	it('read AWS_ENDPOINT_URL_ATHENA / _GLUE, then AWS_ENDPOINT_URL, as the AWS CLI does', () => {
		expect(serviceEndpoint(undefined, {AWS_ENDPOINT_URL_ATHENA: 'http://a', AWS_ENDPOINT_URL: 'http://all'}, 'ATHENA')).toBe('http://a');
		expect(serviceEndpoint(undefined, {AWS_ENDPOINT_URL: 'http://all'}, 'GLUE')).toBe('http://all');
		expect(serviceEndpoint('http://flag', {AWS_ENDPOINT_URL_GLUE: 'http://g'}, 'GLUE')).toBe('http://flag');
		expect(serviceEndpoint(undefined, {AWS_ENDPOINT_URL: 'http://all', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true'}, 'ATHENA')).toBeUndefined();
	});
});
