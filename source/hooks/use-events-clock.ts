// A clock for "loaded 12 s ago": re-renders once per interval so relative times keep counting.
import {useEffect, useState} from 'react';

export function useNow(intervalMs = 1000): Date {
	const [now, setNow] = useState(() => new Date());
	useEffect(() => {
		const timer = setInterval(() => {
			setNow(new Date());
		}, intervalMs);
		// A clock alone must not keep the process alive after the UI exits.
		timer.unref?.();
		return () => {
			clearInterval(timer);
		};
	}, [intervalMs]);
	return now;
}
