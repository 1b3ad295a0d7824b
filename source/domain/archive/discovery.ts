// Which Glue tables are CloudTrail tables, which one holds a trail's logs, and what a query costs.
import type {Trail} from '../types.js';
import type {ArchiveTable} from './types.js';

const cloudTrailSerde = 'com.amazon.emr.hive.serde.CloudTrailSerde';

/**
 * Whether a Glue table reads CloudTrail logs: the old CloudTrail SerDe, a projection template or
 * location in CloudTrail's own layout (AWSLogs/[org/]account/CloudTrail/region/), or a location at
 * an AWSLogs root (where trails write, but also load balancers and flow logs) with CloudTrail's
 * columns, when Glue lists them.
 */
export function isCloudTrailTable(table: ArchiveTable): boolean {
	if (table.serde === cloudTrailSerde) {
		return true;
	}

	const template = table.parameters['storage.location.template'] ?? '';
	const location = table.location ?? '';
	if (/\/CloudTrail(?:\/|$)/.test(template) || /\/AWSLogs\/(?:o-[a-z0-9]+\/)?[^/]+\/CloudTrail(?:\/|$)/.test(location)) {
		return true;
	}

	const columns = new Set((table.columns ?? []).map(name => name.toLowerCase()));
	const looksLikeRecords = table.columns === undefined || ['eventname', 'eventsource', 'eventtime', 'useridentity'].every(name => columns.has(name));
	return /\/AWSLogs\/(?:o-[a-z0-9]+\/|\d{12}\/)?$/.test(location) && looksLikeRecords;
}

/** The s3://bucket/prefix part of a table's location, split, or undefined for a location elsewhere. */
function s3Parts(location: string | undefined): {bucket: string; key: string} | undefined {
	const match = /^s3a?:\/\/([^/]+)(?:\/(.*))?$/.exec(location ?? '');
	return match ? {bucket: match[1]!, key: match[2] ?? ''} : undefined;
}

/**
 * The CloudTrail table over `trail`'s logs: located in its bucket (and under its key prefix, where
 * the trail has one). When several are, one with partition projection first (queries prune without
 * partitions added by hand), then for an organization trail one over the whole organization.
 */
export function tableForTrail(tables: readonly ArchiveTable[], trail: Pick<Trail, 's3BucketName' | 's3KeyPrefix' | 'isOrganization'>): ArchiveTable | undefined {
	const bucket = trail.s3BucketName;
	if (bucket === undefined || bucket === '') {
		return undefined;
	}

	const prefix = trail.s3KeyPrefix?.replace(/^\/+|\/+$/g, '');
	const scored = tables.flatMap(table => {
		const parts = s3Parts(table.location);
		if (!parts || parts.bucket !== bucket || !isCloudTrailTable(table)) {
			return [];
		}

		const logs = parts.key.indexOf('AWSLogs/');
		const above = logs === -1 ? undefined : parts.key.slice(0, logs).replace(/\/$/, '');
		if (prefix !== undefined && above !== undefined && above !== prefix) {
			return [];
		}

		const projected = table.parameters['projection.enabled']?.toLowerCase() === 'true';
		const wholeOrganization = table.partitionKeys.includes('account') || /AWSLogs\/o-[a-z0-9]+\/?$/.test(parts.key);
		return [{table, score: (projected ? 2 : 0) + (trail.isOrganization && wholeOrganization ? 1 : 0)}];
	});
	scored.sort((a, b) => b.score - a.score);
	return scored[0]?.table;
}

/** Athena's price: $5 per TB scanned (most regions), a TB being 2^40 bytes as AWS bills it. */
const usdPerByte = 5 / 2 ** 40;
const megabyte = 2 ** 20;

/**
 * What scanning `bytes` costs. Athena rounds each query up to the next megabyte and bills at least
 * 10 MB a query, so even a query that pruned everything away costs that much.
 */
export function estimateCostUsd(bytes: number): number {
	const billed = Math.max(10 * megabyte, Math.ceil(Math.max(0, bytes) / megabyte) * megabyte);
	return billed * usdPerByte;
}

/** "0 B", "812 KB", "12.4 MB", "1.02 GB", "3.5 TB": what a query scanned. */
export function formatScanned(bytes: number): string {
	const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
	let value = Math.max(0, Number.isFinite(bytes) ? bytes : 0);
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}

	const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
	return `${value.toFixed(digits)} ${units[unit]}`;
}

/** "$0.0001", "$0.05", "$12.40": small costs keep a significant digit rather than reading $0.00. */
export function formatCostUsd(usd: number): string {
	if (!(usd > 0)) {
		return '$0';
	}

	return usd >= 0.01 ? `$${usd.toFixed(2)}` : usd >= 0.000_01 ? `$${usd.toPrecision(1)}` : '<$0.00001';
}
