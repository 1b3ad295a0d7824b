// Second baseline for "start to first event row": the least an Ink app can do to show one page of
// write events, bundled like trailview. LookupEvents starts at once (the SDK loads beside Ink), and
// Ink draws the page's rows when it comes. What this costs over the bare SDK script is Ink and
// React starting and drawing on this machine; what trailview costs over this is its own.
import React, {useEffect, useState} from 'react';
import {Box, Text, render} from 'ink';

const page = import('@aws-sdk/client-cloudtrail').then(async ({CloudTrailClient, LookupEventsCommand}) => {
	const client = new CloudTrailClient({region: 'us-east-1', endpoint: process.argv[2]});
	return client.send(new LookupEventsCommand({LookupAttributes: [{AttributeKey: 'ReadOnly', AttributeValue: 'false'}]}));
});

function Floor() {
	const [rows, setRows] = useState<string[] | undefined>();
	useEffect(() => {
		void page.then(result => {
			setRows((result.Events ?? []).map(event => `${event.EventTime?.toISOString() ?? ''}  ${event.EventName ?? ''}  ${event.Username ?? ''}`));
		});
	}, []);
	return (
		<Box flexDirection="column" height={39}>
			<Text bold color="cyan">trailview floor</Text>
			{(rows ?? []).slice(0, 35).map((row, index) => (
				<Text key={index} inverse={index === 0}>{row}</Text>
			))}
			<Text>{rows ? `${rows.length} events loaded` : 'loading…'}</Text>
		</Box>
	);
}

render(<Floor />, {patchConsole: false, exitOnCtrlC: true});
