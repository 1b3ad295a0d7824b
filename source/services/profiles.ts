// Profiles for the picker, read the way the SDK reads them (see lib/shared-ini.ts) so
// AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, `[profile x]` vs `[x]` and `[sso-session x]` mean
// exactly what they mean to the credential providers that later use the profile. The files are
// small and read synchronously: the picker's first frame lists them, and nothing from the SDK is
// loaded to do it. Secrets are never copied out: a static profile shows only its masked key id.
import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join, sep} from 'node:path';
import type {ProfileEntry} from '../domain/types.js';
import {maskAccessKeyId} from '../domain/mask.js';
import {configSections, parseIni, type IniFile} from '../lib/shared-ini.js';

type Section = Record<string, string | undefined>;
type ParsedFile = IniFile;

export type ProfileList = {profiles: ProfileEntry[]; warnings: string[]};

export const ENVIRONMENT_PROFILE_NAME = 'Environment variables';
export const DEFAULT_CHAIN_PROFILE_NAME = 'Default provider chain';

export type SharedFilePaths = {configFilepath: string | undefined; filepath: string | undefined};

/** Paths the SDK would use, from an injected env; undefined lets the SDK apply its own default. */
export function sharedFilePaths(env: NodeJS.ProcessEnv): SharedFilePaths {
	return {
		configFilepath: env['AWS_CONFIG_FILE'] || undefined,
		filepath: env['AWS_SHARED_CREDENTIALS_FILE'] || undefined,
	};
}

/**
 * `preferred` (--profile, else AWS_PROFILE) sorts first so the picker opens on it; then `default`,
 * then the rest by name.
 */
export function readProfiles(env: NodeJS.ProcessEnv = process.env, preferred = env['AWS_PROFILE']): ProfileList {
	const paths = sharedFilePaths(env);
	const config = readSharedFile(expandHome(paths.configFilepath ?? '~/.aws/config'), 'config');
	const credentials = readSharedFile(expandHome(paths.filepath ?? '~/.aws/credentials'), 'credentials');
	const configFile = config.sections;
	const credentialsFile = credentials.sections;
	const warnings = [...config.warnings, ...credentials.warnings];

	const merged = new Map<string, Section>();
	// The config file's profiles, then the credentials file's on top: the precedence the SDK uses.
	for (const [key, section] of Object.entries(configFile)) {
		if (!isNonProfileSection(key)) {
			merged.set(key, {...section});
		}
	}

	for (const [key, section] of Object.entries(credentialsFile)) {
		if (!isNonProfileSection(key) && !key.startsWith('profile.')) {
			merged.set(key, {...merged.get(key), ...section});
		}
	}

	const profiles = [...merged.entries()]
		.map(([name, section]) => classifyProfile(name, section, configFile))
		.sort((a, b) => compareProfiles(a, b, preferred));

	if (env['AWS_ACCESS_KEY_ID']) {
		profiles.push({
			name: ENVIRONMENT_PROFILE_NAME,
			kind: 'environment',
			detail: `AWS_ACCESS_KEY_ID ${maskAccessKeyId(env['AWS_ACCESS_KEY_ID'])}${env['AWS_SESSION_TOKEN'] ? ' + session token' : ''}`,
			region: undefined,
		});
	}

	profiles.push({
		name: DEFAULT_CHAIN_PROFILE_NAME,
		kind: 'default-chain',
		detail: `what the AWS CLI would use: environment, ${env['AWS_PROFILE'] ? `profile ${env['AWS_PROFILE']}` : 'default profile'}, SSO, container or instance role`,
		region: undefined,
	});

	return {profiles, warnings};
}

/** The SDK's home directory rule (getHomeDir), and its expansion of a leading `~/` in either path. */
function expandHome(path: string): string {
	if (!path.startsWith('~/')) {
		return path;
	}

	const {HOME, USERPROFILE, HOMEPATH, HOMEDRIVE = `C:${sep}`} = process.env;
	const home = HOME || USERPROFILE || (HOMEPATH ? `${HOMEDRIVE}${HOMEPATH}` : homedir());
	return join(home, path.slice(2));
}

/** A missing file is no profiles; an unparsable one is no profiles too (as in the SDK), with a warning. */
function readSharedFile(path: string, label: 'config' | 'credentials'): {sections: ParsedFile; warnings: string[]} {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		const code = (error as {code?: unknown}).code;
		const warnings = code === 'ENOENT' || code === 'ENOTDIR' ? [] : [`The ${label} file ${path} could not be read (${String(code ?? 'error')}).`];
		return {sections: {}, warnings};
	}

	let sections: ParsedFile;
	try {
		const parsed = parseIni(text);
		sections = label === 'config' ? configSections(parsed) : parsed;
	} catch {
		sections = {};
	}

	return {sections, warnings: lintFile(text, path, label, sections)};
}

