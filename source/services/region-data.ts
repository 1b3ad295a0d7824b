// The aws partition's regions from the SDK's own endpoint data, so the list follows SDK upgrades.
// @aws-sdk/core has no public export for the table (only partition(region), which cannot list),
// and its exports map blocks deep imports by package name; a file path does not go through the
// exports map, and esbuild inlines the table into the lazily loaded regions chunk.
import type {PartitionsInfo} from '@aws-sdk/core/client';
// @ts-expect-error -- the .d.ts lives in dist-types, not beside the file; typed through PartitionsInfo below.
import {partitionsInfo as untyped} from '../../node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partitions.js';

export const partitionsInfo: PartitionsInfo = untyped as PartitionsInfo;
