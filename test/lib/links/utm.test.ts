/**
 * The tracked URL of a post. Expected strings are written by hand from the WHATWG URL Standard's
 * parsing rules (https://url.spec.whatwg.org/: an empty path serialises as "/", the host is
 * lower-cased) and RFC 3986 (§3.4 the query before §3.5 the fragment; §2.1 percent-encoding of
 * UTF-8 octets: 双 = U+53CC = E5 8F 8C).
 */
import { UserInputError } from '../../../nodes/lib/errors';
import { trackedUrl } from '../../../nodes/lib/links';

const tags = { source: 'douyin', medium: 'short_video', campaign: '', content: 'DY-0412-3' };

describe('trackedUrl: the landing page with UTM parameters and the link code', () => {
	it('adds the parameters as the query of a URL without one (the empty path becomes "/")', () => {
		expect(trackedUrl('https://Shop.Example.com', tags)).toBe('https://shop.example.com/?utm_source=douyin&utm_medium=short_video&utm_content=DY-0412-3');
	});

	it('appends after an existing query, which is kept exactly as written (%20 stays, a bare flag stays)', () => {
		expect(trackedUrl('https://shop.example.com/p/1?q=a%20b&flag', tags)).toBe(
			'https://shop.example.com/p/1?q=a%20b&flag&utm_source=douyin&utm_medium=short_video&utm_content=DY-0412-3',
		);
	});

	it('puts the query before the fragment (RFC 3986 §3.5), with and without an existing query', () => {
		expect(trackedUrl('https://shop.example.com/p/1#reviews', tags)).toBe(
			'https://shop.example.com/p/1?utm_source=douyin&utm_medium=short_video&utm_content=DY-0412-3#reviews',
		);
		expect(trackedUrl('https://shop.example.com/p/1?sku=9#reviews', tags)).toBe(
			'https://shop.example.com/p/1?sku=9&utm_source=douyin&utm_medium=short_video&utm_content=DY-0412-3#reviews',
		);
	});

	it('replaces UTM parameters already on the URL instead of repeating them, keeps the others', () => {
		expect(trackedUrl('https://shop.example.com/?utm_source=old&id=7&UTM_CONTENT=x&utm%5Fmedium=y', tags)).toBe(
			'https://shop.example.com/?id=7&utm_source=douyin&utm_medium=short_video&utm_content=DY-0412-3',
		);
	});

	it('percent-encodes UTF-8 and reserved characters in the values', () => {
		expect(trackedUrl('https://shop.example.com/', { ...tags, campaign: '双11 大促&返场' })).toBe(
			'https://shop.example.com/?utm_source=douyin&utm_medium=short_video&utm_campaign=%E5%8F%8C11%20%E5%A4%A7%E4%BF%83%26%E8%BF%94%E5%9C%BA&utm_content=DY-0412-3',
		);
	});

	it('gives the same URL on a second run (what makes Create find its link again)', () => {
		const once = trackedUrl('https://shop.example.com/p/1?sku=9#reviews', tags);
		expect(trackedUrl(once, tags)).toBe(once);
	});

	it.each(['shop.example.com/p/1', 'ftp://shop.example.com/', 'javascript:alert(1)', '', `https://shop.example.com/${'a'.repeat(2100)}`])('refuses %s as a landing page', (bad) => {
		expect(() => trackedUrl(bad, tags)).toThrow(UserInputError);
	});
});
