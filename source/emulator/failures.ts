// Failures tests inject on purpose, to see how the app copes with each kind.
import type {EmulatedOperation, FailureOptions, InjectedFailure} from './types.js';

type Rule = {op: EmulatedOperation; failure: InjectedFailure; remaining: number; accountId: string | undefined};

export class FailureRules {
	private rules: Rule[] = [];

	add(op: EmulatedOperation, failure: InjectedFailure, options: FailureOptions = {}): void {
		this.rules.push({op, failure, remaining: options.times ?? Number.POSITIVE_INFINITY, accountId: options.accountId});
	}

	clear(): void {
		this.rules = [];
	}

	/** The failure this call should suffer, consuming one of its `times`. */
	take(op: EmulatedOperation, accountId: string): InjectedFailure | undefined {
		const rule = this.rules.find(
			candidate => candidate.op === op && candidate.remaining > 0 && (candidate.accountId === undefined || candidate.accountId === accountId),
		);
		if (!rule) {
			return undefined;
		}

		rule.remaining -= 1;
		if (rule.remaining <= 0) {
			this.rules = this.rules.filter(candidate => candidate !== rule);
		}

		return rule.failure;
	}
}
