/**
 * Installing from mainland China (issue 12 item 7), tested as far as this machine allows: it
 * reaches neither registry.npmmirror.com nor Docker Hub and runs no Docker daemon, so no mirror
 * install and no `docker build` ran. What is checked: the commands in the README and
 * docs/running-in-n8n.md name the published package and the mirror; docs/docker/Dockerfile starts
 * from the n8n the pack is tested on, keeps the n8n image's user and entry point and does not use
 * N8N_CUSTOM_EXTENSIONS; and its entry point script, run on the pack installed as the Dockerfile
 * installs it, puts the package where n8n loads community packages — the layout
 * scripts/n8n-runtime/pack.js gives the end-to-end tests' n8n.
 */
// The community-node rule against spawning processes is for node code; this test runs npm and the
// Docker entry point script as a user or the container would.
/* eslint-disable @n8n/community-nodes/no-dangerous-functions */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const PACKAGE = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string }).name;
const MIRROR = 'https://registry.npmmirror.com';
const dockerfile = readFileSync(join(root, 'docs/docker/Dockerfile'), 'utf8');
const entrypoint = join(root, 'docs/docker/commerce-ops-entrypoint.sh');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const running = readFileSync(join(root, 'docs/running-in-n8n.md'), 'utf8');

/* eslint-disable @typescript-eslint/no-require-imports */
const { DEFAULT_N8N_VERSION } = require('../../scripts/n8n-runtime/install') as { DEFAULT_N8N_VERSION: string };
/* eslint-enable @typescript-eslint/no-require-imports */

/** The value a Dockerfile `ARG name=value` or `ENV name=value` line gives. */
function dockerValue(keyword: 'ARG' | 'ENV', name: string): string | undefined {
	return new RegExp(`^${keyword} ${name}=(\\S+)$`, 'm').exec(dockerfile)?.[1];
}

describe('the install commands in the docs', () => {
	it('name the published package, the mirror and the nodes folder, in the README and the running docs', () => {
		expect(PACKAGE).toBe('n8n-nodes-commerce-ops');
		const command = `npm install ${PACKAGE} --registry=${MIRROR}`;
		expect(running).toContain(command);
		expect(readme.replace(/\n\s*/g, ' ')).toContain(command);
		expect(running).toContain('cd ~/.n8n/nodes');
	});

	it('build the Dockerfile from its own folder, where its entry point script is', () => {
		expect(running).toContain('docker build -t n8n-commerce-ops docs/docker');
		expect(dockerfile).toMatch(/^COPY commerce-ops-entrypoint\.sh \/commerce-ops-entrypoint\.sh$/m);
		expect(existsSync(entrypoint)).toBe(true);
	});
});

describe('docs/docker/Dockerfile', () => {
	it('starts from the n8n image of the version the pack is tested on', () => {
		expect(dockerValue('ARG', 'N8N_VERSION')).toBe(DEFAULT_N8N_VERSION);
		expect(dockerfile).toMatch(/^FROM n8nio\/n8n:\$\{N8N_VERSION\}$/m);
	});

	it('installs the published package from the mirror by default', () => {
		expect(dockerValue('ARG', 'NPM_REGISTRY')).toBe(MIRROR);
		expect(dockerfile).toContain(`npm install "${PACKAGE}@\${PACKAGE_VERSION}"`);
		expect(dockerfile).toContain('--registry="${NPM_REGISTRY}"');
	});

	it('keeps the package outside the /home/node/.n8n volume and tells the entry point where', () => {
		expect(dockerValue('ENV', 'COMMERCE_OPS_BAKED')).toBe(`/opt/commerce-ops/node_modules/${PACKAGE}`);
		expect(readFileSync(entrypoint, 'utf8')).toContain(`\${COMMERCE_OPS_BAKED:-/opt/commerce-ops/node_modules/${PACKAGE}}`);
	});

	it('runs n8n as the n8n image does: user node, through tini, ending in /docker-entrypoint.sh', () => {
		const users = [...dockerfile.matchAll(/^USER (\S+)$/gm)].map((m) => m[1]);
		expect(users.at(-1)).toBe('node');
		expect(dockerfile).toMatch(/^ENTRYPOINT \["tini", "--", "\/commerce-ops-entrypoint\.sh"\]$/m);
		expect(readFileSync(entrypoint, 'utf8')).toMatch(/^exec "\$\{COMMERCE_OPS_NEXT:-\/docker-entrypoint\.sh\}" "\$@"$/m);
	});

	it('does not load the pack through N8N_CUSTOM_EXTENSIONS (its node types would be CUSTOM.<name>)', () => {
		expect(dockerfile).not.toMatch(/^ENV N8N_CUSTOM_EXTENSIONS/m);
	});
});

