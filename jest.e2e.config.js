/**
 * End-to-end tests: the built pack installed as a community package into a real n8n
 * (scripts/n8n-runtime.js), templates imported and executed with n8n's CLI, and the editor
 * checked in Chromium. n8n 2.8.4 by default; N8N_VERSION=2.41.1 runs them on n8n 2.41.1 / Node 24.
 * One test file at a time: each starts n8n processes, and the machine has two cores.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	globalSetup: '<rootDir>/test/e2e/support/globalSetup.js',
	maxWorkers: 1,
	testTimeout: 240000,
	slowTestThreshold: 60,
};
