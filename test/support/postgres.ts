/** The throwaway PostgreSQL server of scripts/postgres.js, typed for the tests. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const postgres = require('../../scripts/postgres') as { startPostgres(): Promise<TestPostgres> };

export interface TestPostgres {
	host: string;
	port: number;
	user: string;
	database: string;
	/** Runs SQL with psql; returns its unaligned output (rows as lines, columns split by |). */
	sql(query: string): string;
	stop(): void;
}

export const startPostgres = (): Promise<TestPostgres> => postgres.startPostgres();
