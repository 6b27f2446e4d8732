/**
 * Local stand-ins for Bitly (API v4) and Shlink (REST v3) on 127.0.0.1, a random port each.
 * They check what the real services check, written from their docs rather than from the node:
 *
 * - Bitly (https://dev.bitly.com/api-reference): `Authorization: Bearer TOKEN` or 403 FORBIDDEN;
 *   POST /v4/bitlinks with a JSON body whose `long_url` is an http(s) URL — 201 with a new
 *   Bitlink, or 200 with the one this account already has for that long URL; GET
 *   /v4/bitlinks/{domain}/{hash}/clicks?unit=day&units=N — `link_clicks` newest first, one row
 *   per UTC day, zeros included; requests over the rate limit get 429 RATE_LIMIT_EXCEEDED
 *   (https://dev.bitly.com/docs/getting-started/rate-limits: per hour, and per minute a tenth of
 *   that; here `limit` requests per `windowMs`, configurable).
 * - Shlink (https://shlink.io/documentation/api-docs/): `X-Api-Key` or 401 with an RFC 7807
 *   problem body; POST /rest/v3/short-urls `{longUrl, findIfExists?}` — with findIfExists the
 *   short URL already made for that long URL comes back, without it a new one is always made;
 *   GET /rest/v3/short-urls/{shortCode}/visits?page&itemsPerPage&startDate — visits newest
 *   first, paged, with `pagination {currentPage, pagesCount, itemsPerPage, totalItems}`.
 *
 * GET /v4/user (Bitly) and GET /rest/v3/short-urls (Shlink) answer the credentials' Test.
 *
 * Every write is logged (`writes`), every request too (`requests`), so a test can prove that no
 * link was made twice and that throttled requests were sent again.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
	status: number;
}

export interface FakeLinkServer {
	baseUrl: string;
	requests: FakeRequest[];
	/** Every link made (a write that created something), in order. */
	writes: Array<{ id: string; longUrl: string }>;
	/**
	 * After `pass` more authorised requests are answered, the next `count` get 429 (with
	 * Retry-After seconds when given): throttling in the middle of a run.
	 */
	throttleNext(count: number, retryAfterSeconds?: string, pass?: number): void;
	close(): Promise<void>;
}

interface Options {
	/** Requests allowed per window before 429 (default: no limit). */
	limit?: number;
	windowMs?: number;
	/** Retry-After sent with a 429 from the window limit, in seconds (Bitly sends none: undefined). */
	retryAfterSeconds?: string;
	/**
	 * A refused request's error repeats the credential it got, as some gateways and proxies do,
	 * so a test can prove the node cuts it out of what it shows.
	 */
	echoCredential?: boolean;
}

export const BITLY_TEST_BEARER = 'bitly-test-token-7f3a9c2e51d04b8a';
export const SHLINK_TEST_HEADER = 'shlink-key-0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';

interface Handler {
	authorised(request: IncomingMessage): { status: number; body: unknown } | undefined;
	handle(method: string, path: string, query: URLSearchParams, body: unknown): { status: number; body: unknown };
}

