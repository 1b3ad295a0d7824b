// The clipboard over the terminal: OSC 52 asks the terminal emulator itself to set the clipboard,
// so it works over SSH, where no local clipboard tool can be reached. Inside tmux the sequence is
// wrapped for passthrough (tmux then needs `set -g allow-passthrough on`, or `set-clipboard on`
// for the unwrapped form, which tmux handles itself).

const esc = '\u001B';

/** OSC 52 for the system clipboard ("c"), the payload base64 UTF-8, ended with BEL. */
export function osc52(text: string, options: {tmux: boolean}): string {
	const sequence = `${esc}]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
	// tmux's passthrough: DCS tmux; … ST, every ESC inside doubled.
	return options.tmux ? `${esc}Ptmux;${sequence.replaceAll(esc, esc + esc)}${esc}\\` : sequence;
}

/** Terminals cap OSC 52 payloads (xterm: 100,000 bytes of base64 by default). */
export const osc52Limit = 74_000;
