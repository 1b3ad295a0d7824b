// What each screen handles, for the `?` help: screens report their command specs here as they
// render (a ref, not state, so reporting never causes a render), and the help lists the specs of
// the screen beneath it. The footer takes the same specs directly from the screen that owns them.
import React, {type ReactNode, createContext, useContext, useLayoutEffect, useRef} from 'react';
import type {CommandSpec} from '../hooks/use-commands.js';

export type CommandScope = 'profiles' | 'regions' | 'main';

type Registry = Partial<Record<CommandScope, readonly CommandSpec[]>>;

const CommandsContext = createContext<{current: Registry} | undefined>(undefined);

export function CommandsProvider({children}: {children: ReactNode}) {
	const registry = useRef<Registry>({});
	return <CommandsContext.Provider value={registry}>{children}</CommandsContext.Provider>;
}

/** Records what `scope` handles now; cleared when the screen unmounts. */
export function useReportCommands(scope: CommandScope, specs: readonly CommandSpec[]): void {
	const registry = useContext(CommandsContext);
	useLayoutEffect(() => {
		if (registry) {
			registry.current[scope] = specs;
		}
	}, [registry, scope, specs]);
	useLayoutEffect(
		() => () => {
			if (registry) {
				delete registry.current[scope];
			}
		},
		[registry, scope],
	);
}

/** The specs `scope` reported last (empty before it has rendered). */
export function useReportedCommands(): (scope: CommandScope) => readonly CommandSpec[] {
	const registry = useContext(CommandsContext);
	return scope => registry?.current[scope] ?? [];
}
