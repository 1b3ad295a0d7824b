// The user name LookupEvents reports for a record (its Username), derived from userIdentity the
// way CloudTrail and the emulator do: the IAM user's name; for the root user, "root"; for a role
// session or a federated user, the session name that ends the ARN; for an AWS service, none.
// The archive holds only the record, so the same rule is written twice, here for rows and as SQL
// for queries, side by side so they stay one rule.
import type {Matcher} from './matchers.js';
import {sqlLike, sqlNonEmpty, sqlText} from './matchers.js';
import {and, FALSE, not, or, param, ref, type Expr} from './sql.js';

/** The identity's fields as the struct's JSON spells them (lower-case). */
export type IdentityFields = {username?: unknown; type?: unknown; arn?: unknown};

export function lookupUsername(identity: IdentityFields | undefined): string | undefined {
	if (identity === undefined) {
		return undefined;
	}

	const {username, type, arn} = identity;
	if (typeof username === 'string' && username !== '') {
		return username;
	}

	if (type === 'Root') {
		return 'root';
	}

	if (typeof arn === 'string' && arn.includes('/')) {
		return arn.slice(arn.lastIndexOf('/') + 1) || undefined;
	}

	return undefined;
}

/** The SQL of `matcher` holding for lookupUsername(useridentity). */
export function usernameCondition(matcher: Matcher): Expr {
	const username = ref('useridentity.username');
	const type = ref('useridentity.type');
	const arn = ref('useridentity.arn');
	const named = sqlNonEmpty(username);
	const root: Expr = {kind: 'compare', op: '=', left: sqlText(type), right: param('Root')};
	return or(
		and(named, matcher.sql(username)),
		and(
			not(named),
			or(
				// "root" is a constant: whether it matches is known now, and only Root rows can hold it.
				matcher.test('root') ? root : FALSE,
				and(not(root), sqlLike(sqlText(arn), '%/%'), matcher.sql({kind: 'last-segment', arg: arn})),
			),
		),
	);
}

/** The columns lookupUsername reads, for GROUP BY (aliases are the keys of IdentityFields). */
export const usernameColumns = [
	{alias: 'identity_username', path: 'useridentity.username', field: 'username'},
	{alias: 'identity_type', path: 'useridentity.type', field: 'type'},
	{alias: 'identity_arn', path: 'useridentity.arn', field: 'arn'},
] as const;
