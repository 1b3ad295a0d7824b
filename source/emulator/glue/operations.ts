// Glue's GetDatabases and GetTables (awsJson1_1, AWSGlue.*), with their paging and errors.
import {ApiError} from '../errors.js';
import type {RequestContext} from '../request-context.js';
import {openToken, sealToken} from '../tokens.js';
import type {GlueCatalog} from './catalog.js';
import {tableOutput} from './tables.js';

function page<T>(items: readonly T[], input: Record<string, unknown>, binding: string, defaultSize: number, maxSize: number): {items: T[]; next: string | undefined} {
	const size = input['MaxResults'] ?? defaultSize;
	if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > maxSize) {
		throw new ApiError('InvalidInputException', `1 validation error detected: Value '${String(size)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to ${maxSize}`);
	}

	let start = 0;
	const token = input['NextToken'];
	if (token !== undefined && token !== null && token !== '') {
		const position = typeof token === 'string' ? openToken(token, binding) : undefined;
		if (typeof position?.['offset'] !== 'number') {
			throw new ApiError('InvalidInputException', 'Invalid pagination token');
		}

		start = position['offset'];
	}

	const next = start + size;
	return {items: items.slice(start, next), next: next < items.length ? sealToken({offset: next}, binding) : undefined};
}

function catalogId(context: RequestContext, input: Record<string, unknown>): string {
	const id = input['CatalogId'];
	if (id !== undefined && id !== null && id !== context.principal.accountId) {
		// Another account's catalog needs a resource policy the demo accounts do not have.
		throw new ApiError('AccessDeniedException', `User: ${context.principal.arn} is not authorized to perform: glue:GetDatabases on resource: arn:aws:glue:${context.region}:${String(id)}:catalog`);
	}

	return context.principal.accountId;
}

export function getDatabases(context: RequestContext, input: Record<string, unknown>, catalog: GlueCatalog): Record<string, unknown> {
	const accountId = catalogId(context, input);
	const databases = catalog.databases(accountId, context.region);
	const {items, next} = page(databases, input, `GetDatabases/${accountId}/${context.region}`, 100, 100);
	return {
		DatabaseList: items.map(database => ({
			Name: database.name,
			Description: database.description,
			Parameters: {},
			CreateTime: database.createdAt.getTime() / 1000,
			CreateTableDefaultPermissions: [{Principal: {DataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS'}, Permissions: ['ALL']}],
			CatalogId: accountId,
		})),
		...(next ? {NextToken: next} : {}),
	};
}

export function getTables(context: RequestContext, input: Record<string, unknown>, catalog: GlueCatalog): Record<string, unknown> {
	const accountId = catalogId(context, input);
	const database = input['DatabaseName'];
	if (typeof database !== 'string' || database === '') {
		throw new ApiError('InvalidInputException', '1 validation error detected: Value null at \'databaseName\' failed to satisfy constraint: Member must not be null');
	}

	const tables = catalog.tables(accountId, context.region, database.toLowerCase());
	if (!tables) {
		throw new ApiError('EntityNotFoundException', `Database ${database} not found.`);
	}

	const expression = input['Expression'];
	let pattern: RegExp | undefined;
	if (typeof expression === 'string' && expression !== '') {
		try {
			pattern = new RegExp(`^(?:${expression})$`);
		} catch {
			throw new ApiError('InvalidInputException', `Invalid expression: ${expression}`);
		}
	}

	const matching = pattern ? tables.filter(table => pattern.test(table.name)) : tables;
	const binding = JSON.stringify(['GetTables', accountId, context.region, database, expression ?? null]);
	const {items, next} = page(matching, input, binding, 100, 100);
	return {TableList: items.map(table => tableOutput(table, accountId)), ...(next ? {NextToken: next} : {})};
}
