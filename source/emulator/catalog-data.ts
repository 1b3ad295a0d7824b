// Data events: S3 object reads and writes, which a trail records only with data event selectors
// (the demo organization trail has them) and which LookupEvents never shows. The archive is the
// only place to find "which objects did this role read?".
import type {Details, Names, Template} from './catalog-types.js';
import {hex, intBetween, pick, type Rng} from './prng.js';

const prefixes = ['reports/2025', 'exports/customers', 'config', 'images/uploads', 'backups/db', 'invoices'];
const extensions = ['csv', 'json', 'parquet', 'png', 'sql.gz', 'pdf'];

/** A few fixed keys, so an investigation has a named object to look for across the year. */
const notableKeys = ['secrets/prod.env', 'exports/customers/full-export.csv', 'terraform.tfstate'];

function object(rng: Rng, n: Names): Details {
	const bucketName = pick(rng, n.buckets);
	const key = rng() < 0.05 ? pick(rng, notableKeys) : `${pick(rng, prefixes)}/${hex(rng, 8)}.${pick(rng, extensions)}`;
	return {
		resources: [
			{type: 'AWS::S3::Object', name: `arn:aws:s3:::${bucketName}/${key}`},
			{type: 'AWS::S3::Bucket', name: `arn:aws:s3:::${bucketName}`},
		],
		request: {bucketName, Host: `${bucketName}.s3.${n.region}.amazonaws.com`, key},
		response: null,
	};
}

export const dataEventTemplates: readonly Template[] = [
	{source: 's3.amazonaws.com', name: 'GetObject', readOnly: true, weight: 60, dataEvent: true, errors: ['AccessDenied', 'NoSuchKey'], details: object},
	{source: 's3.amazonaws.com', name: 'PutObject', readOnly: false, weight: 25, dataEvent: true, errors: ['AccessDenied'], details: object},
	{source: 's3.amazonaws.com', name: 'HeadObject', readOnly: true, weight: 10, dataEvent: true, details: object},
	{source: 's3.amazonaws.com', name: 'DeleteObject', readOnly: false, weight: 5, dataEvent: true, errors: ['AccessDenied'], details: object},
];

/** What an S3 data event record adds: its resources (object and bucket ARNs) and transfer details. */
export function dataEventFields(template: Template, details: Details, names: Names, rng: Rng): Record<string, unknown> {
	const size = intBetween(rng, 200, 5_000_000);
	const writes = template.name === 'PutObject';
	return {
		additionalEventData: {
			SignatureVersion: 'SigV4',
			CipherSuite: 'TLS_AES_128_GCM_SHA256',
			bytesTransferredIn: writes ? size : 0,
			AuthenticationMethod: 'AuthHeader',
			'x-amz-id-2': Buffer.from(hex(rng, 48), 'hex').toString('base64'),
			bytesTransferredOut: writes ? 0 : size,
		},
		resources: details.resources.map(resource =>
			resource.type === 'AWS::S3::Bucket'
				? {accountId: names.accountId, type: resource.type, ARN: resource.name}
				: {type: resource.type, ARN: resource.name},
		),
	};
}
