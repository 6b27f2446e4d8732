/**
 * Once per e2e run: make sure n8n is installed (first use shows install progress), build the
 * pack and `npm pack` it. Test files install that one tarball into their own clean user folders.
 */
const runtimeLib = require('../../../scripts/n8n-runtime');

module.exports = async function globalSetup() {
	const started = Date.now();
	const runtime = await runtimeLib.ensureRuntime();
	process.env.E2E_PACK_TARBALL = runtimeLib.packPack({ build: process.env.E2E_SKIP_BUILD !== '1' });
	process.env.N8N_VERSION = runtime.version;
	runtimeLib.log(`e2e on n8n ${runtime.version}: runtime + pack ready in ${runtimeLib.formatMs(Date.now() - started)}`);
};
