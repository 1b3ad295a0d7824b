// Baseline for "start to first event row": the least a program can do to show one page of write
// events: load the SDK as plain ESM from node_modules and fetch one LookupEvents page.
import {CloudTrailClient, LookupEventsCommand} from '@aws-sdk/client-cloudtrail';

const client = new CloudTrailClient({region: 'us-east-1', endpoint: process.argv[2]});
const page = await client.send(
	new LookupEventsCommand({LookupAttributes: [{AttributeKey: 'ReadOnly', AttributeValue: 'false'}]}),
);
process.stdout.write(`${page.Events?.length ?? 0} events\n`);