async function startServer(makeHandler: (writes: FakeLinkServer['writes']) => Handler, options: Options): Promise<FakeLinkServer> {
	const requests: FakeRequest[] = [];
	const writes: FakeLinkServer['writes'] = [];
	const handler = makeHandler(writes);
	let scripted: { count: number; retryAfter?: string; pass: number } = { count: 0, pass: 0 };
	const recent: number[] = [];
	const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const url = new URL(request.url ?? '/', 'http://127.0.0.1');
			const text = Buffer.concat(chunks).toString('utf8');
			let body: unknown;
			if (text !== '') {
				try {
					body = JSON.parse(text);
				} catch {
					body = Symbol.for('invalid');
				}
			}
			const answer = (status: number, reply: unknown, headers: Record<string, string> = {}) => {
				requests.push({ method: request.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), body, status });
				response.writeHead(status, { 'content-type': 'application/json', ...headers });
				response.end(JSON.stringify(reply));
			};
			const refused = handler.authorised(request);
			if (refused) return answer(refused.status, refused.body);
			if (scripted.count > 0 && scripted.pass > 0) scripted.pass -= 1;
			else if (scripted.count > 0) {
				scripted.count -= 1;
				return answer(429, { message: 'RATE_LIMIT_EXCEEDED', title: 'Too many requests' }, scripted.retryAfter ? { 'retry-after': scripted.retryAfter } : {});
			}
			if (options.limit !== undefined) {
				const now = Date.now();
				while (recent.length > 0 && recent[0] <= now - (options.windowMs ?? 60_000)) recent.shift();
				if (recent.length >= options.limit) {
					return answer(429, { message: 'RATE_LIMIT_EXCEEDED', description: 'You have exceeded your rate limit.' }, options.retryAfterSeconds ? { 'retry-after': options.retryAfterSeconds } : {});
				}
				recent.push(now);
			}
			if (body === Symbol.for('invalid')) return answer(400, { message: 'INVALID_JSON', title: 'Invalid JSON' });
			const { status, body: reply } = handler.handle(request.method ?? 'GET', url.pathname, url.searchParams, body);
			answer(status, reply);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		requests,
		writes,
		throttleNext(count, retryAfter, pass = 0) {
			scripted = { count, retryAfter, pass };
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

const isHttpUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value);
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A Bitly stand-in. `clicks` maps a Bitlink id (bit.ly/abc) to clicks per UTC day (YYYY-MM-DD);
 * links made by the node start with none.
 */
export async function startFakeBitly(options: Options & { clicks?: Record<string, Record<string, number>> } = {}): Promise<FakeLinkServer> {
	const clicks = options.clicks ?? {};
	return startServer((writes) => {
		const byLongUrl = new Map<string, string>();
		return {
			authorised: (request) =>
				request.headers.authorization === `Bearer ${BITLY_TEST_BEARER}`
					? undefined
					: { status: 403, body: { message: 'FORBIDDEN', description: `You are currently forbidden to access this resource.${options.echoCredential ? ` (got ${String(request.headers.authorization)})` : ''}` } },
			handle(method, path, query, body) {
				if (method === 'GET' && path === '/v4/user') return { status: 200, body: { login: 'shop-ops', default_group_guid: 'Bg1' } };
				if (method === 'POST' && path === '/v4/bitlinks') {
					const longUrl = (body as { long_url?: unknown } | undefined)?.long_url;
					if (!isHttpUrl(longUrl)) return { status: 400, body: { message: 'INVALID_ARG_LONG_URL', errors: [{ field: 'long_url', error_code: 'invalid' }] } };
					const existing = byLongUrl.get(longUrl as string);
					if (existing) return { status: 200, body: { id: existing, link: `https://${existing}`, long_url: longUrl } };
					const id = `bit.ly/t${(writes.length + 1).toString(36).padStart(5, '0')}`;
					byLongUrl.set(longUrl as string, id);
					writes.push({ id, longUrl: longUrl as string });
					return { status: 201, body: { id, link: `https://${id}`, long_url: longUrl } };
				}
				const match = /^\/v4\/bitlinks\/([^/]+)\/([^/]+)\/clicks$/.exec(path);
				if (method === 'GET' && match) {
					const id = `${decodeURIComponent(match[1])}/${decodeURIComponent(match[2])}`;
					const units = Number(query.get('units'));
					if (query.get('unit') !== 'day' || !Number.isInteger(units) || units < 1) return { status: 400, body: { message: 'INVALID_ARG_UNIT' } };
					const known = clicks[id] ?? (writes.some((w) => w.id === id) ? {} : undefined);
					if (known === undefined) return { status: 404, body: { message: 'NOT_FOUND' } };
					const today = Date.now();
					const rows = Array.from({ length: units }, (_, k) => {
						const day = utcDay(today - k * 86_400_000);
						return { clicks: known[day] ?? 0, date: `${day}T00:00:00+0000` };
					});
					return { status: 200, body: { link_clicks: rows, units, unit: 'day', unit_reference: new Date(today).toISOString() } };
				}
				return { status: 404, body: { message: 'NOT_FOUND' } };
			},
		};
	}, options);
}

