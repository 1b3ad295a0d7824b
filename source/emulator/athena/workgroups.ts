// The demo's Athena workgroups, and a query execution as GetQueryExecution describes it.
// `primary` keeps results in Athena-managed storage, so queries need no output location; `adhoc`
// has no result location at all, so a query there needs ResultConfiguration.OutputLocation.
import {performance} from 'node:perf_hooks';
import type {Execution} from './executions.js';

type WorkGroup = {name: string; description: string; managedResults: boolean};

const workGroups: readonly WorkGroup[] = [
	{name: 'adhoc', description: 'No query result location: pass ResultConfiguration.OutputLocation', managedResults: false},
	{name: 'primary', description: 'Query results in Athena-managed storage', managedResults: true},
];

const created = Date.parse('2024-01-15T09:00:00Z') / 1000;
const engineVersion = {SelectedEngineVersion: 'AUTO', EffectiveEngineVersion: 'Athena engine version 3'};

export function workGroup(name: string): WorkGroup | undefined {
	return workGroups.find(group => group.name === name);
}

export function workGroupSummaries(): Array<Record<string, unknown>> {
	return workGroups.map(group => ({Name: group.name, State: 'ENABLED', Description: group.description, CreationTime: created, EngineVersion: engineVersion}));
}

const seconds = (date: Date): number => date.getTime() / 1000;

export function describeExecution(execution: Execution): Record<string, unknown> {
	const now = performance.now();
	const running = execution.runningMs ?? now;
	const end = execution.doneMs ?? now;
	const queueMs = Math.round(Math.max(0, (execution.runningMs ?? end) - execution.startedMs));
	const engineMs = execution.runningMs === undefined ? 0 : Math.round(end - running);
	const {failure} = execution;
	return {
		QueryExecutionId: execution.id,
		Query: execution.sql,
		StatementType: execution.statementType,
		SubstatementType: execution.substatementType,
		...(execution.outputLocation === undefined
			? {ManagedQueryResultsConfiguration: {Enabled: true}, ResultConfiguration: {}}
			: {ResultConfiguration: {OutputLocation: `${execution.outputLocation.replace(/\/$/, '')}/${execution.id}.csv`}}),
		ResultReuseConfiguration: {ResultReuseByAgeConfiguration: {Enabled: false}},
		QueryExecutionContext: {Database: execution.database, Catalog: execution.catalog.toLowerCase()},
		Status: {
			State: execution.state,
			...(failure ? {StateChangeReason: failure.reason} : {}),
			SubmissionDateTime: seconds(execution.submitted),
			...(execution.completed ? {CompletionDateTime: seconds(execution.completed)} : {}),
			...(failure ? {AthenaError: {ErrorCategory: failure.category, ErrorType: failure.type, Retryable: false, ErrorMessage: failure.reason}} : {}),
		},
		Statistics: {
			EngineExecutionTimeInMillis: engineMs,
			DataScannedInBytes: execution.scannedBytes,
			TotalExecutionTimeInMillis: Math.round(end - execution.startedMs),
			QueryQueueTimeInMillis: queueMs,
			ServicePreProcessingTimeInMillis: 0,
			QueryPlanningTimeInMillis: 0,
			ServiceProcessingTimeInMillis: 0,
			ResultReuseInformation: {ReusedPreviousResult: false},
		},
		WorkGroup: execution.workgroup,
		EngineVersion: engineVersion,
		...(execution.parameters === undefined ? {} : {ExecutionParameters: execution.parameters}),
	};
}
