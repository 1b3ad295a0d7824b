// What one key can narrow the query to, from an event: its user, access key, first resource,
// source IP, event name or error. Only what the event has is offered.
import {fieldValues} from '../domain/query/fields.js';
import type {FieldName} from '../domain/query/types.js';
import type {TrailEvent} from '../domain/types.js';

export type PivotCommand = 'pivotUser' | 'pivotKey' | 'pivotResource' | 'pivotIp' | 'pivotEvent' | 'pivotError';

export type PivotChoice = {command: PivotCommand; field: FieldName; value: string};

const order: ReadonlyArray<{command: PivotCommand; field: FieldName}> = [
	{command: 'pivotUser', field: 'user'},
	{command: 'pivotKey', field: 'key'},
	{command: 'pivotResource', field: 'resource'},
	{command: 'pivotIp', field: 'ip'},
	{command: 'pivotEvent', field: 'event'},
	{command: 'pivotError', field: 'error'},
];

export function pivotChoices(event: TrailEvent): PivotChoice[] {
	return order.flatMap(({command, field}) => {
		const value = fieldValues(event, field).find(candidate => candidate !== '');
		return value === undefined ? [] : [{command, field, value}];
	});
}
