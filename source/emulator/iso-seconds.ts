// Event times as CloudTrail writes them, formatted fast: tens of thousands are written at once.

const dayMs = 86_400_000;
const twoDigits = Array.from({length: 60}, (_, value) => String(value).padStart(2, '0'));
let cachedDay = Number.NaN;
let cachedDate = '';

/** `2025-06-01T12:00:00Z`; the date part is kept between calls, as records come in runs of a day. */
export function isoSeconds(ms: number): string {
	const seconds = Math.floor(ms / 1000);
	const day = Math.floor(seconds / 86_400);
	if (day !== cachedDay) {
		cachedDay = day;
		cachedDate = new Date(day * dayMs).toISOString().slice(0, 11);
	}

	const within = seconds - day * 86_400;
	return `${cachedDate}${twoDigits[Math.floor(within / 3600)]!}:${twoDigits[Math.floor(within / 60) % 60]!}:${twoDigits[within % 60]!}Z`;
}
