/**
 * The common part of the fake shop platforms (one per platform beside this file): an HTTP
 * server on 127.0.0.1 that logs every request, keeps a log of every write the "shop"
 * applied (so tests can prove nothing was lost and nothing was written twice), and answers
 * with scripted faults at chosen moments: throttling, 5xx, a dropped connection, and the
 * nastiest one, a write applied on the platform whose answer never reaches the client.
 *
 * Each platform's handler verifies what the real platform would (signatures by its own
 * implementation of the published recipe, windows, paging, token expiry) and answers in
 * the platform's shapes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	rawQuery: string;
	headers: Record<string, string | string[] | undefined>;
	rawBody: string;
	/** The body parsed as JSON, or as a form when it is one; {} when empty. */
	body: Record<string, unknown>;
}

export interface FakeReply {
	status?: number;
	body: unknown;
	headers?: Record<string, string>;
}

export interface Fault {
	/** Answer with this status and body (default 500 with a plain error); a function builds the body from the request (an answer that echoes it). */
	status?: number;
	body?: unknown | ((request: FakeRequest) => unknown);
	headers?: Record<string, string>;
	/** Wait this long before answering (or dropping): longer than the client's time-out, the answer is lost. */
	delayMs?: number;
	/** Close the connection without an answer (the client sees ECONNRESET). */
	dropConnection?: boolean;
	/** Handle the request for real first (a write is applied), then answer with the fault. */
	afterHandling?: boolean;
	/** Only requests this matches take the fault; others pass. `operation` is the platform operation the request calls, as logged. */
	match?: (request: FakeRequest, operation: string) => boolean;
}

export interface LoggedRequest {
	method: string;
	path: string;
	/** The platform's method name where it has one (Douyin `order.searchList`). */
	operation: string;
	query: Record<string, string>;
	body: Record<string, unknown>;
	status: number;
	/** Set when a scripted fault answered. */
	fault?: string;
}

export interface WriteRecord {
	/** What was written, e.g. `coupon.create`, `stock.set`. */
	kind: string;
	/** What makes two writes the same write (coupon code, idempotency id). */
	key: string;
	/** False when the platform refused it as a duplicate: nothing changed. */
	applied: boolean;
	detail: Record<string, unknown>;
}

export interface FakeShopServer {
	baseUrl: string;
	requests: LoggedRequest[];
	writes: WriteRecord[];
	/** Writes that changed the shop, per key: a test asserts each is 1. */
	appliedCountByKey(kind: string): Map<string, number>;
	failNext(fault: Fault, count?: number): void;
	/** Forget the request log (the write log and shop state stay). */
	clearRequests(): void;
	close(): Promise<void>;
}

export interface PlatformHandler {
	/** Name of the platform operation a request calls, for the log. */
	operationOf(request: FakeRequest): string;
	handle(request: FakeRequest, log: { write(record: WriteRecord): void }): FakeReply | Promise<FakeReply>;
}

export async function startFakeShop(handler: PlatformHandler): Promise<FakeShopServer> {
	const requests: LoggedRequest[] = [];
	const writes: WriteRecord[] = [];
	const faults: Fault[] = [];
	const log = { write: (record: WriteRecord) => writes.push(record) };

	const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			void (async () => {
				const rawBody = Buffer.concat(chunks).toString('utf8');
				const url = new URL(req.url ?? '/', 'http://127.0.0.1');
				const request: FakeRequest = {
					method: req.method ?? 'GET',
					path: url.pathname,
					query: url.searchParams,
					rawQuery: (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?') + 1) : '',
					headers: req.headers,
					rawBody,
					body: parseBody(rawBody, String(req.headers['content-type'] ?? '')),
				};
				const entry: LoggedRequest = {
					method: request.method,
					path: request.path,
					operation: handler.operationOf(request),
					query: Object.fromEntries(url.searchParams),
					body: request.body,
					status: 0,
				};
				requests.push(entry);
				const faultIndex = faults.findIndex((fault) => !fault.match || fault.match(request, entry.operation));
				const fault = faultIndex >= 0 ? faults.splice(faultIndex, 1)[0] : undefined;
				let reply: FakeReply;
				try {
					if (fault && !fault.afterHandling) {
						reply = faultReply(fault, request);
					} else {
						reply = await handler.handle(request, log);
						if (fault) reply = faultReply(fault, request);
					}
				} catch (error) {
					reply = { status: 500, body: { fakeServerError: String(error) } };
				}
				if (fault) entry.fault = fault.dropConnection ? 'dropped' : `status ${fault.status ?? 500}`;
				if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
				if (fault?.dropConnection) {
					entry.status = -1;
					req.socket.destroy();
					return;
				}
				entry.status = reply.status ?? 200;
				const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
				res.writeHead(entry.status, { 'content-type': 'application/json; charset=utf-8', ...(reply.headers ?? {}) });
				res.end(text);
			})();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	return {
		baseUrl: `http://127.0.0.1:${port}`,
		requests,
		writes,
		appliedCountByKey(kind) {
			const counts = new Map<string, number>();
			for (const write of writes) if (write.kind === kind && write.applied) counts.set(write.key, (counts.get(write.key) ?? 0) + 1);
			return counts;
		},
		failNext(fault, count = 1) {
			for (let i = 0; i < count; i++) faults.push(fault);
		},
		clearRequests() {
			requests.length = 0;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			}),
	};
}

function faultReply(fault: Fault, request: FakeRequest): FakeReply {
	const body = typeof fault.body === 'function' ? (fault.body as (request: FakeRequest) => unknown)(request) : fault.body;
	return { status: fault.status ?? 500, body: body ?? { error: 'injected fault' }, headers: fault.headers };
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
	if (raw === '') return {};
	if (contentType.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
	try {
		const parsed = JSON.parse(raw) as unknown;
		return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : { value: parsed };
	} catch {
		return { unparsable: raw };
	}
}

/** A clock the fakes read, which a test can move forward (token expiry, windows relative to now). */
export class FakeClock {
	offsetMs = 0;

	now(): number {
		return Date.now() + this.offsetMs;
	}

	advance(ms: number): void {
		this.offsetMs += ms;
	}
}
