// Pacing inside the SDK's request pipeline. CloudTrail counts every request that reaches it,
// retries included, so a limiter consulted only before `send` would let the SDK's own retries of
// a throttled call through unpaced, straight into the next call's share of the quota, and one
// throttle would cause the next. Placed after the retry middleware, the limiter is asked before
// every attempt.
import type {RateLimiter} from './rate-limiter.js';

const pacingStep = {step: 'finalizeRequest', priority: 'low', name: 'trailviewPacing', override: true} as const;

type Pacer = <Args, Result>(next: (args: Args) => Promise<Result>) => (args: Args) => Promise<Result>;

type Pacable = {middlewareStack: {add(middleware: Pacer, options: typeof pacingStep): void}};

/** `command`, sent (and re-sent by the SDK's retries) only as `limiter` allows; waits end when `signal` aborts. */
export function paced<C extends Pacable>(command: C, limiter: RateLimiter, signal: AbortSignal | undefined): C {
	command.middlewareStack.add(
		(next) => async (args) => {
			await limiter.acquire(signal);
			return next(args);
		},
		pacingStep,
	);
	return command;
}
