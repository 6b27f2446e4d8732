/** Unit tests (pure calculations) and in-process workflow tests (n8n-core WorkflowExecute). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	testTimeout: 60000,
	// n8n-core leaves a timer running after WorkflowExecute (no open handle jest can name); the
	// in-process tests await every run, so nothing is cut short.
	forceExit: true,
};
