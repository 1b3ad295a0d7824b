// The event detail's state and keys: scrolling, decoded or raw JSON strings, wrapping or sideways
// scrolling, and finding text (`/`, then n and N). The main screen calls this once and gets the
// view to draw, the keys that work (the find line's while it is open) and a status to show.
// Laying out the record costs time in proportion to its size, so it happens when the event, the
// width or a mode changes; a scroll key only moves the window over the rows already laid out.
import {useEffect, useMemo, useRef, useState} from 'react';
import type {TrailEvent} from '../domain/types.js';
import type {StatusPart} from '../components/footer.js';
import {lineEditorCommands, useLineEditor} from '../components/line-editor/index.js';
import type {CommandSpec} from '../hooks/use-commands.js';
import {detailBody, detailSummary} from '../lib/events-detail.js';
import type {JsonLine} from '../lib/json-highlight.js';
import {clampX, reveal, scrollRows, scrollSideways, startOfRecord, topRow, type Reading} from '../lib/detail-reading.js';
import {lineText} from '../lib/row-pieces.js';
import {findMatches, firstMatchFrom, stepMatch, type Matches} from '../lib/text-search.js';
import {layoutRows} from '../lib/wrap-rows.js';
import {safe, sanitizeLine} from '../lib/sanitize.js';
import type {Move} from '../lib/table-window.js';
import type {DetailView} from './event-detail.js';
import {detailSpecs} from './main-specs.js';

export type DetailKeys = {
	/** Undefined while no event is open. */
	view: DetailView | undefined;
	/** The find line is open: every printable key is text, the app's letters included. */
	finding: boolean;
	/** The keys that work now; `close` and `pivot` are the main screen's. */
	specs(handlers: {close(): void; pivot(): void; copy(what: 'json' | 'id'): void}): CommandSpec[];
	status: StatusPart[];
};

export type DetailOptions = {
	width: number;
	/** Lines the detail may use, title included. */
	height: number;
	/** The find line takes the keyboard (true) or gives it back. */
	onTyping?: ((typing: boolean) => void) | undefined;
};

/** On short terminals the summary gives way so some of the record stays visible. */
const minRecordLines = 3;
const summaryPriority = ['Who', 'What', 'Outcome', 'When', 'From', 'Event'];
const noMatches: Matches = {list: [], capped: false};

type State = {event: TrailEvent | undefined; reading: Reading; finding: boolean};

