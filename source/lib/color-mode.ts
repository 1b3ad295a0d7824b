// Whether the UI may use colour, decided once at startup from the environment and what the terminal
// supports. Colour here means foreground and background colours only: bold, dim, inverse and
// underline are attributes and stay, so states remain legible without colour.
//
// The rules are Node's (doc/api/cli.md, FORCE_COLOR; tty.getColorDepth) with no-color.org's
// reading of NO_COLOR:
// - FORCE_COLOR set to `1`, `true` or '' means 16 colours, `2` 256, `3` 16 million; set to any
//   other value (`0`, `false`, ...) it turns colour off. Set to a supported value it wins over
//   NO_COLOR, as in Node.
// - NO_COLOR set and not empty turns colour off.
// - Otherwise the terminal decides (Node's tty.getColorDepth: TERM, COLORTERM, TERM=dumb, CI,
//   NODE_DISABLE_COLORS, ...).

type Env = Readonly<Record<string, string | undefined>>;

/** 0: no colour; 1: 16 colours; 2: 256; 3: 16 million (the levels chalk and Node use). */
export type ColorLevel = 0 | 1 | 2 | 3;

/** FORCE_COLOR's level, or undefined when FORCE_COLOR is not set. */
export function forcedColorLevel(env: Env): ColorLevel | undefined {
	const value = env['FORCE_COLOR'];
	switch (value) {
		case undefined: {
			return undefined;
		}

		case '':
		case '1':
		case 'true': {
			return 1;
		}

		case '2': {
			return 2;
		}

		case '3': {
			return 3;
		}

		default: {
			return 0;
		}
	}
}

/** Node's colour depth in bits (tty.WriteStream#getColorDepth: 1, 4, 8 or 24) as a level. */
export function levelFromDepth(bits: number): ColorLevel {
	return bits >= 24 ? 3 : bits >= 8 ? 2 : bits >= 4 ? 1 : 0;
}

/**
 * The environment without the two variables `colorLevel` reads itself, for asking Node what the
 * terminal supports: Node's check treats an empty NO_COLOR as set, no-color.org does not.
 */
export function terminalOnlyEnv(env: Env): Record<string, string | undefined> {
	const {FORCE_COLOR: _force, NO_COLOR: _no, ...rest} = env;
	return rest;
}

/** The colour level to use, given what the terminal supports (`terminal`) and the environment. */
export function colorLevel(env: Env, terminal: ColorLevel): ColorLevel {
	const forced = forcedColorLevel(env);
	if (forced !== undefined) {
		return forced;
	}

	if ((env['NO_COLOR'] ?? '') !== '') {
		return 0;
	}

	return terminal;
}
