// How the main screen splits the terminal's height between header, panes and footer.

export const headerLines = 2;
const footerLines = 2;

export type MainLayout = {
	/** Lines for the trails pane below its title. */
	trailsBody: number;
	/** Lines for the events pane below its title (column header included). */
	eventsBody: number;
	/** Lines between header and footer. */
	middle: number;
};

/**
 * Splits the terminal height: the trails pane gets what it asks for, up to about a third, and
 * never less than one line; the events table gets the rest. Sums to `rows` exactly. `extraFooter`
 * lines (the query line) come off the events table.
 */
export function mainLayout(rows: number, trailsWants: number, extraFooter = 0): MainLayout {
	const middle = Math.max(4, rows - headerLines - footerLines - extraFooter);
	const trailsMax = Math.max(1, Math.min(Math.floor(middle * 0.3), middle - 5));
	const trailsBody = Math.max(1, Math.min(trailsWants, trailsMax));
	const eventsBody = Math.max(2, middle - 2 - trailsBody);
	return {trailsBody, eventsBody, middle};
}

