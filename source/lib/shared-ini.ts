// The INI dialect of ~/.aws/config and ~/.aws/credentials, read exactly as the AWS SDK reads it
// (parseIni and getConfigData of @smithy/shared-ini-file-loader, which exports only an async
// loader). The picker lists profiles in its first frame, so the files are parsed synchronously
// here instead of after loading the SDK's chunks; test/lib/shared-ini.test.ts checks this against
// the SDK's own loader so the two cannot drift apart unnoticed.

export type IniSection = Record<string, string>;
export type IniFile = Record<string, IniSection>;

/** The SDK's IniSectionType: `[profile x]`, `[sso-session x]`, `[services x]`. */
const SECTION_TYPES = new Set(['profile', 'sso-session', 'services']);
const PREFIXED_SECTION = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;
const BLOCKED_SECTIONS = new Set(['__proto__', 'profile __proto__']);
const SEPARATOR = '.';

/**
 * Sections by name (`[profile x]` as "profile.x"), keys of an indented sub-section as
 * "parent.key". Throws on a `__proto__` section, as the SDK does, which then treats the whole file
 * as empty.
 */
export function parseIni(text: string): IniFile {
	const map: IniFile = Object.create(null) as IniFile;
	let section: string | undefined;
	let subSection: string | undefined;
	for (const line of text.split(/\r?\n/)) {
		const trimmed = (line.split(/(^|\s)[;#]/)[0] ?? '').trim();
		if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
			section = undefined;
			subSection = undefined;
			const name = trimmed.slice(1, -1);
			const prefixed = PREFIXED_SECTION.exec(name);
			if (prefixed) {
				const [, prefix = '', , rest = ''] = prefixed;
				if (SECTION_TYPES.has(prefix)) {
					section = `${prefix}${SEPARATOR}${rest}`;
				}
			} else {
				section = name;
			}

			if (BLOCKED_SECTIONS.has(name)) {
				throw new Error(`Found invalid profile name "${name}"`);
			}
		} else if (section) {
			const equals = trimmed.indexOf('=');
			if (equals > 0) {
				const key = trimmed.slice(0, equals).trim();
				const value = trimmed.slice(equals + 1).trim();
				if (value === '') {
					subSection = key;
				} else {
					if (subSection && line.trimStart() === line) {
						subSection = undefined;
					}

					const entries = (map[section] ??= Object.create(null) as IniSection);
					entries[subSection ? `${subSection}${SEPARATOR}${key}` : key] = value;
				}
			}
		}
	}

	return map;
}

/**
 * The config file's view of a parsed file: `[profile x]` becomes "x", `[sso-session x]` and
 * `[services x]` keep their prefix, `[default]` counts, and any other unprefixed section is dropped.
 */
export function configSections(parsed: IniFile): IniFile {
	const result: IniFile = Object.create(null) as IniFile;
	if (parsed['default']) {
		result['default'] = parsed['default'];
	}

	for (const [key, value] of Object.entries(parsed)) {
		const separator = key.indexOf(SEPARATOR);
		const prefix = separator === -1 ? undefined : key.slice(0, separator);
		if (prefix !== undefined && SECTION_TYPES.has(prefix)) {
			result[prefix === 'profile' ? key.slice(separator + 1) : key] = value;
		}
	}

	return result;
}
