// How a query runs against LookupEvents, which takes a single lookup attribute: the one term the
// service can filter on best goes there, every other condition is applied to each page as it
// arrives. Sending two attributes is an error from the service, so this never does.
import type {LookupAttributeKey, TrailEvent} from '../types.js';
import {compileTerms} from './match.js';
import {resolveWindow} from './time.js';
import type {FieldName, FieldTerm, PlanOptions, Query, QueryPlan, Term} from './types.js';

/**
 * The fields the service can filter on, most selective first: an event id names one event, an
 * access key one principal's session, a resource name few events; a type or a source can mean
 * most of the account's history.
 */
export const apiFields: ReadonlyArray<{field: FieldName; key: LookupAttributeKey}> = [
	{field: 'id', key: 'EventId'},
	{field: 'key', key: 'AccessKeyId'},
	{field: 'resource', key: 'ResourceName'},
	{field: 'user', key: 'Username'},
	{field: 'event', key: 'EventName'},
	{field: 'source', key: 'EventSource'},
	{field: 'type', key: 'ResourceType'},
];

export const writeOnlyLabel = 'write-only';

export function planQuery(query: Query, options: PlanOptions): QueryPlan {
	const chosen = chooseAttribute(query.terms);
	const rest = chosen === undefined ? query.terms : query.terms.filter(term => !chosen.terms.includes(term));
	let attribute = chosen?.attribute;
	let localWriteOnly = false;
	if (options.writeOnly) {
		if (attribute === undefined) {
			attribute = {key: 'ReadOnly', value: 'false'};
		} else {
			localWriteOnly = true;
		}
	}

	const termsMatch = compileTerms(rest);
	const local = rest.map(term => term.source);
	if (localWriteOnly) {
		local.push(writeOnlyLabel);
	}

	return {
		attribute,
		window: resolveWindow(query, options.now),
		// An event whose readOnly is unknown stays: hiding it could hide the write someone is looking for.
		matches: localWriteOnly ? event => event.readOnly !== true && termsMatch(event) : termsMatch,
		local,
		filtersLocally: local.length > 0,
	};
}

/**
 * The attribute to send and the terms it stands for: the first field of apiFields whose positive
 * terms are all exact and name one value. Two different values on a field mean either, and a
 * wildcard cannot be sent, so such a field is left to local filtering and the next one is tried.
 */
function chooseAttribute(terms: readonly Term[]): {attribute: {key: LookupAttributeKey; value: string}; terms: Term[]} | undefined {
	for (const {field, key} of apiFields) {
		const group = terms.filter((term): term is FieldTerm => term.kind === 'field' && term.field === field && !term.negated);
		const values = new Set(group.map(term => ('any' in term.value || term.value.wildcard ? undefined : term.value.text)));
		const [value] = values;
		if (group.length > 0 && values.size === 1 && value !== undefined) {
			return {attribute: {key, value}, terms: group};
		}
	}

	return undefined;
}

/** A predicate for the whole query run locally (what the plan's attribute and matches do together). */
export function matchesQuery(query: Query, options: Pick<PlanOptions, 'writeOnly'>): (event: TrailEvent) => boolean {
	const termsMatch = compileTerms(query.terms);
	return options.writeOnly ? event => event.readOnly !== true && termsMatch(event) : termsMatch;
}

/** The footer's account of a plan: `API Username=alice · local: error:any -event:Get*`. */
export function describePlan(plan: Pick<QueryPlan, 'attribute' | 'local'>): string {
	const api = plan.attribute === undefined ? 'API none' : `API ${plan.attribute.key}=${/[\s"]/.test(plan.attribute.value) ? JSON.stringify(plan.attribute.value) : plan.attribute.value}`;
	return plan.local.length === 0 ? api : `${api} · local: ${plan.local.join(' ')}`;
}
