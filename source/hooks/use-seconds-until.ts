// Whole seconds until a moment, for a countdown ("retrying in 8 s"). It wakes only when the number
// shown would change and only while there is something left to count, so a pane that is not
// waiting costs no timer, and each tick redraws just the line that shows it.
import {useEffect, useState} from 'react';

export function useSecondsUntil(at: number): number {
	// The component that shows a countdown is keyed by `at`, so this starts fresh for every wait.
	const [now, setNow] = useState(() => Date.now());
	const left = Math.max(0, Math.ceil((at - now) / 1000));
	useEffect(() => {
		if (left === 0) {
			return;
		}

		// Until the shown number drops by one: the rest of the current second, plus a little so the
		// timer never lands just before the boundary.
		const untilChange = ((at - Date.now()) % 1000 || 1000) + 5;
		const timer = setTimeout(() => {
			setNow(Date.now());
		}, untilChange);
		// A countdown alone must not keep the process alive after the UI exits.
		timer.unref?.();
		return () => {
			clearTimeout(timer);
		};
	}, [at, now, left]);
	return left;
}
