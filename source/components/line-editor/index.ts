export * from './reducer.js';
export {LineEditorView, type LineEditorViewProps} from './line-editor.js';
export {lineEditorCommands, useLineEditor, type LineEditor} from './use-line-editor.js';
