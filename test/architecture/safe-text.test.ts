// The sanitiser is the one way text reaches the screen, checked on the real sources: only
// components/text.tsx takes Ink's Text (every other Text is the typed one, whose children must be
// SafeText), only lib/sanitize.ts makes a SafeText out of a plain string, and only it names the
// code points that make text unsafe. The type-level half is test/lib/safe-text.types.tsx.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import ts from 'typescript';
import {describe, expect, it} from 'vitest';
import {readImportGraph} from './import-graph.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const files = [...readImportGraph(root, ['source'], ['cli.tsx']).keys()];
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Ink exports that print text of their own: Text, and Transform, which rewrites it. */
const printing = new Set(['Text', 'Transform']);

function parse(file: string, text: string): ts.SourceFile {
	return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** What `text` takes from 'ink' that prints: named Text/Transform, or the whole module (namespace or default). */
export function inkPrintingImports(file: string, text: string): string[] {
	const found: string[] = [];
	for (const statement of parse(file, text).statements) {
		if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== 'ink') {
			continue;
		}

		const clause = statement.importClause;
		if (clause?.name) {
			found.push('default');
		}

		const bindings = clause?.namedBindings;
		if (bindings && ts.isNamespaceImport(bindings)) {
			found.push('*');
		} else if (bindings) {
			found.push(...bindings.elements.map(element => (element.propertyName ?? element.name).text).filter(name => printing.has(name)));
		}
	}

	return found;
}

/** Casts to SafeText (`x as SafeText`, `<SafeText>x`) in `text`. */
export function safeTextCasts(file: string, text: string): number {
	let count = 0;
	const visit = (node: ts.Node): void => {
		if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && node.type.getText() === 'SafeText') {
			count++;
		}

		ts.forEachChild(node, visit);
	};

	visit(parse(file, text));
	return count;
}

/** A character class of the unsafe code points, or one of its telling members, spelt as a regex or string escape. */
const unsafeClass = /\\u0000-|\\x00-|\\u202[Ee]|\\u2066|\\u061[Cc]|\\uD800-/;

describe('safe text', () => {
	it('reads the whole app', () => {
		expect(files).toContain('source/components/text.tsx');
		expect(files.length).toBeGreaterThan(80);
	});

	it("takes Ink's Text only in components/text.tsx, so every other Text is the typed one", () => {
		const offenders = files
			.filter(file => file !== 'source/components/text.tsx')
			.flatMap(file => inkPrintingImports(file, read(file)).map(name => `${file} imports ${name} from 'ink'`));
		expect(offenders).toEqual([]);
		expect(inkPrintingImports('source/components/text.tsx', read('source/components/text.tsx'))).toEqual(['Text']);
	});

	it('makes SafeText out of a plain string only in lib/sanitize.ts', () => {
		const offenders = files.filter(file => file !== 'source/lib/sanitize.ts' && safeTextCasts(file, read(file)) > 0);
		expect(offenders).toEqual([]);
		expect(safeTextCasts('source/lib/sanitize.ts', read('source/lib/sanitize.ts'))).toBe(1);
	});

	it('names the unsafe code points only in lib/sanitize.ts', () => {
		const offenders = files.filter(file => file !== 'source/lib/sanitize.ts' && unsafeClass.test(read(file)));
		expect(offenders).toEqual([]);
		expect(read('source/lib/sanitize.ts')).toMatch(unsafeClass);
	});
});

describe('safe text checks', () => {
	it('find every way of taking a printing export from ink, and nothing else', () => {
		const sample = [
			"import {Box, Text} from 'ink';",
			"import {Text as InkText, useInput} from 'ink';",
			"import {Transform} from 'ink';",
			"import * as Ink from 'ink';",
			"import type {TextProps} from 'ink';",
			"import {Text} from './text.js';",
		].join('\n');
		expect(inkPrintingImports('x.tsx', sample)).toEqual(['Text', 'Text', 'Transform', '*']);
	});

	it('count casts to SafeText in either spelling', () => {
		expect(safeTextCasts('x.ts', 'const a = b as SafeText; const c = <SafeText>d; const e = f as unknown as SafeText; const g = h as string;')).toBe(3);
	});

	it('recognise a private copy of the unsafe class', () => {
		expect(unsafeClass.test(String.raw`const nonText = /[\u0000-\u001F\u007F-\u009F]/g;`)).toBe(true);
		expect(unsafeClass.test(String.raw`text.replace(/[\u202A-\u202E]/g, '')`)).toBe(true);
		expect(unsafeClass.test(String.raw`const csi = '\u001B[';`)).toBe(false);
	});
});