describe('the entry point script on the pack as the Dockerfile installs it', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'commerce-ops-docker-'));
		// The Dockerfile's npm install, from the pack's own tarball instead of the mirror (offline:
		// zod comes from npm's cache, as the project's own install put it there). The tarball holds
		// dist/ as the last build left it (npm run build; the fast suite builds first).
		const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' });
		expect(packed.status).toBe(0);
		const tarball = join(dir, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0].filename);
		mkdirSync(join(dir, 'opt'));
		const installed = spawnSync(
			'npm',
			['install', tarball, '--install-strategy=nested', '--omit=dev', '--legacy-peer-deps', '--ignore-scripts', '--bin-links=false', '--no-audit', '--no-fund', '--no-package-lock', '--offline'],
			{ cwd: join(dir, 'opt'), encoding: 'utf8' },
		);
		expect(installed.stderr).not.toMatch(/npm error/);
		expect(installed.status).toBe(0);
	}, 120000);
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	function start(userFolder: string) {
		return spawnSync('sh', [entrypoint, 'start', '--tunnel'], {
			encoding: 'utf8',
			env: {
				PATH: process.env.PATH,
				HOME: userFolder,
				COMMERCE_OPS_BAKED: join(dir, 'opt', 'node_modules', PACKAGE),
				// Stands in for the n8n image's /docker-entrypoint.sh: prints what it was given.
				COMMERCE_OPS_NEXT: 'echo',
			},
		});
	}

	it('installs the nested layout: the package with its zod inside, nothing hoisted beside it', () => {
		expect(existsSync(join(dir, 'opt', 'node_modules', PACKAGE, 'node_modules', 'zod', 'package.json'))).toBe(true);
		expect(existsSync(join(dir, 'opt', 'node_modules', 'zod'))).toBe(false);
		expect(existsSync(join(dir, 'opt', 'node_modules', 'n8n-workflow'))).toBe(false);
	});

	it('copies the package where n8n loads community packages and pack.js installs it, listed in the nodes folder', () => {
		const home = join(dir, 'home-new');
		mkdirSync(home);
		const result = start(home);
		expect(result.status).toBe(0);
		// pack.js installPack: <user folder>/.n8n/nodes/node_modules/<package>, and package.json's dependencies.
		const packageDir = join(home, '.n8n', 'nodes', 'node_modules', PACKAGE);
		const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { name: string; version: string; n8n: { nodes: string[] } };
		expect(manifest.name).toBe(PACKAGE);
		for (const node of manifest.n8n.nodes) expect(existsSync(join(packageDir, node))).toBe(true);
		expect(existsSync(join(packageDir, 'node_modules', 'zod', 'package.json'))).toBe(true);
		expect(JSON.parse(readFileSync(join(home, '.n8n', 'nodes', 'package.json'), 'utf8'))).toEqual({
			name: 'installed-nodes',
			private: true,
			dependencies: { [PACKAGE]: manifest.version },
		});
		expect(result.stderr).toContain(`${PACKAGE} ${manifest.version} in ${join(home, '.n8n', 'nodes', 'node_modules')}`);
	});

	it('then hands over to the n8n image’s entry point with the container’s arguments', () => {
		const home = join(dir, 'home-args');
		mkdirSync(home);
		expect(start(home).stdout).toBe('start --tunnel\n');
	});

	it('keeps the other community packages of a volume that already has some, and replaces an older copy', () => {
		const home = join(dir, 'home-used');
		const nodes = join(home, '.n8n', 'nodes');
		mkdirSync(join(nodes, 'node_modules', PACKAGE), { recursive: true });
		writeFileSync(join(nodes, 'node_modules', PACKAGE, 'stale.js'), '');
		writeFileSync(join(nodes, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { 'n8n-nodes-other': '1.2.3', [PACKAGE]: '0.0.1' } }));
		expect(start(home).status).toBe(0);
		expect(existsSync(join(nodes, 'node_modules', PACKAGE, 'stale.js'))).toBe(false);
		const deps = (JSON.parse(readFileSync(join(nodes, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
		expect(deps['n8n-nodes-other']).toBe('1.2.3');
		expect(deps[PACKAGE]).not.toBe('0.0.1');
	});
});
