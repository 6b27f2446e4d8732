import { containsSecret, MIN_SECRET_LENGTH, REDACTED, redactSecrets, redactSecretsDeep, secretRedactor } from '../../nodes/lib/redact';

const APP_SECRET = 'test-app-secret-for-redaction';
// A secret with characters that URL and JSON encodings change.
const ODD_SECRET = 'se/cr+et "quoted" ü=1';

describe('redactSecrets', () => {
	it('cuts a secret out of free text, wherever it appears and however often', () => {
		const text = `sign mismatch: expected secret ${APP_SECRET}; got md5(${APP_SECRET}timestamp)`;
		expect(redactSecrets(text, [APP_SECRET])).toBe(`sign mismatch: expected secret ${REDACTED}; got md5(${REDACTED}timestamp)`);
	});

	it('cuts its URL-encoded form (a query string or form body echoed back) and its JSON-escaped form', () => {
		// Written out by hand, as a URL and a JSON body carry the value.
		const urlForm = 'se%2Fcr%2Bet%20%22quoted%22%20%C3%BC%3D1';
		const formForm = 'se%2Fcr%2Bet+%22quoted%22+%C3%BC%3D1';
		const jsonForm = 'se/cr+et \\"quoted\\" ü=1';
		const text = `GET /api?secret=${urlForm} | body app_secret=${formForm} | {"secret":"${jsonForm}"}`;
		expect(redactSecrets(text, [ODD_SECRET])).toBe(`GET /api?secret=${REDACTED} | body app_secret=${REDACTED} | {"secret":"${REDACTED}"}`);
	});

	it('leaves values too short to be a secret, empty fields and non-strings alone', () => {
		const short = 'x'.repeat(MIN_SECRET_LENGTH - 1);
		expect(redactSecrets(`shop ${short} code 12345`, [short, '', undefined, 12345])).toBe(`shop ${short} code 12345`);
	});

	it('cuts a longer secret whole even when a shorter one is inside it', () => {
		const refreshToken = `${APP_SECRET}-refresh`;
		expect(redactSecrets(`refresh ${refreshToken}`, [APP_SECRET, refreshToken])).toBe(`refresh ${REDACTED}`);
	});

	it('ignores surrounding blanks a user pasted into the credential field', () => {
		expect(redactSecrets(`token ${APP_SECRET}.`, [`  ${APP_SECRET}\n`])).toBe(`token ${REDACTED}.`);
	});
});

describe('redactSecretsDeep', () => {
	it('copies plain data with every string redacted, keys included, and leaves the input as it was', () => {
		const input = { message: `bad ${APP_SECRET}`, nested: [{ [APP_SECRET]: 1, n: 2 }, null, true], when: new Date(0) };
		const output = redactSecretsDeep(input, [APP_SECRET]);
		expect(output).toEqual({ message: `bad ${REDACTED}`, nested: [{ [REDACTED]: 1, n: 2 }, null, true], when: new Date(0) });
		expect(input.message).toBe(`bad ${APP_SECRET}`);
	});

	it('survives a cycle', () => {
		const input: Record<string, unknown> = { text: APP_SECRET };
		input.self = input;
		const output = redactSecretsDeep(input, [APP_SECRET]) as Record<string, unknown>;
		expect(output.text).toBe(REDACTED);
		expect(output.self).toBe(output);
	});

	it('returns the very value when there is no secret to look for', () => {
		const input = { a: 'b' };
		expect(redactSecretsDeep(input, ['', 'abc'])).toBe(input);
	});
});

describe('containsSecret', () => {
	it('finds any form of a secret, and nothing in a redacted text', () => {
		expect(containsSecret(`x ${encodeURIComponent(ODD_SECRET)} y`, [ODD_SECRET])).toBe(true);
		expect(containsSecret(redactSecrets(`x ${APP_SECRET}`, [APP_SECRET]), [APP_SECRET])).toBe(false);
	});
});

describe('secretRedactor with a pattern pass', () => {
	const urlTokens = (text: string) => text.replace(/(token=)[^&\s]+/g, '$1***');

	it('cuts the secret values first, then what the patterns find', () => {
		const redactor = secretRedactor([APP_SECRET], urlTokens);
		expect(redactor.text(`bad ${APP_SECRET} at /send?token=unknown-value`)).toBe(`bad ${REDACTED} at /send?token=***`);
		expect(redactor.deep({ [`/send?token=x`]: [APP_SECRET] })).toEqual({ '/send?token=***': [REDACTED] });
	});

	it('runs the patterns even with no secret to look for', () => {
		expect(secretRedactor([], urlTokens).text('/send?token=x')).toBe('/send?token=***');
	});
});