export function classifyProfile(name: string, section: Section, configFile: ParsedFile): ProfileEntry {
	const region = section['region'] || undefined;
	const base = {name, region};
	const roleArn = section['role_arn'];
	const sourceProfile = section['source_profile'];
	const credentialSource = section['credential_source'];

	// Same precedence as @aws-sdk/credential-provider-ini's resolveProfileData.
	if (roleArn && (sourceProfile || credentialSource)) {
		return {...base, kind: 'assume-role', detail: `assume role ${roleArn} via ${sourceProfile ?? credentialSource}`};
	}

	if (section['aws_access_key_id']) {
		const token = section['aws_session_token'] ? ' + session token' : '';
		return {...base, kind: 'static', detail: `static keys ${maskAccessKeyId(section['aws_access_key_id'])}${token}`};
	}

	if (section['web_identity_token_file'] && roleArn) {
		return {...base, kind: 'web-identity', detail: `web identity ${roleArn}`};
	}

	if (section['credential_process']) {
		return {...base, kind: 'credential-process', detail: `credential process ${programName(section['credential_process'])}`};
	}

	const ssoSession = section['sso_session'];
	if (ssoSession || section['sso_start_url'] || section['sso_account_id']) {
		const session = ssoSession ? configFile[`sso-session.${ssoSession}`] : undefined;
		const label = ssoSession ?? hostOf(section['sso_start_url'] ?? session?.['sso_start_url']);
		const target = [section['sso_account_id'], section['sso_role_name']].filter(Boolean).join(' / ');
		const missing = ssoSession && session === undefined ? ' (sso-session section missing)' : '';
		return {
			...base,
			kind: 'sso',
			detail: ['SSO', label, target].filter(Boolean).join(' · ') + missing,
			...(ssoSession ? {ssoSession} : {}),
		};
	}

	if (section['login_session']) {
		// `aws login` console sessions: short-lived, refreshed with a login command like SSO.
		return {...base, kind: 'sso', detail: `AWS login · ${section['login_session']}`};
	}

	return {...base, kind: 'unknown', detail: region ? `no credentials (region ${region} only)` : 'no credentials configured'};
}

/** The loader keys `[sso-session x]` as "sso-session.x" and `[profile x]` as plain "x". */
function isNonProfileSection(key: string): boolean {
	return key.startsWith('sso-session.') || key.startsWith('services.');
}

function compareProfiles(a: ProfileEntry, b: ProfileEntry, preferred: string | undefined): number {
	if (preferred && (a.name === preferred || b.name === preferred)) {
		return a.name === preferred ? (b.name === preferred ? 0 : -1) : 1;
	}

	if (a.name === 'default' || b.name === 'default') {
		return a.name === 'default' ? (b.name === 'default' ? 0 : -1) : 1;
	}

	return a.name.localeCompare(b.name, 'en', {sensitivity: 'base', numeric: true});
}

/** The command line may carry arguments we should not display; the program is enough to recognise it. */
function programName(command: string): string {
	const first = command.trim().match(/^"([^"]+)"|^'([^']+)'|^(\S+)/);
	const program = first?.[1] ?? first?.[2] ?? first?.[3] ?? command;
	return program.split(/[\\/]/).at(-1) ?? program;
}

function hostOf(url: string | undefined): string | undefined {
	if (!url) {
		return undefined;
	}

	try {
		return new URL(url).host || url;
	} catch {
		return url;
	}
}

const CONFIG_SECTION = /^(profile|sso-session|services)\s+\S/;

/**
 * The SDK's parser skips what it does not understand and discards a whole file when it throws, all
 * silently; the CLI behaves the same, which leaves users guessing why a profile is missing. This
 * names the problem without echoing any line's content (a value may be a secret).
 */
function lintFile(text: string, path: string, label: 'config' | 'credentials', parsed: ParsedFile): string[] {
	const warnings: string[] = [];
	let sections = 0;
	for (const [index, line] of text.split(/\r?\n/).entries()) {
		const content = line.split(/(^|\s)[;#]/)[0]?.trim() ?? '';
		if (content === '') {
			continue;
		}

		const where = `${label} file ${path}, line ${index + 1}`;
		if (content.startsWith('[')) {
			if (!content.endsWith(']')) {
				warnings.push(`${where}: the section header is not closed with "]".`);
				continue;
			}

			sections++;
			const name = content.slice(1, -1).trim();
			if (label === 'config' && name !== 'default' && !CONFIG_SECTION.test(name)) {
				warnings.push(`${where}: [${name}] is ignored; in the config file a profile is written [profile ${name}].`);
			} else if (label === 'credentials' && /^profile\s/.test(name)) {
				warnings.push(`${where}: [${name}] is ignored; in the credentials file a profile is written [${name.replace(/^profile\s+/, '')}].`);
			}

			continue;
		}

		if (!content.includes('=') || content.startsWith('=')) {
			warnings.push(`${where}: not a "key = value" line; it was ignored.`);
		}
	}

	if (sections > 0 && Object.keys(parsed).length === 0) {
		warnings.push(`The ${label} file ${path} could not be parsed; none of its profiles are listed.`);
	}

	return warnings;
}
