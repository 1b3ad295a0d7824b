// Failures tests inject on purpose, to see how the app copes with each kind.
import type {EmulatedOperation, FailureOptions, InjectedFailure} from './types.js';

type Rule = {op: EmulatedOperation; failure: InjectedFailure; remaining: number; after: number; accountId: string | undefined};

type Throttle = {op: EmulatedOperation; until: number; accountId: string | undefined};

export class FailureRules {
	private rules: Rule[] = [];
	private throttles: Throttle[] = [];

	add(op: EmulatedOperation, failure: InjectedFailure, options: FailureOptions = {}): void {
		this.rules.push({
			op,
			failure,
			remaining: options.times ?? Number.POSITIVE_INFINITY,
			after: Math.max(0, options.after ?? 0),
			accountId: options.accountId,
		});
	}

	/** Calls of `op` before `until` (the emulator's clock, ms) are throttled. */
	throttle(op: EmulatedOperation, until: number, accountId: string | undefined): void {
		this.throttles.push({op, until, accountId});
	}

	clear(): void {
		this.rules = [];
		this.throttles = [];
	}

	/** The failure this call should suffer, consuming one of its `times` (or one of its `after` passes). */
	take(op: EmulatedOperation, accountId: string): InjectedFailure | undefined {
		const rule = this.rules.find(
			candidate => candidate.op === op && candidate.remaining > 0 && (candidate.accountId === undefined || candidate.accountId === accountId),
		);
		if (!rule) {
			return undefined;
		}

		if (rule.after > 0) {
			rule.after -= 1;
			return undefined;
		}

		rule.remaining -= 1;
		if (rule.remaining <= 0) {
			this.rules = this.rules.filter(candidate => candidate !== rule);
		}

		return rule.failure;
	}

	/** Whether a call of `op` at `now` falls inside a throttle() window. */
	throttled(op: EmulatedOperation, accountId: string, now: number): boolean {
		this.throttles = this.throttles.filter(window => window.until > now);
		return this.throttles.some(window => window.op === op && (window.accountId === undefined || window.accountId === accountId));
	}
}
