// Reading a JSON request's fields as the AWS services do: a field of the wrong type is the
// protocol's SerializationException, before any operation looks at it.
import {ApiError} from './errors.js';

/** A string field, or undefined when absent or null. */
export function text(input: Record<string, unknown>, key: string): string | undefined {
	const value = input[key];
	if (value === undefined || value === null) {
		return undefined;
	}

	if (typeof value !== 'string') {
		throw new ApiError('SerializationException', `${key} must be a string`);
	}

	return value;
}
