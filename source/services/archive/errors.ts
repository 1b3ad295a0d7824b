// Athena's and Glue's failures as TrailviewErrors that say what happened and what to do, in the
// style of services/errors.ts (which still handles credentials, networks and the rest). Messages
// from AWS pass redactMessage first; the terminal's sanitiser comes after, as for every message.
import {detail, inRegion, named} from '../error-detail.js';
import {TrailviewError, type ErrorKind} from '../../domain/types.js';
import {ACCESS_DENIED} from '../error-names.js';
import {toTrailviewError, type ErrorContext} from '../errors.js';

/** Every permission the archive uses, for the access-denied hint. */
export const archivePermissions =
	'athena:StartQueryExecution, athena:GetQueryExecution, athena:GetQueryResults, athena:StopQueryExecution, glue:GetDatabases, glue:GetTables, s3:GetObject on the trail\'s bucket and s3:PutObject on the query output location';

const accessHint = `The archive needs ${archivePermissions}. Ask for them, or pick a profile that has them.`;
const outputHint = 'Pass --athena-output s3://BUCKET/PREFIX/ (a bucket you can write to), or set a query result location on the workgroup.';
const tableHint = 'Check --athena-table DATABASE.TABLE, or create the table: trailview shows the CREATE TABLE statement for the trail.';

export type ArchiveErrorContext = ErrorContext & {workgroup?: string; database?: string};

type ErrorLike = {name?: unknown; code?: unknown; message?: unknown};

export function toArchiveError(error: unknown, context: ArchiveErrorContext): TrailviewError {
	if (error instanceof TrailviewError) {
		return error;
	}

	const e: ErrorLike = typeof error === 'object' && error !== null ? (error as ErrorLike) : {};
	const name = typeof e.name === 'string' ? e.name : typeof e.code === 'string' ? e.code : undefined;
	const raw = typeof e.message === 'string' ? e.message : '';
	const make = (kind: ErrorKind, message: string, hint: string) => new TrailviewError(kind, message, {hint, code: name, cause: error});
	if (name === 'TooManyRequestsException') {
		return make(
			'throttled',
			`Athena is running as many queries for this account${inRegion(context.region)} as it allows at once (TooManyRequestsException).`,
			'Wait for other queries to finish and try again, or ask for a higher active query quota.',
		);
	}

	if (name !== undefined && ACCESS_DENIED.has(name)) {
		return make('access-denied', `Access denied to ${context.operation ?? 'the archive'}.${detail(raw)}`, accessHint);
	}

	const described = describeReason(raw, context);
	if (described !== undefined && (name === 'InvalidRequestException' || name === 'EntityNotFoundException' || name === 'MetadataException')) {
		return make(described.kind, described.message, described.hint);
	}

	if (name === 'EntityNotFoundException') {
		return make('invalid-input', `The Glue Data Catalog has no such database or table.${detail(raw)}`, tableHint);
	}

	if (name === 'InvalidRequestException') {
		return make('invalid-input', `Athena refused the query.${detail(raw)}`, 'Check the --athena-* options; if they are right, this is a trailview bug worth reporting.');
	}

	return toTrailviewError(error, context);
}

/** A query that ended FAILED: Athena's reason, said plainly where it is a known one. */
export function failedQueryError(reason: string | undefined, errorType: number | undefined, context: ArchiveErrorContext): TrailviewError {
	const described = describeReason(reason ?? '', context);
	if (described !== undefined) {
		return new TrailviewError(described.kind, described.message, {hint: described.hint, code: 'QueryFailed'});
	}

	// AthenaError.ErrorCategory 1 is Athena's own fault, worth trying again; others are the query's.
	const system = errorType === 1;
	return new TrailviewError('service', `The Athena query failed.${detail(reason ?? '') || ' Athena gave no reason.'}`, {
		hint: system ? 'Athena had an internal error: try again in a moment.' : 'Check the table and the query; Athena\'s reason above says what it could not do.',
		code: 'QueryFailed',
	});
}

type Described = {kind: ErrorKind; message: string; hint: string};

/** The failures a person can fix, recognised by Athena's wording (its error codes are in the text). */
function describeReason(reason: string, context: ArchiveErrorContext): Described | undefined {
	const why = detail(reason);
	if (/no output location|output location is required|OutputLocation/i.test(reason)) {
		return {kind: 'invalid-input', message: `Athena has nowhere to write the query's results: the workgroup${named(context.workgroup)} has no output location.${why}`, hint: outputHint};
	}

	if (/TABLE_NOT_FOUND|SCHEMA_NOT_FOUND|Table .* (?:does not exist|not found)|Database .* (?:does not exist|not found)|Schema .* does not exist/i.test(reason)) {
		return {kind: 'invalid-input', message: `The archive table or its database does not exist.${why}`, hint: tableHint};
	}

	if (/WorkGroup .* (?:is not found|does not exist)|workgroup.*not found/i.test(reason)) {
		return {kind: 'invalid-input', message: `The Athena workgroup${named(context.workgroup)} does not exist${inRegion(context.region)}.${why}`, hint: 'Pass --athena-workgroup with a workgroup of this account and region (the default is primary).'};
	}

	if (/Access Denied|AccessDenied|not authorized|Insufficient permissions|Permission denied/i.test(reason)) {
		return {kind: 'access-denied', message: `Athena could not read the archive or write its results.${why}`, hint: accessHint};
	}

	return undefined;
}
