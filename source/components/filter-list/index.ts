export * from './reducer.js';
export * from './use-filter-list.js';
export * from './filter-list.js';
