// n8n's community-node lint rules, from @n8n/node-cli, in the variant without the n8n Cloud
// rules (the Cloud rules allow no runtime dependency; this pack has zod).
// Rules switched off here are listed, with the reason, in README "Lint".
import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default [
	...configWithoutCloudSupport,
	{
		// zod is the pack's one runtime dependency (the data model; n8n itself ships the same version).
		files: ['package.json'],
		rules: { '@n8n/community-nodes/no-runtime-dependencies': 'off' },
	},
	{
		// nodes/lib is the pure calculation layer: it imports nothing from n8n by design, so
		// it reports problems with its own typed errors, which the node glue maps to
		// NodeOperationError (nodes/shared/inputItems.ts).
		files: ['nodes/lib/**/*.ts'],
		rules: { '@n8n/community-nodes/require-node-api-error': 'off' },
	},
];
