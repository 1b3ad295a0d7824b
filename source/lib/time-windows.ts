// The time windows `t` offers. Each is a since: value of the query language, so a window is part
// of the query (and its history) rather than a second setting beside it.

export type WindowChoice = {
	key: string;
	/** What since: gets; undefined for the default (the service's 90 days) and for custom. */
	since: string | undefined;
	label: string;
	custom?: true;
};

export const windowChoices: readonly WindowChoice[] = [
	{key: '15m', since: '15m', label: 'last 15 minutes'},
	{key: '1h', since: '1h', label: 'last hour'},
	{key: '6h', since: '6h', label: 'last 6 hours'},
	{key: '24h', since: '24h', label: 'last 24 hours'},
	{key: '7d', since: '7d', label: 'last 7 days'},
	{key: '30d', since: '30d', label: 'last 30 days'},
	{key: '90d', since: undefined, label: 'last 90 days (all LookupEvents keeps)'},
	{key: 'custom', since: undefined, label: 'custom… (since: and until: in the query line)', custom: true},
];
