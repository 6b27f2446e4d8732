/**
 * Where the shop's customers live (the shipping province on their orders) and which of them
 * hunt for coupons. Both come from a stream of their own per customer, so adding them changed
 * no other field of the customers or orders.
 *
 * Regions follow the warehouses of the default shop (east-shanghai, south-guangzhou): east
 * and south China buy most, as for most Chinese consumer-goods shops — the coastal provinces
 * lead online retail sales (国家统计局 online retail sales by province; Guangdong, Zhejiang,
 * Jiangsu, Shanghai, Beijing at the top). The shares below are made up to look like that,
 * not measured: east 41%, south 20%, north 14%, central 13%, west 12%.
 */
import { createRng, cumulative } from './random';

/** Macro-region (as warehouses are named: east-shanghai, south-guangzhou) → provinces and their share of customers. */
export const DEMO_REGIONS: Record<string, Array<readonly [province: string, share: number]>> = {
	east: [['上海', 0.07], ['江苏', 0.1], ['浙江', 0.11], ['山东', 0.06], ['安徽', 0.03], ['福建', 0.04]],
	south: [['广东', 0.16], ['广西', 0.03], ['海南', 0.01]],
	north: [['北京', 0.06], ['天津', 0.02], ['河北', 0.04], ['辽宁', 0.02]],
	central: [['湖北', 0.04], ['湖南', 0.04], ['河南', 0.05]],
	west: [['四川', 0.05], ['重庆', 0.03], ['陕西', 0.02], ['云南', 0.02]],
};

const PROVINCES = Object.values(DEMO_REGIONS).flat();
const PROVINCE_CUMULATIVE = cumulative(PROVINCES.map(([, share]) => share));

/**
 * Share of customers who are price-sensitive (use a coupon whenever they have one): deal
 * hunters among one-off and lapsed buyers, few among the big spenders.
 */
export const PRICE_SENSITIVE_SHARE = { one_off: 0.35, occasional: 0.3, loyal: 0.2, lapsed: 0.4, big_spender: 0.1 } as const;

export interface CustomerTraits {
	/** Province the customer ships to, e.g. 浙江. */
	region: string;
	priceSensitive: boolean;
}

export function customerTraits(seed: number, index: number, persona: keyof typeof PRICE_SENSITIVE_SHARE): CustomerTraits {
	const rng = createRng(seed, 'customer-traits', index);
	const region = PROVINCES[rng.pickCumulative(PROVINCE_CUMULATIVE)][0];
	return { region, priceSensitive: rng.chance(PRICE_SENSITIVE_SHARE[persona]) };
}
