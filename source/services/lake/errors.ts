// CloudTrail Lake's failures as TrailviewErrors that say what happened and what to do, as
// archive/errors.ts does for Athena (services/errors.ts still handles credentials, networks and
// the rest). Messages from AWS pass redactMessage first; the terminal's sanitiser comes after.
import {detail, inRegion, named} from '../error-detail.js';
import {TrailviewError, type ErrorKind} from '../../domain/types.js';
import {ACCESS_DENIED} from '../error-names.js';
import {toTrailviewError, type ErrorContext} from '../errors.js';

/** Every permission Lake queries use, for the access-denied hint. */
export const lakePermissions = 'cloudtrail:ListEventDataStores, cloudtrail:StartQuery, cloudtrail:DescribeQuery, cloudtrail:GetQueryResults and cloudtrail:CancelQuery';

const accessHint = `CloudTrail Lake needs ${lakePermissions}. Ask for them, or pick a profile that has them.`;
const storeHint = 'Pass --lake-store with the id, ARN or name of an event data store in this region; `aws cloudtrail list-event-data-stores` lists them.';

export type LakeErrorContext = ErrorContext & {store?: string};

type ErrorLike = {name?: unknown; code?: unknown; message?: unknown};

export function toLakeError(error: unknown, context: LakeErrorContext): TrailviewError {
	if (error instanceof TrailviewError) {
		return error;
	}

	const e: ErrorLike = typeof error === 'object' && error !== null ? (error as ErrorLike) : {};
	const name = typeof e.name === 'string' ? e.name : typeof e.code === 'string' ? e.code : undefined;
	const why = detail(typeof e.message === 'string' ? e.message : '');
	const make = (kind: ErrorKind, message: string, hint: string) => new TrailviewError(kind, message, {hint, code: name, cause: error});
	if (name !== undefined && ACCESS_DENIED.has(name)) {
		return make('access-denied', `Access denied to ${context.operation ?? 'CloudTrail Lake'}.${why}`, accessHint);
	}

	switch (name) {
		case 'EventDataStoreNotFoundException':
		case 'EventDataStoreARNInvalidException': {
			return make('invalid-input', `The event data store${named(context.store)} does not exist${inRegion(context.region)}.${why}`, storeHint);
		}

		case 'InactiveEventDataStoreException': {
			return make(
				'invalid-input',
				`The event data store${named(context.store)} is not active (stopped, or pending deletion), so it cannot be queried.${why}`,
				'Start its ingestion or restore it in the CloudTrail console, or pick another store with --lake-store.',
			);
		}

		case 'MaxConcurrentQueriesException': {
			return make(
				'throttled',
				`CloudTrail Lake is already running as many queries for this account${inRegion(context.region)} as it allows at once.${why}`,
				'Wait for a running query to finish, or cancel one (CloudTrail console → Lake → Query, or `aws cloudtrail cancel-query`), and try again.',
			);
		}

		case 'InvalidQueryStatementException': {
			return make('invalid-input', `CloudTrail Lake refused the query.${why}`, 'If the query reads as you meant it, this is a trailview bug worth reporting (with the query).');
		}

		case 'QueryIdNotFoundException': {
			return make('service', `CloudTrail Lake no longer knows the query (it may have expired).${why}`, 'Run the query again.');
		}

		default: {
			return toTrailviewError(error, context);
		}
	}
}

/** A query that ended FAILED or TIMED_OUT, with Lake's ErrorMessage. */
export function failedLakeQueryError(state: 'FAILED' | 'TIMED_OUT', reason: string | undefined): TrailviewError {
	const why = detail(reason ?? '') || ' CloudTrail Lake gave no reason.';
	if (state === 'TIMED_OUT') {
		return new TrailviewError('service', `The CloudTrail Lake query ran out of time.${why}`, {
			hint: 'Narrow it: a shorter window (since:/until:) or more terms.',
			code: 'QueryTimedOut',
		});
	}

	if (/Access Denied|AccessDenied|not authorized|Insufficient permissions/i.test(reason ?? '')) {
		return new TrailviewError('access-denied', `CloudTrail Lake could not run the query.${why}`, {hint: accessHint, code: 'QueryFailed'});
	}

	return new TrailviewError('service', `The CloudTrail Lake query failed.${why}`, {hint: 'Lake\'s reason above says what it could not do; try again if it was Lake\'s own fault.', code: 'QueryFailed'});
}
