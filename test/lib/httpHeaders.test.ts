/** Header reading shared by the shop connectors and the chat bots (nodes/lib/httpHeaders.ts). */
import { headerValue, redirectOrigin, retryAfterMs } from '../../nodes/lib/httpHeaders';

describe('headerValue', () => {
	it('finds a header whatever the case of its name, the first of a repeated one', () => {
		expect(headerValue({ 'Retry-After': '3' }, 'retry-after')).toBe('3');
		expect(headerValue({ location: 'https://a.example' }, 'Location')).toBe('https://a.example');
		expect(headerValue({ 'set-cookie': ['a=1', 'b=2'] }, 'set-cookie')).toBe('a=1');
		expect(headerValue({ 'x-wp-total': 42 }, 'x-wp-total')).toBe('42');
	});

	it('is undefined for a missing header, a null value or no headers', () => {
		expect(headerValue({}, 'location')).toBeUndefined();
		expect(headerValue({ location: null }, 'location')).toBeUndefined();
		expect(headerValue(undefined, 'location')).toBeUndefined();
	});
});

describe('retryAfterMs (RFC 9110 §10.2.3)', () => {
	it('reads delay-seconds', () => {
		expect(retryAfterMs({ 'Retry-After': '120' }, 0)).toBe(120_000);
		expect(retryAfterMs({ 'retry-after': ' 1.5 ' }, 0)).toBe(1_500);
	});

	it('reads an HTTP-date as the time left from now, 0 once it is past', () => {
		// The RFC's own example date.
		const date = 'Fri, 31 Dec 1999 23:59:59 GMT';
		expect(retryAfterMs({ 'Retry-After': date }, Date.UTC(1999, 11, 31, 23, 59, 29))).toBe(30_000);
		expect(retryAfterMs({ 'Retry-After': date }, Date.UTC(2000, 0, 1))).toBe(0);
	});

	it('is undefined when absent, empty or unreadable', () => {
		expect(retryAfterMs({}, 0)).toBeUndefined();
		expect(retryAfterMs({ 'retry-after': '' }, 0)).toBeUndefined();
		expect(retryAfterMs({ 'retry-after': '-5' }, 0)).toBeUndefined();
		expect(retryAfterMs({ 'retry-after': 'soon' }, 0)).toBeUndefined();
	});
});

describe('redirectOrigin', () => {
	it('shows only the origin of an absolute Location, never its path or query', () => {
		expect(redirectOrigin({ Location: 'https://evil.example:8443/steal?access_token=abc#x' })).toBe('https://evil.example:8443');
	});

	it("tells a relative Location apart from none (or one that names no host)", () => {
		expect(redirectOrigin({ location: '/robot/send?access_token=abc' })).toBe('relative');
		expect(redirectOrigin({})).toBeUndefined();
		expect(redirectOrigin({ location: '  ' })).toBeUndefined();
		expect(redirectOrigin({ location: 'mailto:ops@example.com' })).toBeUndefined();
	});
});
