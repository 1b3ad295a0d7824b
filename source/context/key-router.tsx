// One listener for the keyboard, for the life of the UI, handing each key to the screens that
// handle keys now. Ink subscribes every useInput in a passive effect, which runs a task after the
// frame is drawn: a key typed as a screen appears (q the moment the main screen shows, a key just
// after closing the detail view) arrived with nobody listening and was dropped. Screens join the
// router in a layout effect instead, in the same task as the commit that draws them, so no key
// can fall in between.
import React, {createContext, useContext, useLayoutEffect, useRef, type ReactNode} from 'react';
import {useInput, type Key} from 'ink';

export type KeyHandler = (input: string, key: Key) => void;

type Router = {add(handler: KeyHandler): () => void};

const KeyRouterContext = createContext<Router | undefined>(undefined);

export function KeyRouter({children}: {children: ReactNode}) {
	const handlers = useRef<KeyHandler[]>([]);
	const router = useRef<Router>({
		add(handler) {
			handlers.current = [...handlers.current, handler];
			return () => {
				handlers.current = handlers.current.filter(other => other !== handler);
			};
		},
	});
	useInput(
		(input, key) => {
			// The handlers as the key found them: one that a handler activates waits for the next key,
			// as it did with a listener each.
			for (const handler of handlers.current) {
				handler(input, key);
			}
		},
		{isActive: true},
	);
	return <KeyRouterContext.Provider value={router.current}>{children}</KeyRouterContext.Provider>;
}

/**
 * Sends keys to `handler` (which must keep its identity) while `isActive`, through the router above
 * when there is one. Returns whether there is: without one (a component rendered alone), the caller
 * listens through Ink's useInput itself.
 */
export function useRoutedKeys(handler: KeyHandler, isActive: boolean): boolean {
	const router = useContext(KeyRouterContext);
	useLayoutEffect(() => {
		if (!router || !isActive) {
			return;
		}

		return router.add(handler);
	}, [router, handler, isActive]);
	return router !== undefined;
}
