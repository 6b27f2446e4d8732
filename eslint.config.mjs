// n8n's community-node lint rules, from @n8n/node-cli. We use the variant without the
// n8n Cloud rules: the pack has a runtime dependency on date-fns (the Cloud rules allow
// only what n8n itself ships) — see README "Lint".
import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default configWithoutCloudSupport;
