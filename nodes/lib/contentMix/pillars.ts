/**
 * Content pillars and the target mix (内容配比), e.g. 60 % know-how (干货), 30 % scenario
 * (场景), 10 % promotion (促销): the shares short-video accounts plan their posts by.
 */
import { UserInputError } from '../errors';
import { MAX_ID_LENGTH, parseNameList } from '../model';

export interface PillarTarget {
	pillar: string;
	/** Share of posts, 0–1; the shares of a mix add up to 1. */
	share: number;
}

/** Chinese names of the pack's pillars (the model's CONTENT_CATEGORIES), for lines people read. */
export const PILLAR_NAMES_ZH: Readonly<Record<string, string>> = {
	knowledge: '干货',
	scenario: '场景',
	promotion: '促销',
	other: '其他',
};

/** "干货 knowledge" for the pack's pillars, the pillar as written for the user's own. */
export function pillarLabel(pillar: string): string {
	const zh = PILLAR_NAMES_ZH[pillar];
	return zh === undefined ? pillar : `${zh} ${pillar}`;
}

const MIX_HINT =
	'Write one share per pillar as pillar=percent, separated by commas, e.g. knowledge=60, scenario=30, promotion=10 (the percents add up to 100). 每个内容类型写成“类型=百分比”，用逗号分隔，如 knowledge=60, scenario=30, promotion=10（合计 100）。';

/**
 * "knowledge=60, scenario=30, promotion=10" → the pillars in the order written, with shares
 * as fractions. The percents must add up to 100 (± 0.01, for shares such as 33.33 × 3).
 */
export function parseTargetMix(text: string): PillarTarget[] {
	const parts = parseNameList(text.replace(/[，、;；]/g, ','));
	const targets: PillarTarget[] = [];
	for (const part of parts) {
		const match = /^(.+?)\s*[=:：]\s*(\d+(?:\.\d+)?)\s*%?$/.exec(part);
		if (!match || match[1].length > MAX_ID_LENGTH) {
			throw new UserInputError(`Target Mix: "${part}" is not pillar=percent`, { field: 'Target Mix', hint: MIX_HINT });
		}
		const pillar = match[1].trim();
		if (targets.some((t) => t.pillar === pillar)) {
			throw new UserInputError(`Target Mix: "${pillar}" is given twice`, { field: 'Target Mix', hint: MIX_HINT });
		}
		targets.push({ pillar, share: Number(match[2]) });
	}
	if (targets.length === 0) {
		throw new UserInputError('Target Mix is empty', { field: 'Target Mix', hint: MIX_HINT });
	}
	// Percents while parsing; shares (fractions) once their sum is known.
	const total = targets.reduce((sum, t) => sum + t.share, 0);
	if (Math.abs(total - 100) > 0.01) {
		throw new UserInputError(`Target Mix: the percents add up to ${Number(total.toFixed(4))}, not 100`, {
			field: 'Target Mix',
			hint: MIX_HINT,
		});
	}
	return targets.map((t) => ({ pillar: t.pillar, share: t.share / total }));
}
