// A clock for "loaded 12 s ago" and "last delivery 3 min ago": it wakes only when one of those
// texts would change (every second in the first minute, then every minute...), because each wake
// redraws the whole screen.
import {useEffect, useState} from 'react';
import {msUntilRelativeChange} from '../lib/format.js';

export function useNow(anchors: ReadonlyArray<Date | undefined>): Date {
	const [now, setNow] = useState(() => new Date());
	const key = anchors.map(anchor => anchor?.getTime() ?? '').join(',');
	useEffect(() => {
		// New anchors (a refresh) can arrive while `now` is up to a minute old: catch up first.
		if (Date.now() - now.getTime() > 1000) {
			setNow(new Date());
			return;
		}

		const wait = msUntilRelativeChange(anchors, now);
		if (wait === undefined) {
			return;
		}

		const timer = setTimeout(() => {
			setNow(new Date());
		}, wait + 5);
		// A clock alone must not keep the process alive after the UI exits.
		timer.unref?.();
		return () => {
			clearTimeout(timer);
		};
		// The anchors' times, not the array's identity, decide when to wake.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [key, now]);
	return now;
}
