export {MfaPrompt} from './mfa-prompt.js';
export {codeInputReducer, isComplete, maskedCode} from './reducer.js';
