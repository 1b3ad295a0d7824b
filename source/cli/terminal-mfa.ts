// Script mode's MFA prompt: stdout is a pipe, so the code is read from the controlling terminal
// (/dev/tty), as ssh and sudo do. Without one the profile cannot be used, and the error says so.
import {openSync} from 'node:fs';
import tty from 'node:tty';
import {TrailviewError, type MfaPrompt} from '../domain/types.js';
import {mfaUnavailable} from '../domain/mfa-broker.js';
import {sanitizeLine} from '../lib/sanitize.js';

export function terminalMfaPrompt(path = '/dev/tty'): MfaPrompt {
	return async request => {
		let fd: number;
		try {
			fd = openSync(path, 'r+');
		} catch {
			throw mfaUnavailable(request.profile);
		}

		const input = new tty.ReadStream(fd);
		const write = (text: string) => input.write(text);
		if (request.retry) {
			write(`${sanitizeLine(request.retry)}\r\n`);
		}

		write(`MFA code for profile ${sanitizeLine(request.profile)} (${sanitizeLine(request.serial)}): `);
		input.setRawMode(true);
		try {
			return await new Promise<string>((resolve, reject) => {
				let code = '';
				input.on('data', (chunk: Buffer) => {
					for (const char of chunk.toString('utf8')) {
						if (char === '\r' || char === '\n') {
							write('\r\n');
							resolve(code);
							return;
						}

						if (char === '\u0003' || char === '\u001B') {
							write('\r\n');
							reject(new TrailviewError('cancelled', 'Cancelled.'));
							return;
						}

						if ((char === '\u007F' || char === '\b') && code !== '') {
							code = code.slice(0, -1);
							write('\b \b');
						} else if (/\d/.test(char) && code.length < 6) {
							code += char;
							// Masked: the code is a secret for its 30 seconds.
							write('*');
						}
					}
				});
			});
		} finally {
			input.setRawMode(false);
			input.destroy();
		}
	};
}
