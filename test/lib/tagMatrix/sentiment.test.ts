/**
 * Review sentiment with the curated lexicon and the negation rule (nodes/lib/tagMatrix/
 * sentiment.ts: switch negation within 3 tokens of the same clause, Taboada et al. 2011).
 * Every expected score is counted by hand: P positive and N negative words after negation,
 * score (P − N) / (P + N).
 */
import { NEGATION_WINDOW, scoreReviewText, tokenize } from '../../../nodes/lib/tagMatrix';

describe('review sentiment: Chinese', () => {
	it.each([
		// text, P, N, score
		['质量很好，非常满意', 2, 0, 1], // 很好 +, 非常 is "very" (not 非 + 常), 满意 +
		['不好', 0, 1, -1], // 不 flips 好
		['不错', 1, 0, 1], // 不错 is one positive word: the longest match wins over 不 + 错
		['没问题', 1, 0, 1],
		['不是很好', 0, 1, -1], // 不是 flips 很好
		['不是不好', 1, 0, 1], // two negators before 好: flipped twice
		['别买，差评', 0, 1, -1], // 买 is not in the lexicon (别 negates nothing), 差评 −
		['物流快，但是质量差', 1, 1, 0],
		['没有过敏，很舒服', 2, 0, 1], // 没有 flips 过敏 (−) to +; 舒服 +
		['一般般吧', 0, 0, 0], // no sentiment word
	])('%s → P=%i N=%i score %d', (text, positive, negative, score) => {
		expect(scoreReviewText(text)).toEqual({ positive, negative, score });
	});

	it('reads 非常 and 不错 whole (longest match), 不 alone as a negator', () => {
		expect(tokenize('非常不错').map((t) => t.text)).toEqual(['非常', '不错']);
		expect(tokenize('不太好').map((t) => t.text)).toEqual(['不', '太', '好']);
	});
});

describe('review sentiment: English', () => {
	it.each([
		['Great quality, love it!', 2, 0, 1],
		['not bad', 1, 0, 1], // not flips bad
		["I don't like the smell", 0, 1, -1], // don't (n't) flips like
		['I don’t like it', 0, 1, -1], // a typographic apostrophe is an apostrophe
		['The quality is not very good', 0, 1, -1], // not is 2 tokens before good: within the window
		['Never again. Terrible', 0, 1, -1], // the full stop ends never's clause: terrible stays −
		['not the colour I wanted, but fast', 1, 0, 1], // the clause break shields fast
		['no problem at all', 1, 0, 1],
	])('%s → P=%i N=%i score %d', (text, positive, negative, score) => {
		expect(scoreReviewText(text)).toEqual({ positive, negative, score });
	});

	it(`a negator more than ${NEGATION_WINDOW} tokens back does not reach the word`, () => {
		// not · the · box · was · good: four tokens between → good stays +
		expect(scoreReviewText('not that the box was good').score).toBe(1);
		expect(scoreReviewText('not the box good').score).toBe(-1);
		// The documented limit: 没有 · 想 · 象 · 中 · 好 — 没有 is 4 tokens back, so 好 stays +.
		expect(scoreReviewText('没有想象中好').score).toBe(1);
	});
});

describe('review sentiment: mixed Chinese and English', () => {
	it.each([
		['包装很好 but the delivery was slow', 1, 1, 0], // 很好 +, but ends the clause, slow −
		['物流快，not worth it though', 1, 1, 0], // 快 +, not flips worth
		['很喜欢, great value, 就是有点贵', 2, 1, 1 / 3], // 喜欢 +, great +, 贵 −
		['不 recommend', 0, 1, -1], // a Chinese negator flips an English word in its window
	])('%s → P=%i N=%i', (text, positive, negative, score) => {
		const result = scoreReviewText(text);
		expect(result).toMatchObject({ positive, negative });
		expect(result.score).toBeCloseTo(score, 12);
	});
});
