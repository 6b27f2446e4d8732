/**
 * Once per e2e run: make sure n8n is installed (first use shows install progress), build the
 * pack and `npm pack` it. Test files install that one tarball into their own clean user folders.
 */
const { formatMs, log } = require('../../../scripts/n8n-runtime/util');
const { ensureRuntime } = require('../../../scripts/n8n-runtime/install');
const { packPack } = require('../../../scripts/n8n-runtime/pack');

module.exports = async function globalSetup() {
	const started = Date.now();
	const runtime = await ensureRuntime();
	process.env.E2E_PACK_TARBALL = packPack({ build: process.env.E2E_SKIP_BUILD !== '1' });
	process.env.N8N_VERSION = runtime.version;
	log(`e2e on n8n ${runtime.version}: runtime + pack ready in ${formatMs(Date.now() - started)}`);
};
