// What every operation handler gets to know about the call it serves.
import type {Principal} from './auth.js';

export type RequestContext = {
	principal: Principal;
	/** From the SigV4 credential scope, as the real endpoint does. */
	region: string;
	/** The emulated clock at this request. */
	now: Date;
	/** The `now` the generated history ends at (fixed for the emulator's life). */
	dataNow: Date;
};
