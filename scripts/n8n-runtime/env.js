/**
 * The environments of the processes the runtime starts: n8n itself (a whitelist of the caller's
 * variables plus quiet settings) and npm (run on the runtime's Node so native modules match it).
 */
'use strict';

const path = require('node:path');

/** Settings every n8n process we start gets: no telemetry, no update or template calls. */
const QUIET_N8N_ENV = {
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	// The editor otherwise fetches banners from api.n8n.io.
	N8N_DYNAMIC_BANNERS_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
	N8N_LOG_LEVEL: 'info',
	N8N_LOG_OUTPUT: 'console',
	NODE_ENV: 'production',
};

/**
 * Variables kept from the caller's environment; everything else (N8N_*, DB_*, NODE_ENV=test from
 * Jest…) is dropped. libfaketime's are kept so that `faketime -f +Ns npm run test:e2e` moves
 * n8n's clock with the test's: the templates' demo data ends "today", and their checks must
 * hold on any day.
 */
const INHERITED_ENV = ['HOME', 'USER', 'LOGNAME', 'SHELL', 'LANG', 'LC_ALL', 'TMPDIR', 'TERM', 'TZ', 'LD_PRELOAD', 'FAKETIME', 'FAKETIME_NO_CACHE', 'DONT_FAKE_MONOTONIC'];

/** The environment of an n8n process: a whitelist of the caller's variables plus ours. */
function cleanEnv(runtime, userFolder, extra = {}) {
	const env = {};
	for (const key of INHERITED_ENV) if (process.env[key] !== undefined) env[key] = process.env[key];
	env.PATH = `${runtime.binDir}${path.delimiter}${process.env.PATH}`;
	return { ...env, ...QUIET_N8N_ENV, N8N_USER_FOLDER: userFolder, ...extra };
}

/** The environment of npm when it installs into a runtime (n8n itself, or the pack's dependencies). */
function npmEnv(runtime) {
	const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
	delete env.NODE_ENV; // a NODE_ENV=production inherited from a caller would skip nothing we need, but test would confuse n8n's build scripts
	if (runtime.nodeHome) {
		// Run npm (and node-gyp) on Node 24 so native modules are built for its ABI, against its headers.
		env.PATH = `${runtime.binDir}${path.delimiter}${env.PATH}`;
		env.npm_config_nodedir = runtime.nodeHome;
	}
	return env;
}

module.exports = { QUIET_N8N_ENV, INHERITED_ENV, cleanEnv, npmEnv };
