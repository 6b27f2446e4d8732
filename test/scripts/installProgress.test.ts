/**
 * What the first n8n install prints while the user waits (scripts/n8n-runtime/progress.js): a
 * line every ~15 s naming the phase npm is in, read from the folder it fills, with the time so
 * far. Folders are built by hand here in the shapes npm and node-gyp leave them.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A plain Node module used by scripts/n8n-runtime/install.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const progress = require('../../scripts/n8n-runtime/progress') as {
	MEASURED: string;
	countInstalledPackages(nodeModules: string): number;
	installPhase(state: { packages: number; previousPackages?: number; sqlite3?: 'absent' | 'building' | 'built' }): string;
	sqlite3State(nodeModules: string): 'absent' | 'building' | 'built';
	progressLine(what: string, elapsedMs: number, phase: string): string;
	formatElapsed(ms: number): string;
	installHeartbeat(what: string, nodeModules: string): (elapsedMs: number) => string;
};

const { MEASURED, countInstalledPackages, installPhase, sqlite3State, progressLine, formatElapsed, installHeartbeat } = progress;

let dir: string;
let nodeModules: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'install-progress-'));
	nodeModules = join(dir, 'node_modules');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function addPackages(...names: string[]) {
	for (const name of names) mkdirSync(join(nodeModules, name), { recursive: true });
}

describe('formatElapsed: the time so far as people read it', () => {
	it.each([
		[0, '0 s'],
		[14_999, '14 s'],
		[59_999, '59 s'],
		[60_000, '1 min 00 s'],
		[125_400, '2 min 05 s'],
		[528_000, '8 min 48 s'],
	])('%d ms → %s', (ms, text) => {
		expect(formatElapsed(ms)).toBe(text);
	});
});

describe('progressLine', () => {
	it('says what is installed, that it happens once, the time so far and the phase', () => {
		expect(progressLine('n8n 2.8.4', 75_000, 'resolving dependencies (npm reads the package tree)')).toBe(
			'… installing n8n 2.8.4 (first run only): 1 min 15 s, resolving dependencies (npm reads the package tree)',
		);
	});
});

describe('installPhase: the phase npm is in', () => {
	it('resolves the tree while node_modules is empty', () => {
		expect(installPhase({ packages: 0 })).toBe('resolving dependencies (npm reads the package tree)');
	});

	it('downloads and unpacks while the package count grows', () => {
		expect(installPhase({ packages: 812, previousPackages: 300 })).toBe('downloading and unpacking packages (812 so far)');
	});

	it('runs install scripts once the count stops growing', () => {
		expect(installPhase({ packages: 1650, previousPackages: 1650 })).toBe('running install scripts (1650 packages unpacked)');
	});

	it('names the sqlite3 build while node-gyp is compiling it', () => {
		expect(installPhase({ packages: 1650, previousPackages: 1650, sqlite3: 'building' })).toBe(
			'building sqlite3 from source (1650 packages unpacked; the longest step on 2 cores)',
		);
	});

	it('says sqlite3 is done once its binding exists', () => {
		expect(installPhase({ packages: 1650, previousPackages: 1650, sqlite3: 'built' })).toBe(
			'running the last install scripts (1650 packages, sqlite3 built)',
		);
	});
});

describe('reading the folder npm fills', () => {
	it('counts plain and scoped packages, not dot folders, and 0 for a missing folder', () => {
		expect(countInstalledPackages(nodeModules)).toBe(0);
		addPackages('.bin', '.package-lock.json-dir', 'n8n', 'zod', '@n8n/core', '@n8n/di', '@types/node');
		expect(countInstalledPackages(nodeModules)).toBe(5);
	});

	it('tells sqlite3 absent, building (node-gyp made build/) and built (the binding exists)', () => {
		expect(sqlite3State(nodeModules)).toBe('absent');
		addPackages('sqlite3');
		expect(sqlite3State(nodeModules)).toBe('absent');
		mkdirSync(join(nodeModules, 'sqlite3', 'build', 'Release', 'obj.target'), { recursive: true });
		expect(sqlite3State(nodeModules)).toBe('building');
		writeFileSync(join(nodeModules, 'sqlite3', 'build', 'Release', 'node_sqlite3.node'), '');
		expect(sqlite3State(nodeModules)).toBe('built');
	});
});

describe('installHeartbeat: one line per tick, following the install', () => {
	it('moves from resolving to downloading to the sqlite3 build to the last scripts', () => {
		const tick = installHeartbeat('n8n 2.8.4', nodeModules);
		const lines: string[] = [];
		lines.push(tick(15_000));
		addPackages('n8n', 'sqlite3', '@n8n/core');
		lines.push(tick(30_000));
		mkdirSync(join(nodeModules, 'sqlite3', 'build'));
		lines.push(tick(45_000));
		mkdirSync(join(nodeModules, 'sqlite3', 'build', 'Release'));
		writeFileSync(join(nodeModules, 'sqlite3', 'build', 'Release', 'node_sqlite3.node'), '');
		lines.push(tick(60_000));
		expect(lines).toEqual([
			'… installing n8n 2.8.4 (first run only): 15 s, resolving dependencies (npm reads the package tree)',
			'… installing n8n 2.8.4 (first run only): 30 s, downloading and unpacking packages (3 so far)',
			'… installing n8n 2.8.4 (first run only): 45 s, building sqlite3 from source (3 packages unpacked; the longest step on 2 cores)',
			'… installing n8n 2.8.4 (first run only): 1 min 00 s, running the last install scripts (3 packages, sqlite3 built)',
		]);
	});
});

describe('the first-run time promised', () => {
	const root = join(__dirname, '../..');
	const readme = readFileSync(join(root, 'README.md'), 'utf8');
	const running = readFileSync(join(root, 'docs/running-in-n8n.md'), 'utf8');

	it('is the measured one in the README and the running docs (206–360 s warm, 528 s for the first editor), not 2–3 minutes', () => {
		for (const text of [readme, running]) {
			expect(text).toContain('5–10 minutes');
			expect(text).toContain('206–360 s');
			expect(text).toContain('528 s');
			expect(text).not.toMatch(/2[–-]3 minutes/);
		}
	});

	it('is the same range on the installer’s first line: 206 s ≈ 3½ min, 360 s = 6 min, 528 s ≈ 9 min', () => {
		expect(MEASURED).toContain('3½–6 min here with npm’s cache warm');
		expect(MEASURED).toContain('up to 9 min on a busy 2-core machine');
		expect(MEASURED).toContain('~2.3 GB download');
	});
});
