import {describe, expect, it} from 'vitest';
import {resolveEndpoints} from '../../source/services/endpoints.js';
import {createClients} from '../../source/services/client.js';

describe('resolveEndpoints', () => {
	it('uses an explicit endpoint for CloudTrail and STS alike', () => {
		expect(resolveEndpoints('http://127.0.0.1:4566', {AWS_ENDPOINT_URL_STS: 'http://sts'})).toEqual({
			cloudTrail: 'http://127.0.0.1:4566',
			sts: 'http://127.0.0.1:4566',
		});
	});

	it('prefers the service-specific variable over AWS_ENDPOINT_URL, as the CLI does', () => {
		expect(
			resolveEndpoints(undefined, {AWS_ENDPOINT_URL: 'http://all', AWS_ENDPOINT_URL_CLOUDTRAIL: 'http://ct', AWS_ENDPOINT_URL_STS: 'http://sts'}),
		).toEqual({cloudTrail: 'http://ct', sts: 'http://sts'});
		expect(resolveEndpoints(undefined, {AWS_ENDPOINT_URL: 'http://all'})).toEqual({cloudTrail: 'http://all', sts: 'http://all'});
	});

	it('honours AWS_IGNORE_CONFIGURED_ENDPOINT_URLS and leaves AWS endpoints alone by default', () => {
		expect(resolveEndpoints(undefined, {AWS_ENDPOINT_URL: 'http://all', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true'})).toEqual({cloudTrail: undefined, sts: undefined});
		expect(resolveEndpoints(undefined, {})).toEqual({cloudTrail: undefined, sts: undefined});
	});
});

describe('createClients', () => {
	const credentials = {accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x'};

	it('configures adaptive retry, a silent logger and the endpoint on both clients', async () => {
		const {cloudTrail, sts} = createClients({credentials, region: 'eu-west-1', endpointUrl: 'http://127.0.0.1:4566', env: {}});
		for (const client of [cloudTrail, sts]) {
			const strategy = await client.config.retryStrategy();
			expect((strategy as {mode?: string}).mode).toBe('adaptive');
			expect(await client.config.maxAttempts()).toBeGreaterThanOrEqual(3);
			expect(await client.config.region()).toBe('eu-west-1');
			const endpoint = await client.config.endpoint!();
			expect(`${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`).toBe('http://127.0.0.1:4566');
			expect(Object.values(client.config.logger).every((fn) => typeof fn === 'function' && fn.toString().includes('{}'))).toBe(true);
		}
	});

	it('sends STS to AWS_ENDPOINT_URL_STS from an injected env', async () => {
		const {cloudTrail, sts} = createClients({credentials, region: 'eu-west-1', env: {AWS_ENDPOINT_URL_STS: 'http://localhost:9999'}});
		expect((await sts.config.endpoint!()).port).toBe(9999);
		expect(cloudTrail.config.endpoint).toBeUndefined();
	});
});
