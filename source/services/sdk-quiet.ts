// The SDK's Node-version notice goes to stderr through process.emitWarning, on top of Ink's frame;
// it is about the SDK's future support, not something a trailview user can act on mid-session.
// Imported for its effect by every module that constructs SDK clients.
import {state} from '@aws-sdk/core/client';

state.warningEmitted = true;
