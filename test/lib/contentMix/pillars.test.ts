/** Target mix text and keyword rules as users type them (nodes/lib/contentMix/pillars.ts, classify.ts). */
import { classifyTitle, parseKeywordRules, parseKeywords, parseTargetMix } from '../../../nodes/lib/contentMix';

describe('parseTargetMix', () => {
	it('reads pillar=percent in the order written, as fractions', () => {
		expect(parseTargetMix('knowledge=60, scenario=30, promotion=10')).toEqual([
			{ pillar: 'knowledge', share: 0.6 },
			{ pillar: 'scenario', share: 0.3 },
			{ pillar: 'promotion', share: 0.1 },
		]);
	});

	it('takes Chinese names, full-width commas and colons, and % signs', () => {
		expect(parseTargetMix('干货：60%，场景=30%、促销=10').map((t) => t.pillar)).toEqual(['干货', '场景', '促销']);
	});

	it('accepts thirds written to two decimals', () => {
		const [a, b, c] = parseTargetMix('a=33.33, b=33.33, c=33.34').map((t) => t.share);
		expect([a, b, c].map((x) => x.toFixed(4))).toEqual(['0.3333', '0.3333', '0.3334']);
		expect(a + b + c).toBeCloseTo(1, 12);
	});

	it.each([
		['knowledge=60, scenario=30', 'Target Mix: the percents add up to 90, not 100'],
		['knowledge=sixty', 'Target Mix: "knowledge=sixty" is not pillar=percent'],
		['a=50, a=50', 'Target Mix: "a" is given twice'],
		['', 'Target Mix is empty'],
	])('refuses %j: %s', (text, message) => {
		expect(() => parseTargetMix(text)).toThrow(message);
	});
});

describe('classifyTitle: first matching rule wins, case-insensitive, substring', () => {
	const rules = parseKeywordRules([
		{ pillar: 'promotion', keywords: '领券、限时, SALE' },
		{ pillar: 'knowledge', keywords: '怎么选, how to' },
	]);

	it('matches Chinese inside a title without spaces, and English in any case', () => {
		expect(classifyTitle('粉丝福利｜领券立减20元', rules, 'other')).toEqual({ pillar: 'promotion', keyword: '领券' });
		expect(classifyTitle('How To pick a serum', rules, 'other')).toEqual({ pillar: 'knowledge', keyword: 'how to' });
	});

	it('a title matching two rules gets the first rule', () => {
		expect(classifyTitle('面霜怎么选？限时福利', rules, 'other').pillar).toBe('promotion');
	});

	it('an unmatched title gets the named pillar', () => {
		expect(classifyTitle('周末vlog', rules, '未分类')).toEqual({ pillar: '未分类', keyword: null });
	});

	it('keyword lists split on English and Chinese commas, 、 and ;', () => {
		expect(parseKeywords('a，b、c; d ,, ')).toEqual(['a', 'b', 'c', 'd']);
	});

	it('a rule without a pillar or keywords is refused, naming the rule', () => {
		expect(() => parseKeywordRules([{ pillar: 'x', keywords: '' }])).toThrow('Keyword Rules: rule 1 needs a pillar name');
		expect(() => parseKeywordRules([])).toThrow('Keyword Rules: add at least one rule');
	});
});
