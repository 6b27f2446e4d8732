/**
 * Review text → a sentiment score from −1 (all negative) to +1 (all positive), with a Chinese
 * and English lexicon (lexicon.ts) and negation.
 *
 * Tokens: Chinese by forward maximum matching against the lexicon (the longest entry starting
 * at each character, else the single character: 非常好 is 非常 + 好, 不错 one positive word);
 * English as words, lower-cased. Punctuation (，。！？；, . ! ? ; and line breaks) and "but"/但是/
 * 可是/不过 end a clause.
 *
 * Negation, the "switch" rule (Taboada, Brooke, Tofiloski, Voll & Stede, "Lexicon-based methods
 * for sentiment analysis", Computational Linguistics 37(2), 2011, §2.3; the scope as in Das &
 * Chen 2001 and Pang, Lee & Vaithyanathan 2002: up to the clause's end): a sentiment word is
 * flipped when an odd number of negators stand among the NEGATION_WINDOW tokens before it in
 * the same clause (不是不好 = two: not flipped). With polarities of ±1 Taboada's "shift" would
 * move a word past zero just the same, so switch is the rule here.
 *
 * Score of a text = (P − N) / (P + N) over its sentiment words after negation (P positive, N
 * negative); 0 for a text without any.
 */
import { EN_NEGATIVE, EN_NEGATORS, EN_POSITIVE, GUARD_WORDS, ZH_NEGATIVE, ZH_NEGATORS, ZH_POSITIVE } from './lexicon';

/** Tokens before a sentiment word that a negator may stand among (不太好, not very good, don't really like). */
export const NEGATION_WINDOW = 3;

type Kind = 'positive' | 'negative' | 'negator' | 'guard' | 'break';

const ZH_KIND = new Map<string, Kind>();
for (const word of GUARD_WORDS) ZH_KIND.set(word, 'guard');
for (const word of ZH_NEGATORS) ZH_KIND.set(word, 'negator');
for (const word of ZH_POSITIVE) ZH_KIND.set(word, 'positive');
for (const word of ZH_NEGATIVE) ZH_KIND.set(word, 'negative');
for (const word of ['但是', '可是', '不过', '但']) ZH_KIND.set(word, 'break');
const ZH_LONGEST = Math.max(...[...ZH_KIND.keys()].map((word) => word.length));

const EN_KIND = new Map<string, Kind>();
for (const word of EN_NEGATORS) EN_KIND.set(word, 'negator');
for (const word of EN_POSITIVE) EN_KIND.set(word, 'positive');
for (const word of EN_NEGATIVE) EN_KIND.set(word, 'negative');
for (const word of ['but', 'however', 'although', 'though']) EN_KIND.set(word, 'break');

const CLAUSE_END = /[，。！？；：,.!?;:\n\r…～~]/;
const LATIN = /[a-z']/;
const CJK = /[\u3400-\u9fff]/;

export interface TextSentiment {
	/** (P − N) / (P + N), 0 without sentiment words. */
	score: number;
	positive: number;
	negative: number;
}

interface Token {
	text: string;
	kind: Kind | undefined;
}

/** The text's tokens, as the module comment describes. */
export function tokenize(text: string): Token[] {
	const source = text.toLowerCase().replace(/[’‘`]/g, "'");
	const tokens: Token[] = [];
	let i = 0;
	while (i < source.length) {
		const char = source[i];
		if (CLAUSE_END.test(char)) {
			tokens.push({ text: char, kind: 'break' });
			i++;
		} else if (LATIN.test(char)) {
			let end = i;
			while (end < source.length && LATIN.test(source[end])) end++;
			const word = source.slice(i, end).replace(/^'+|'+$/g, '');
			if (word !== '') tokens.push({ text: word, kind: EN_KIND.get(word) ?? (word.endsWith("n't") ? 'negator' : undefined) });
			i = end;
		} else if (CJK.test(char)) {
			let length = Math.min(ZH_LONGEST, source.length - i);
			while (length > 1 && !ZH_KIND.has(source.slice(i, i + length))) length--;
			const word = source.slice(i, i + length);
			tokens.push({ text: word, kind: ZH_KIND.get(word) });
			i += length;
		} else {
			i++; // spaces, digits, emoji: no token
		}
	}
	return tokens;
}

/** The sentiment of one review text, as the module comment defines it. */
export function scoreReviewText(text: string): TextSentiment {
	const tokens = tokenize(text);
	let positive = 0;
	let negative = 0;
	let clauseStart = 0;
	tokens.forEach((token, t) => {
		if (token.kind === 'break') {
			clauseStart = t + 1;
			return;
		}
		if (token.kind !== 'positive' && token.kind !== 'negative') return;
		let negators = 0;
		for (let k = Math.max(clauseStart, t - NEGATION_WINDOW); k < t; k++) if (tokens[k].kind === 'negator') negators++;
		const isPositive = (token.kind === 'positive') !== (negators % 2 === 1);
		if (isPositive) positive++;
		else negative++;
	});
	const hits = positive + negative;
	return { score: hits === 0 ? 0 : (positive - negative) / hits, positive, negative };
}
