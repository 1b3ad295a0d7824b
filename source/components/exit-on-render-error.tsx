// A component that throws while rendering ends the app the way every other failure does: through
// the lifecycle's one line on the normal screen. Left to Ink's own boundary, the error would first
// be painted on the alternate screen as a stack trace with source excerpts, in colour, which breaks
// both "no stack traces for users" and NO_COLOR (that overview takes Text from Ink directly).
import React, {Component, type ReactNode} from 'react';
import {useApp} from 'ink';

type BoundaryProps = {onError(error: Error): void; children: ReactNode};

class Boundary extends Component<BoundaryProps, {failed: boolean}> {
	static getDerivedStateFromError(): {failed: boolean} {
		return {failed: true};
	}

	override state = {failed: false};

	override componentDidCatch(error: unknown): void {
		this.props.onError(error instanceof Error ? error : new Error(String(error)));
	}

	override render(): ReactNode {
		return this.state.failed ? null : this.props.children;
	}
}

export function ExitOnRenderError({children}: {children: ReactNode}) {
	const {exit} = useApp();
	return <Boundary onError={exit}>{children}</Boundary>;
}
