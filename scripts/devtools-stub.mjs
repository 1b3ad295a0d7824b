// Stand-in for react-devtools-core, which Ink only loads in development.
export default {initialize() {}, connectToDevTools() {}};
