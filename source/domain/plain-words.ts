// The pieces plain-language sentences are made of: how a phrase reads the record, and the small
// wordings several events share (a name out of an ARN, "instances i-1, i-2 and 3 more", a port
// range, a share with another account). Apart from the tables so each table file stays data.

/** Reads the event's redacted record; every string it returns is cut to a readable length. */
export type Reader = {
	/** The string (or number) at `path`, or undefined when absent, empty or something else. */
	text(...path: string[]): string | undefined;
	/** The name at the end of the ARN (or path) at `path`: lastName before the cut. */
	name(...path: string[]): string | undefined;
	/** Every string or number at `path`, arrays fanned out at each step (as query paths do). */
	list(...path: string[]): string[];
	/** The value at `path` as it is, for a phrase that looks at a structure (a policy, a port range). */
	value(...path: string[]): unknown;
};

/** What was done, twice: as it happened, and after "tried to" when the call failed. */
export type Phrase = {did: string; tried: string};

export type PhraseTable = Readonly<Record<string, (read: Reader) => Phrase>>;

/** The longest a name may run in a sentence: any IAM or EC2 name fits, a 10 kB policy does not. */
export const maxValueLength = 64;

/** `text` cut to `most` code points (never inside a surrogate pair), marked with `…`. */
export function clip(text: string, most = maxValueLength): string {
	if (text.length <= most) {
		return text;
	}

	// Enough code units for one code point past `most`, whatever their width, to tell if it is cut.
	const chars = Array.from(text.slice(0, most * 2 + 2));
	return chars.length <= most ? chars.join('') : `${chars.slice(0, most - 1).join('')}…`;
}

/** Every string or number at `path` under `value`, arrays fanned out at each step, each clipped. */
export function valuesAt(value: unknown, path: readonly string[]): string[] {
	let current: unknown[] = [value];
	for (const key of path) {
		current = current.flatMap(item => (Array.isArray(item) ? item : [item])).flatMap(item => (isObject(item) && Object.hasOwn(item, key) ? [item[key]] : []));
	}

	return current
		.flatMap(item => (Array.isArray(item) ? item : [item]))
		.flatMap(item => (typeof item === 'string' && item !== '' ? [clip(item)] : typeof item === 'number' ? [String(item)] : []));
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `verb object` in both tenses: phrase('attached', 'attach', 'policy P to role R'). */
export function phrase(did: string, tried: string, object = ''): Phrase {
	return object === '' ? {did, tried} : {did: `${did} ${object}`, tried: `${tried} ${object}`};
}

/** `user alice`, or `a user` when the record does not say which. */
export function named(kind: string, value: string | undefined, article = 'a'): string {
	return value === undefined ? `${article} ${kind}` : `${kind} ${clip(value)}`;
}

/** The name at the end of an ARN or path: `arn:aws:iam::aws:policy/AdministratorAccess` -> AdministratorAccess. */
export function lastName(value: string | undefined): string | undefined {
	if (value === undefined) {
		return undefined;
	}

	const slash = value.lastIndexOf('/');
	if (slash !== -1 && slash < value.length - 1) {
		return value.slice(slash + 1);
	}

	return value.startsWith('arn:') ? value.slice(value.lastIndexOf(':') + 1) || value : value;
}

/** `a, b and c`, or the first three and `and N more`, each cut to a readable length. */
export function listed(values: readonly string[], most = 3): string {
	const shown = values.slice(0, most).map(value => clip(value));
	if (shown.length <= 1) {
		return shown[0] ?? '';
	}

	if (values.length > most) {
		return `${shown.join(', ')} and ${values.length - most} more`;
	}

	return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)!}`;
}

/** `instance i-1`, `instances i-1 and i-2`, or `an instance` when none is named. */
export function counted(kind: string, ids: readonly string[], article = 'a'): string {
	if (ids.length === 0) {
		return `${article} ${kind}`;
	}

	return `${kind}${ids.length > 1 ? 's' : ''} ${listed(ids)}`;
}

/** `port 22`, `ports 8000-8080`, `UDP port 53`, `all ports`, `all traffic`, from one permission's fields. */
export function ports(protocol: unknown, from: unknown, to: unknown): string {
	const proto = typeof protocol === 'string' ? protocol.toLowerCase() : 'tcp';
	if (proto === '-1' || proto === 'all') {
		return 'all traffic';
	}

	const prefix = proto === 'tcp' || proto === '6' ? '' : `${proto.toUpperCase()} `;
	const low = typeof from === 'number' ? from : undefined;
	const high = typeof to === 'number' ? to : low;
	if (low === undefined || low === -1 || (low === 0 && high === 65_535)) {
		return `all ${prefix}ports`;
	}

	return low === high ? `${prefix}port ${low}` : `${prefix}ports ${low}-${high}`;
}

/**
 * Who a snapshot or image share adds or removes: `all` is everyone. `made snapshot s public`,
 * `shared snapshot s with account 4444…`, `stopped sharing…`, or a plain change of permissions.
 */
export function sharing(what: string, added: readonly string[], removed: readonly string[]): Phrase {
	const accounts = (ids: readonly string[]) => counted('account', ids.filter(id => id !== 'all'));
	if (added.includes('all')) {
		return phrase('made', 'make', `${what} public`);
	}

	if (added.length > 0) {
		return phrase('shared', 'share', `${what} with ${accounts(added)}`);
	}

	if (removed.length > 0) {
		return removed.includes('all') ? phrase('made', 'make', `${what} private`) : phrase('stopped sharing', 'stop sharing', `${what} with ${accounts(removed)}`);
	}

	return phrase('changed', 'change', `the permissions of ${what}`);
}
