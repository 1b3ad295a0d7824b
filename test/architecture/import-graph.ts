// The app's import graph, read with the TypeScript compiler's parser (static, type-only and
// dynamic imports, and re-exports), and the checks the architecture test runs on it. Pure apart
// from reading files, so the checks themselves are unit-tested on small made-up graphs.
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Repository-relative path (forward slashes) -> what it imports: resolved local files, or package names. */
export type ImportGraph = Map<string, {local: string[]; packages: string[]}>;

const sourceExtensions = ['.ts', '.tsx'];

function listSources(root: string, dir: string): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(path.join(root, dir))) {
		const relative = `${dir}/${entry}`;
		if (statSync(path.join(root, relative)).isDirectory()) {
			out.push(...listSources(root, relative));
		} else if (sourceExtensions.some(extension => entry.endsWith(extension)) && !entry.endsWith('.d.ts')) {
			out.push(relative);
		}
	}

	return out;
}

/** Every module specifier in `text`: import/export declarations, `import()` calls and `import('x')` types. */
export function importSpecifiers(fileName: string, text: string): string[] {
	const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
	const found: string[] = [];
	const visit = (node: ts.Node): void => {
		if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
			found.push(node.moduleSpecifier.text);
		} else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
			const [argument] = node.arguments;
			if (argument && ts.isStringLiteralLike(argument)) {
				found.push(argument.text);
			}
		} else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
			found.push(node.argument.literal.text);
		}

		ts.forEachChild(node, visit);
	};

	visit(file);
	return found;
}

/** `./x.js` from `source/a/b.ts` -> `source/a/x.ts` (or .tsx, or a folder's index), or undefined when no such source exists. */
function resolveLocal(root: string, from: string, specifier: string): string | undefined {
	const base = path.posix.join(path.posix.dirname(from), specifier).replace(/\.(?:js|jsx|ts|tsx)$/, '');
	for (const candidate of [...sourceExtensions.map(extension => base + extension), ...sourceExtensions.map(extension => `${base}/index${extension}`)]) {
		if (existsSync(path.join(root, candidate))) {
			return candidate;
		}
	}

	return undefined;
}

/** The graph of `entries` (files) and every source file under `dirs`, relative to `root`. */
export function readImportGraph(root: string, dirs: string[], entries: string[]): ImportGraph {
	const graph: ImportGraph = new Map();
	for (const file of [...entries, ...dirs.flatMap(dir => listSources(root, dir))]) {
		const local: string[] = [];
		const packages: string[] = [];
		for (const specifier of importSpecifiers(file, readFileSync(path.join(root, file), 'utf8'))) {
			if (specifier.startsWith('.')) {
				// A path that resolves to no source (package.json, node_modules data) is not an app module.
				const resolved = resolveLocal(root, file, specifier);
				if (resolved === undefined) {
					packages.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)));
				} else {
					local.push(resolved);
				}
			} else {
				packages.push(specifier);
			}
		}

		graph.set(file, {local, packages});
	}

	return graph;
}

/** Every import cycle, each as the files along it with the first repeated at the end; one per strongly connected group. */
export function findCycles(graph: ReadonlyMap<string, {local: string[]}>): string[][] {
	const cycles: string[][] = [];
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (file: string): void => {
		state.set(file, 'open');
		stack.push(file);
		for (const next of graph.get(file)?.local ?? []) {
			const seen = state.get(next);
			if (seen === 'open') {
				cycles.push([...stack.slice(stack.indexOf(next)), next]);
			} else if (seen === undefined) {
				visit(next);
			}
		}

		stack.pop();
		state.set(file, 'done');
	};

	for (const file of [...graph.keys()].sort()) {
		if (!state.has(file)) {
			visit(file);
		}
	}

	return cycles;
}

export type LayerRule = {
	/** Files this rule governs: path prefixes such as `source/lib/`. */
	files: string[];
	/** Prefixes of files the rule leaves alone. */
	except?: string[];
	/** Local folders or files (prefixes) these files must not import. */
	forbidLocal?: string[];
	/** When given, the only local folders or files (prefixes) these files may import. */
	onlyLocal?: string[];
	/** Package name prefixes these files must not import. */
	forbidPackages?: string[];
	why: string;
};

/** "a.ts imports b.ts (why)" for each import a rule forbids. */
export function ruleViolations(graph: ImportGraph, rules: LayerRule[]): string[] {
	const out: string[] = [];
	for (const [file, {local, packages}] of graph) {
		for (const rule of rules) {
			if (!rule.files.some(prefix => file.startsWith(prefix)) || rule.except?.some(prefix => file.startsWith(prefix))) {
				continue;
			}

			for (const target of local) {
				const allowed = rule.onlyLocal === undefined || rule.onlyLocal.some(prefix => target.startsWith(prefix));
				if (!allowed || rule.forbidLocal?.some(prefix => target.startsWith(prefix))) {
					out.push(`${file} imports ${target} (${rule.why})`);
				}
			}

			for (const name of packages) {
				if (rule.forbidPackages?.some(prefix => name.startsWith(prefix) || name.includes(`node_modules/${prefix}`))) {
					out.push(`${file} imports ${name} (${rule.why})`);
				}
			}
		}
	}

	return out;
}