/**
 * A Shlink stand-in. `visits` maps a short code to its visits' times (ISO strings); links made by
 * the node start with none. `itemsPerPageCap` caps a page as a server may (default 50), so paging is needed.
 */
export async function startFakeShlink(options: Options & { visits?: Record<string, string[]>; itemsPerPageCap?: number } = {}): Promise<FakeLinkServer> {
	const visits = options.visits ?? {};
	const cap = options.itemsPerPageCap ?? 50;
	return startServer((writes) => {
		const byLongUrl = new Map<string, string>();
		const problem = (status: number, title: string, detail: string) => ({ status, body: { type: `https://shlink.io/api/error/${title.toLowerCase().replace(/ /g, '-')}`, title, detail, status } });
		return {
			authorised: (request) =>
				request.headers['x-api-key'] === SHLINK_TEST_HEADER
					? undefined
					: problem(401, 'Invalid API key', `Provided API key does not exist or is invalid.${options.echoCredential ? ` (got ${String(request.headers['x-api-key'])})` : ''}`),
			handle(method, path, query, body) {
				if (method === 'GET' && path === '/rest/v3/short-urls') {
					return { status: 200, body: { shortUrls: { data: [], pagination: { currentPage: 1, pagesCount: 0, itemsPerPage: Number(query.get('itemsPerPage') ?? 10), totalItems: 0 } } } };
				}
				if (method === 'POST' && path === '/rest/v3/short-urls') {
					const b = (body ?? {}) as { longUrl?: unknown; findIfExists?: unknown };
					if (!isHttpUrl(b.longUrl)) return problem(400, 'Invalid data', 'Provided data is not valid: longUrl');
					const existing = byLongUrl.get(b.longUrl as string);
					if (existing && b.findIfExists === true) return { status: 200, body: { shortCode: existing, shortUrl: `https://s.test/${existing}`, longUrl: b.longUrl } };
					const code = `s${(writes.length + 1).toString(36).padStart(4, '0')}`;
					byLongUrl.set(b.longUrl as string, code);
					writes.push({ id: code, longUrl: b.longUrl as string });
					return { status: 200, body: { shortCode: code, shortUrl: `https://s.test/${code}`, longUrl: b.longUrl, dateCreated: new Date().toISOString() } };
				}
				const match = /^\/rest\/v3\/short-urls\/([^/]+)\/visits$/.exec(path);
				if (method === 'GET' && match) {
					const code = decodeURIComponent(match[1]);
					const all = visits[code] ?? (writes.some((w) => w.id === code) ? [] : undefined);
					if (all === undefined) return problem(404, 'Short URL not found', `No URL found with short code "${code}"`);
					const start = query.get('startDate');
					const kept = all
						.filter((at) => start === null || Date.parse(at) >= Date.parse(start))
						.sort((a, b) => Date.parse(b) - Date.parse(a));
					const perPage = Math.min(cap, Number(query.get('itemsPerPage') ?? 10));
					const page = Number(query.get('page') ?? 1);
					const pagesCount = Math.max(1, Math.ceil(kept.length / perPage));
					const data = kept.slice((page - 1) * perPage, page * perPage).map((date) => ({ date, referer: '', userAgent: 'test', potentialBot: false }));
					return { status: 200, body: { visits: { data, pagination: { currentPage: page, pagesCount, itemsPerPage: perPage, itemsInCurrentPage: data.length, totalItems: kept.length } } } };
				}
				return problem(404, 'Not found', path);
			},
		};
	}, options);
}
