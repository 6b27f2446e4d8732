/**
 * A post's pillar from its title by keyword rules (Chinese and English): the rules are tried
 * in order and the first rule with a keyword in the title wins; a title no rule matches gets
 * the unmatched pillar. Matching is by substring, case-insensitive (Chinese has no word
 * boundaries to split on, so "领券" must match inside "粉丝福利｜领券立减").
 */
import { UserInputError } from '../errors';
import { MAX_ID_LENGTH } from '../model';

export interface KeywordRule {
	pillar: string;
	keywords: string[];
}

/** Keyword lists as users type them: commas in either script, or 、 and ; between keywords. */
export function parseKeywords(text: string): string[] {
	return text
		.split(/[,，、;；\n]/)
		.map((keyword) => keyword.trim().toLowerCase())
		.filter((keyword) => keyword !== '');
}

const RULE_HINT =
	'Give each rule a pillar name and at least one keyword, e.g. Pillar "promotion", Keywords "限时, 领券, sale". 每条规则需填写内容类型名称和至少一个关键词。';

/** Checks the rules as the node's Keyword Rules give them (pillar + comma-separated keywords). */
export function parseKeywordRules(rules: readonly { pillar?: unknown; keywords?: unknown }[]): KeywordRule[] {
	if (rules.length === 0) {
		throw new UserInputError('Keyword Rules: add at least one rule', { field: 'Keyword Rules', hint: RULE_HINT });
	}
	return rules.map((rule, k) => {
		const pillar = String(rule.pillar ?? '').trim();
		const keywords = parseKeywords(String(rule.keywords ?? ''));
		if (pillar === '' || pillar.length > MAX_ID_LENGTH || keywords.length === 0) {
			throw new UserInputError(`Keyword Rules: rule ${k + 1} needs a pillar name (at most ${MAX_ID_LENGTH} characters) and at least one keyword`, {
				field: 'Keyword Rules',
				hint: RULE_HINT,
			});
		}
		return { pillar, keywords };
	});
}

/** The pillar of a title: the first rule with a keyword in it, else `unmatched`. */
export function classifyTitle(title: string, rules: readonly KeywordRule[], unmatched: string): { pillar: string; keyword: string | null } {
	const text = title.toLowerCase();
	for (const rule of rules) {
		const keyword = rule.keywords.find((k) => text.includes(k));
		if (keyword !== undefined) return { pillar: rule.pillar, keyword };
	}
	return { pillar: unmatched, keyword: null };
}
