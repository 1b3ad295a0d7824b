// The one MFA prompt: a modal over whatever screen asked for credentials. The code is masked,
// Enter sends it once complete, Esc cancels; a refused code comes back with the reason.
import React, {useEffect, useReducer} from 'react';
import {Box} from 'ink';
import {Text} from '../text.js';
import {hintsText, hintsOf, useCommands, type CommandSpec} from '../../hooks/use-commands.js';
import type {MfaRequest} from '../../domain/types.js';
import {safe, sanitizeLine} from '../../lib/sanitize.js';
import {codeInputReducer, isComplete, maskedCode} from './reducer.js';

type Props = {
	request: MfaRequest;
	isActive: boolean;
	width: number;
	onSubmit(code: string): void;
	onCancel(): void;
};

export function MfaPrompt({request, isActive, width, onSubmit, onCancel}: Props) {
	const [state, dispatch] = useReducer(codeInputReducer, {code: ''});
	// A new request (a retry after a refused code) starts with an empty field.
	useEffect(() => {
		dispatch({type: 'clear'});
	}, [request]);

	const specs: CommandSpec[] = [
		{
			commands: ['pick'],
			hint: safe`submit`,
			run() {
				if (isComplete(state)) {
					onSubmit(state.code);
				}
			},
		},
		{commands: ['back'], hint: safe`cancel`, run: onCancel},
		{commands: ['filterBackspace'], run: () => dispatch({type: 'backspace'})},
		{commands: ['codeDigit'], run: (_command, input) => dispatch({type: 'type', text: input})},
	];
	useCommands(specs, isActive);

	return (
		<Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1} width={Math.min(width, 72)} flexShrink={0}>
			<Text bold wrap="truncate-end">
				{safe`MFA code for profile ${sanitizeLine(request.profile)}`}
			</Text>
			<Text dimColor wrap="truncate-end">
				{safe`device ${sanitizeLine(request.serial)}`}
			</Text>
			{request.retry ? (
				<Text color="yellow" wrap="truncate-end">
					{sanitizeLine(request.retry)}
				</Text>
			) : null}
			<Text wrap="truncate-end">
				{safe`Code: `}
				<Text bold>{sanitizeLine(maskedCode(state.code))}</Text>
			</Text>
			<Text dimColor wrap="truncate-end">
				{hintsText(hintsOf(specs))}
			</Text>
		</Box>
	);
}
