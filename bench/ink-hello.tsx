// Baseline for "start to profiles listed": a bundled Ink hello world, the least any Ink app pays
// from spawn to its first frame on this machine.
import React from 'react';
import {Text, render} from 'ink';

render(<Text>Hello, world</Text>, {patchConsole: false});