export function useDetailKeys(event: TrailEvent | undefined, {width, height, onTyping}: DetailOptions): DetailKeys {
	// How to read records is a preference, kept from one event to the next.
	const [wrap, setWrap] = useState(true);
	const [raw, setRaw] = useState(false);
	const [stored, setState] = useState<State>({event, reading: startOfRecord, finding: false});
	const editor = useLineEditor();
	// Another event (or none: the detail closed) starts at its top with no search.
	const fresh: State = {event, reading: startOfRecord, finding: false};
	const state = stored.event === event ? stored : fresh;
	if (stored.event !== event) {
		setState(fresh);
	}

	const decodedBody = useMemo(() => (event ? detailBody(event, {decode: true}) : undefined), [event]);
	const decoded = decodedBody?.kind === 'json' ? decodedBody.decoded : 0;
	const rawBody = useMemo(() => (event && raw && decoded > 0 ? detailBody(event) : undefined), [event, raw, decoded]);
	const body = rawBody ?? decodedBody;
	const lines = useMemo<JsonLine[]>(
		() => (body ? (body.kind === 'json' ? body.lines : body.lines.map(text => [{text, kind: 'punct'}])) : []),
		[body],
	);
	const texts = useMemo(() => lines.map(line => lineText(line)), [lines]);
	const layout = useMemo(() => layoutRows(texts, width, wrap), [texts, width, wrap]);
	const fullSummary = useMemo(() => (event ? detailSummary(event) : []), [event]);
	const needle = state.reading.search?.needle;
	const matches = useMemo(() => (needle === undefined ? noMatches : findMatches(texts, needle)), [texts, needle]);

	const finding = state.finding && event !== undefined;
	// The app is told when the line closes because the detail did (the event went away) too.
	const typing = useRef(false);
	useEffect(() => {
		if (typing.current && !finding) {
			typing.current = false;
			onTyping?.(false);
		}
	}, [finding, onTyping]);

	const summaryRoom = Math.max(0, Math.min(fullSummary.length, height - 2 - minRecordLines));
	const kept = new Set(summaryPriority.slice(0, summaryRoom));
	const summary = fullSummary.filter(row => kept.has(row.label));
	// Title, summary, a rule (or the note), the record, and the find line while it is open.
	const closedViewport = Math.max(1, height - 1 - summary.length - 1);
	const viewport = Math.max(1, closedViewport - (finding ? 1 : 0));
	const search = state.reading.search;
	const current = search && search.index < matches.list.length ? search.index : -1;

	// Updates start from the newest state, so keys that arrive together (j j j) all count.
	const update = (change: (reading: Reading) => Reading, patch: Partial<State> = {}) => {
		setState(previous => {
			const base = previous.event === event ? previous : fresh;
			return {...base, ...patch, reading: change(base.reading)};
		});
	};

	const setFinding = (open: boolean) => {
		typing.current = open;
		onTyping?.(open);
	};

	const jump = (reading: Reading, index: number, rows: number): Reading => {
		const match = matches.list[index];
		const next = {...reading, search: reading.search && {...reading.search, index}};
		return match ? reveal(next, layout, texts[match.line] ?? '', match, {viewport: rows, width}) : next;
	};

	const findSpecs = lineEditorCommands(editor, {
		submitHint: safe`find`,
		submitCommand: 'submitFind',
		onSubmit(text) {
			setFinding(false);
			if (text === '') {
				update(reading => ({...reading, search: undefined}), {finding: false});
				return;
			}

			const found = findMatches(texts, text);
			update(reading => {
				const from = layout.rows[topRow(layout, reading.top, closedViewport)]?.line ?? 0;
				const index = firstMatchFrom(found.list, from);
				const next = {...reading, search: {needle: text, index}};
				const match = found.list[index];
				return match ? reveal(next, layout, texts[match.line] ?? '', match, {viewport: closedViewport, width}) : next;
			}, {finding: false});
		},
		onCancel() {
			setFinding(false);
			update(reading => reading, {finding: false});
		},
	});

	const readingSpecs: CommandSpec[] = [
		{
			commands: ['find'],
			hint: safe`find`,
			run() {
				editor.dispatch({type: 'set', value: ''});
				setFinding(true);
				update(reading => reading, {finding: true});
			},
		},
		...(matches.list.length > 0
			? [
				{
					commands: ['findNext', 'findPrevious'] as const,
					hint: safe`matches`,
					run(command: string) {
						update(reading => jump(reading, stepMatch(matches.list.length, reading.search?.index ?? -1, command === 'findNext' ? 1 : -1), viewport));
					},
				},
			]
			: []),
		...(decoded > 0 ? [{commands: ['toggleRaw'] as const, hint: raw ? safe`decoded` : safe`raw`, run: () => setRaw(value => !value)}] : []),
		...(wrap && layout.widest <= width ? [] : [{commands: ['toggleWrap'] as const, hint: wrap ? safe`no wrap` : safe`wrap`, run: () => setWrap(value => !value)}]),
		...(wrap || layout.widest <= width
			? []
			: [
				{
					commands: ['scrollLeft', 'scrollRight'] as const,
					hint: safe`sideways`,
					run: (command: string) => update(reading => scrollSideways(reading, layout, command === 'scrollLeft' ? -1 : 1, width)),
				},
			]),
	];

	const view: DetailView | undefined = body && event
		? {
			event,
			summary,
			note: body.kind === 'json' ? undefined : body.note,
			lines,
			layout,
			top: topRow(layout, state.reading.top, viewport),
			viewport,
			x: clampX(layout, state.reading.x, width),
			matches: matches.list,
			current,
			decoded,
			raw: rawBody !== undefined,
			find: finding ? editor.state : undefined,
		}
		: undefined;

	let status: StatusPart[] = [];
	if (finding) {
		status = [{text: safe`Find in this record: Enter finds, Esc cancels`}];
	} else if (search && matches.list.length > 0) {
		status = [{text: safe`match ${current + 1} of ${matches.list.length}${matches.capped ? safe`+` : safe``}`, color: 'cyan'}];
	} else if (search) {
		status = [{text: safe`no match for “${sanitizeLine(search.needle)}”`, color: 'yellow'}];
	}

	return {
		view,
		finding,
		specs: handlers =>
			finding
				? findSpecs
				: detailSpecs({
					scroll: (move: Move) => update(reading => scrollRows(reading, layout, move, viewport)),
					close: handlers.close,
					pivot: handlers.pivot,
					copy: handlers.copy,
					reading: readingSpecs,
				}),
		status,
	};
}
