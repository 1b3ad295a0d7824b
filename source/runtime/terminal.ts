// Alternate-screen handling. The UI draws on the alternate screen so the user's scrollback is
// left as it was; every way out (q, Ctrl+C, signals, crashes, process.exit from anywhere) must
// switch back and show the cursor, or the user's shell is left unusable.
import {writeSync} from 'node:fs';

export const sequences = {
	enterAltScreen: '\u001B[?1049h',
	leaveAltScreen: '\u001B[?1049l',
	// 1049h keeps the cursor where it was; Ink draws from the cursor, so home it and clear.
	clearAndHome: '\u001B[2J\u001B[H',
	showCursor: '\u001B[?25h',
} as const;

export type TerminalStreams = {
	stdout: Pick<NodeJS.WriteStream, 'write'> & {fd?: number};
	stdin: {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown; isRaw?: boolean};
};

export type AltScreen = {
	readonly active: boolean;
	/** Leaves the alternate screen and shows the cursor; safe to call any number of times. */
	leave(): void;
};

function writeNow(stdout: TerminalStreams['stdout'], text: string): void {
	try {
		// Synchronous, so it also works inside process.on('exit') and after a crash.
		if (typeof stdout.fd === 'number') {
			writeSync(stdout.fd, text);
		} else {
			stdout.write(text);
		}
	} catch {
		// The terminal may already be gone (SIGHUP); nothing left to restore.
	}
}

export function enterAltScreen(streams: TerminalStreams, proc: Pick<NodeJS.Process, 'on' | 'off'> = process): AltScreen {
	let active = true;
	writeNow(streams.stdout, sequences.enterAltScreen + sequences.clearAndHome);
	const leave = () => {
		if (!active) {
			return;
		}

		active = false;
		proc.off('exit', leave);
		try {
			if (streams.stdin.isTTY && streams.stdin.isRaw) {
				streams.stdin.setRawMode?.(false);
			}
		} catch {
			// stdin may be closed already.
		}

		writeNow(streams.stdout, sequences.leaveAltScreen + sequences.showCursor);
	};

	// Last resort: whoever calls process.exit, the screen is restored.
	proc.on('exit', leave);
	return {
		get active() {
			return active;
		},
		leave,
	};
}
