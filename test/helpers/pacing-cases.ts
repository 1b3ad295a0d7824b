// Calls arriving at these times (ms), judged by CloudTrail's LookupEvents rule of at most 2 calls in
// any 1 s window. The same table is run against the pure rule (test/lib/sliding-window.test.ts) and
// the emulator's limiter (test/emulator/throttling.test.ts), and the client's scheduler is checked
// against the emulator's limiter (test/services/rate-limiter.test.ts), so all three agree.
export type PacingCase = {name: string; arrivals: number[]; admitted: boolean[]};

export const lookupEventsCases: PacingCase[] = [
	{name: 'a burst of three: the third waits', arrivals: [0, 0, 0], admitted: [true, true, false]},
	{name: 'what a 2/s token bucket lets through: 0, 0, 500', arrivals: [0, 0, 500], admitted: [true, true, false]},
	{name: 'evenly at exactly 2/s', arrivals: [0, 500, 1000, 1500, 2000], admitted: [true, true, true, true, true]},
	{name: 'the window is half-open: 0 and 1000 are in different windows', arrivals: [0, 1, 1000, 1001], admitted: [true, true, true, true]},
	{name: 'one millisecond early', arrivals: [0, 1, 999], admitted: [true, true, false]},
	{name: 'a throttled call does not count', arrivals: [0, 600, 900, 1100, 1500], admitted: [true, true, false, true, false]},
];
