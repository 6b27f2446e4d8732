/**
 * Once per e2e run: make sure the system packages (scripts/system-packages.js) and n8n are
 * installed (first use shows install progress), build the pack and `npm pack` it. Test files install that one tarball into their own clean user folders.
 */
const { formatMs, log } = require('../../../scripts/n8n-runtime/util');
const { ensureRuntime } = require('../../../scripts/n8n-runtime/install');
const { packPack } = require('../../../scripts/n8n-runtime/pack');
const { ensureSystemPackages } = require('../../../scripts/system-packages');

module.exports = async function globalSetup() {
	const started = Date.now();
	// Chromium, a CJK font, PostgreSQL and Redis: `npm test` on a fresh machine installs them.
	ensureSystemPackages();
	const runtime = await ensureRuntime();
	process.env.E2E_PACK_TARBALL = packPack({ build: process.env.E2E_SKIP_BUILD !== '1' });
	process.env.N8N_VERSION = runtime.version;
	log(`e2e on n8n ${runtime.version}: runtime + pack ready in ${formatMs(Date.now() - started)}`);
};
