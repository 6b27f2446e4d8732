/**
 * The tracked long URL of a post: its landing page with UTM parameters added, so web analytics
 * and the shop see where a visit came from and which post (utm_content = the post's link code)
 * brought it. Pure: no n8n.
 *
 * Parameters are the five Google Analytics campaign parameters
 * (https://support.google.com/analytics/answer/10917952): utm_source (the platform, e.g.
 * douyin), utm_medium (e.g. short_video), utm_campaign, utm_content (the link code) and
 * utm_term (unused here). The URL is parsed and serialised with the WHATWG URL Standard
 * (https://url.spec.whatwg.org/#concept-url-parser), and the new parameters go after the
 * existing query and before the fragment (RFC 3986 §3.5: the fragment comes last and is never sent to
 * the server, so a `#section` must stay at the end). A UTM parameter already on the URL is
 * replaced, not repeated: the same post always yields the same URL, which is what makes
 * Create idempotent (Bitly returns the existing link for a long URL it already shortened).
 */
import { UserInputError } from '../errors';

export interface UtmTags {
	source: string;
	medium: string;
	campaign: string;
	/** The post's link code. */
	content: string;
}

/** The query parameter each tag is sent as, in the order they are appended. */
const UTM_PARAMETERS: Record<keyof UtmTags, string> = { source: 'utm_source', medium: 'utm_medium', campaign: 'utm_campaign', content: 'utm_content' };
const UTM_NAMES = new Set([...Object.values(UTM_PARAMETERS), 'utm_term', 'utm_id']);

/** A query pair's name, decoded as a form would ("utm%5Fsource" is utm_source too). */
function decodedName(pair: string): string {
	const name = pair.split('=')[0].replace(/\+/g, ' ');
	try {
		return decodeURIComponent(name).toLowerCase();
	} catch {
		return name.toLowerCase();
	}
}

/** Longest long URL accepted (Bitly documents no limit; 2048 is the common browser-safe size). */
export const MAX_LONG_URL_LENGTH = 2048;

/**
 * `longUrl` with the UTM tags set (empty tags are left out). Only http(s) URLs: a short link to
 * anything else would not open a landing page. Throws UserInputError for a URL that is not one.
 */
export function trackedUrl(longUrl: string, tags: UtmTags): string {
	const text = longUrl.trim();
	if (text.length > MAX_LONG_URL_LENGTH) {
		throw new UserInputError(`Long URL is ${text.length} characters; at most ${MAX_LONG_URL_LENGTH} are accepted`, {
			field: 'Long URL',
			expected: `an http(s) address of at most ${MAX_LONG_URL_LENGTH} characters`,
		});
	}
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
		throw new UserInputError(`Long URL "${text.slice(0, 80)}" is not an http(s) address`, {
			field: 'Long URL',
			expected: 'an address starting with https:// (the post\'s landing page)',
			hint: 'Map Long URL to the landing page of the post, e.g. https://shop.example.com/p/123. 请把“Long URL”设为帖子的落地页地址（以 https:// 开头）。',
		});
	}
	// The existing query is kept as it was written (re-serialising it as a form would turn %20
	// into + and a bare `flag` into `flag=`, which some landing pages read differently); only
	// pairs named like a UTM parameter are dropped, and the new ones appended, encoded with
	// encodeURIComponent (RFC 3986 §2.1 percent-encoding of UTF-8: 双 → %E5%8F%8C).
	const kept = url.search
		.slice(1)
		.split('&')
		.filter((pair) => pair !== '' && !UTM_NAMES.has(decodedName(pair)));
	const added = (Object.keys(UTM_PARAMETERS) as Array<keyof UtmTags>)
		.map((key) => [UTM_PARAMETERS[key], tags[key].trim()] as const)
		.filter(([, value]) => value !== '')
		.map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
	// The setter drops one leading "?": given without it, a query that itself starts with "?" ("??a") would lose it.
	const query = [...kept, ...added].join('&');
	url.search = query === '' ? '' : `?${query}`;
	return url.href;
}
