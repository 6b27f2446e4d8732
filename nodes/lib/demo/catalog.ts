/**
 * What the demo shop sells and where it sells it: SKUs with prices, costs and suppliers,
 * the platforms and traffic channels orders come from, and each warehouse's share of demand.
 *
 * The shop is a typical multi-platform lifestyle brand of a Chinese operator: skincare,
 * personal care, snacks, tea, home goods and baby care, sold on Douyin, Xiaohongshu,
 * Pinduoduo, Taobao/Tmall, a Youzan private-domain mall and a Shopify store abroad.
 */
import type { DemoCalendar } from './calendar';
import type { DemoShopOptions } from './options';
import { createRng, cumulative } from './random';

export const DEMO_PLATFORMS = ['douyin', 'xiaohongshu', 'pinduoduo', 'taobao', 'tmall', 'youzan', 'shopify'] as const;
export type DemoPlatform = (typeof DEMO_PLATFORMS)[number];

/** Share of customers whose main platform each one is (order of DEMO_PLATFORMS). */
export const PLATFORM_CUSTOMER_SHARE = [0.32, 0.1, 0.18, 0.13, 0.12, 0.06, 0.09];

export const DEMO_CHANNELS = ['live', 'short_video', 'search', 'recommendation', 'private_domain'] as const;
export type DemoChannel = (typeof DEMO_CHANNELS)[number];
export const CHANNEL_INDEX = { live: 0, short_video: 1, search: 2, recommendation: 3, private_domain: 4 } as const;

/**
 * Channel mix of each platform's orders (rows: DEMO_PLATFORMS; columns: DEMO_CHANNELS).
 * Douyin is content commerce (live rooms and short videos), Xiaohongshu sells from notes,
 * Pinduoduo and Taobao/Tmall from search and the recommendation feed, Youzan is the
 * private-domain mall behind the WeCom groups, Shopify the overseas store.
 */
export const PLATFORM_CHANNEL_WEIGHTS: readonly (readonly number[])[] = [
	[0.45, 0.35, 0.1, 0.1, 0], // douyin
	[0.15, 0.5, 0.2, 0.15, 0], // xiaohongshu
	[0.15, 0, 0.45, 0.4, 0], // pinduoduo
	[0.2, 0, 0.55, 0.25, 0], // taobao
	[0.3, 0, 0.5, 0.2, 0], // tmall
	[0.15, 0, 0, 0, 0.85], // youzan
	[0, 0, 0.45, 0.25, 0.3], // shopify (email / newsletter counts as private domain)
];

/**
 * How buyers of each channel behave. Live rooms sell bundles at a live price and see the
 * most impulse returns; private-domain members buy more per order at the member price and
 * rarely return; search buyers pay list price and know what they want.
 */
export interface ChannelBehaviour {
	/** Chance of each further order line (up to 4 lines). */
	extraLineChance: number;
	/** Mean units beyond the first on a line (Poisson). */
	extraUnits: number;
	/** Unit price relative to list price, before platform promotions. */
	priceFactor: number;
	cancelRate: number;
	refundRate: number;
	partialRefundRate: number;
}

export const CHANNEL_BEHAVIOUR: Record<DemoChannel, ChannelBehaviour> = {
	live: { extraLineChance: 0.25, extraUnits: 0.6, priceFactor: 0.88, cancelRate: 0.02, refundRate: 0.055, partialRefundRate: 0.02 },
	short_video: { extraLineChance: 0.15, extraUnits: 0.3, priceFactor: 0.95, cancelRate: 0.02, refundRate: 0.04, partialRefundRate: 0.015 },
	search: { extraLineChance: 0.3, extraUnits: 0.2, priceFactor: 1, cancelRate: 0.015, refundRate: 0.025, partialRefundRate: 0.01 },
	recommendation: { extraLineChance: 0.15, extraUnits: 0.2, priceFactor: 0.97, cancelRate: 0.02, refundRate: 0.03, partialRefundRate: 0.01 },
	private_domain: { extraLineChance: 0.45, extraUnits: 0.4, priceFactor: 0.93, cancelRate: 0.008, refundRate: 0.012, partialRefundRate: 0.008 },
};

interface ProductTemplate {
	zh: string;
	en: string;
	category: ProductCategory;
	price: number;
}

type ProductCategory = 'skincare' | 'personal_care' | 'snacks' | 'tea' | 'home' | 'baby';

interface CategoryTraits {
	zh: string;
	/** Unit cost as a share of list price. */
	costShare: [number, number];
	packSizes: number[];
	/** Supplier lead time in days (mean drawn in this range). */
	leadTime: [number, number];
}

export const CATEGORY_TRAITS: Record<ProductCategory, CategoryTraits> = {
	skincare: { zh: '护肤', costShare: [0.16, 0.3], packSizes: [12, 24, 48], leadTime: [10, 25] },
	personal_care: { zh: '个护', costShare: [0.28, 0.4], packSizes: [12, 24], leadTime: [7, 18] },
	snacks: { zh: '零食', costShare: [0.45, 0.6], packSizes: [12, 24], leadTime: [5, 12] },
	tea: { zh: '茶饮', costShare: [0.3, 0.45], packSizes: [10, 20], leadTime: [5, 14] },
	home: { zh: '家居', costShare: [0.35, 0.5], packSizes: [1, 2, 4], leadTime: [18, 35] },
	baby: { zh: '母婴', costShare: [0.4, 0.5], packSizes: [12, 24], leadTime: [7, 16] },
};

const PRODUCT_TEMPLATES: readonly ProductTemplate[] = [
	{ zh: '玫瑰保湿精华水', en: 'Rose Hydrating Toner 150ml', category: 'skincare', price: 89 },
	{ zh: '烟酰胺亮肤精华', en: 'Niacinamide Brightening Serum 30ml', category: 'skincare', price: 159 },
	{ zh: '积雪草修护面霜', en: 'Centella Repair Cream 50g', category: 'skincare', price: 139 },
	{ zh: '氨基酸洁面乳', en: 'Amino Acid Gentle Cleanser 120g', category: 'skincare', price: 59 },
	{ zh: '玻尿酸补水面膜', en: 'Hyaluronic Sheet Mask ×10', category: 'skincare', price: 69 },
	{ zh: '清爽防晒乳', en: 'Light Sunscreen SPF50+ 50ml', category: 'skincare', price: 99 },
	{ zh: '视黄醇晚霜', en: 'Retinol Night Cream 30g', category: 'skincare', price: 239 },
	{ zh: '山茶花卸妆油', en: 'Camellia Cleansing Oil 200ml', category: 'skincare', price: 79 },
	{ zh: '氨基酸洗发水', en: 'Amino Acid Shampoo 500ml', category: 'personal_care', price: 69 },
	{ zh: '桂花香氛沐浴露', en: 'Osmanthus Body Wash 500ml', category: 'personal_care', price: 59 },
	{ zh: '护手霜礼盒', en: 'Hand Cream Gift Set ×3', category: 'personal_care', price: 49 },
	{ zh: '声波电动牙刷', en: 'Sonic Electric Toothbrush', category: 'personal_care', price: 199 },
	{ zh: '薄荷漱口水', en: 'Mint Mouthwash 500ml', category: 'personal_care', price: 29.9 },
	{ zh: '每日坚果', en: 'Daily Mixed Nuts 30 packs', category: 'snacks', price: 129 },
	{ zh: '冻干草莓脆', en: 'Freeze-dried Strawberry 50g', category: 'snacks', price: 29.9 },
	{ zh: '手工牛轧糖', en: 'Handmade Nougat 500g', category: 'snacks', price: 49 },
	{ zh: '柳州螺蛳粉', en: 'Liuzhou Snail Rice Noodles ×5', category: 'snacks', price: 59 },
	{ zh: '低脂鸡胸肉', en: 'Low-fat Chicken Breast ×10', category: 'snacks', price: 79 },
	{ zh: '明前龙井', en: 'Pre-Qingming Longjing Tea 100g', category: 'tea', price: 269 },
	{ zh: '桂花乌龙冷泡茶', en: 'Osmanthus Oolong Cold Brew ×20', category: 'tea', price: 59 },
	{ zh: '云南普洱茶饼', en: "Yunnan Pu'er Tea Cake 357g", category: 'tea', price: 199 },
	{ zh: '红枣枸杞茶', en: 'Jujube Goji Tea ×30', category: 'tea', price: 39.9 },
	{ zh: '天然乳胶枕', en: 'Natural Latex Pillow', category: 'home', price: 299 },
	{ zh: '大豆香薰蜡烛', en: 'Soy Aroma Candle 200g', category: 'home', price: 89 },
	{ zh: '纯棉四件套', en: 'Cotton Bedding Set 4 pcs', category: 'home', price: 399 },
	{ zh: '折叠收纳盒', en: 'Foldable Storage Box ×3', category: 'home', price: 49 },
	{ zh: '不锈钢保温杯', en: 'Insulated Tumbler 500ml', category: 'home', price: 129 },
	{ zh: '婴儿湿巾', en: 'Baby Wipes 80 sheets ×6', category: 'baby', price: 39.9 },
	{ zh: '儿童无氟牙膏', en: 'Kids Fluoride-free Toothpaste', category: 'baby', price: 29.9 },
	{ zh: '有机婴儿米粉', en: 'Organic Baby Rice Cereal', category: 'baby', price: 69 },
];

/** Variants for shops with more SKUs than templates: size or packaging, with a price multiple. */
const VARIANTS: readonly { zh: string; en: string; priceMultiple: number }[] = [
	{ zh: '', en: '', priceMultiple: 1 },
	{ zh: '家庭装', en: 'Family Pack', priceMultiple: 1.8 },
	{ zh: '旅行装', en: 'Travel Size', priceMultiple: 0.5 },
	{ zh: '礼盒装', en: 'Gift Box', priceMultiple: 1.5 },
	{ zh: '升级版', en: 'V2', priceMultiple: 1.2 },
];

/** The price points Chinese shops use (9-endings, 29.9 / 39.9 / 99 / 199 …). */
const PRICE_POINTS = [
	9.9, 19.9, 29.9, 39.9, 49, 59, 69, 79, 89, 99, 109, 119, 129, 139, 149, 159, 169, 189, 199, 229, 239, 259, 269,
	299, 329, 359, 399, 459, 499, 599, 699, 799, 899, 999,
];

function nearestPricePoint(price: number): number {
	let best = PRICE_POINTS[0];
	for (const point of PRICE_POINTS) if (Math.abs(Math.log(point / price)) < Math.abs(Math.log(best / price))) best = point;
	if (price > PRICE_POINTS[PRICE_POINTS.length - 1]) return Math.round(price / 100) * 100 - 1;
	return best;
}

export interface DemoSku {
	sku: string;
	/** 'Chinese name English name', as listed on the shop. */
	name: string;
	nameZh: string;
	nameEn: string;
	category: ProductCategory;
	categoryZh: string;
	listPrice: number;
	unitCost: number;
	/** First day on sale (YYYY-MM-DD); most SKUs are on sale for the whole window. */
	launchDate: string;
	/** Window day index of launchDate. */
	launchDay: number;
	/** Relative demand (long-tailed: a few best sellers). */
	popularity: number;
	leadTimeDays: number;
	leadTimeStdDays: number;
	moq: number;
	packSize: number;
}

export interface DemoCatalog {
	skus: DemoSku[];
	listPriceCents: Int32Array;
	/** Running sums of popularity; SKUs are in launch order, so those on sale form a prefix. */
	popularityCumulative: Float64Array;
	/** Number of SKUs on sale on each window day. */
	onSaleCount: Int32Array;
}

/** Share of SKUs launched late in the window (新品), numbered last like real SKU codes. */
const LATE_LAUNCH_SHARE = 0.1;

export function buildCatalog(options: DemoShopOptions, calendar: DemoCalendar): DemoCatalog {
	const { skus: count } = options;
	const { days } = calendar;
	const templateOrder = PRODUCT_TEMPLATES.map((_, i) => i);
	const shuffle = createRng(options.seed, 'catalog');
	for (let i = templateOrder.length - 1; i > 0; i--) {
		const j = shuffle.int(0, i);
		[templateOrder[i], templateOrder[j]] = [templateOrder[j], templateOrder[i]];
	}
	const lateCount = count > 1 && days > 20 ? Math.min(count - 1, Math.max(1, Math.round(count * LATE_LAUNCH_SHARE))) : 0;
	const firstLate = count - lateCount;
	const skus: DemoSku[] = [];
	for (let i = 0; i < count; i++) {
		const rng = createRng(options.seed, 'sku', i);
		// The first round of SKUs are the base products; each further round adds a variant of
		// each, rotated so a round mixes family packs, travel sizes, gift boxes and V2s, and
		// no product gets the same variant twice (then a 2代 edition).
		const slot = i % PRODUCT_TEMPLATES.length;
		const round = Math.floor(i / PRODUCT_TEMPLATES.length);
		const template = PRODUCT_TEMPLATES[templateOrder[slot]];
		const otherVariants = VARIANTS.length - 1;
		const variant = round === 0 ? VARIANTS[0] : VARIANTS[1 + ((round - 1 + slot) % otherVariants)];
		const edition = round === 0 ? 0 : Math.floor((round - 1) / otherVariants);
		const nameZh = `${template.zh}${variant.zh}${edition > 0 ? ` ${edition + 1}代` : ''}`;
		const nameEn = [template.en, variant.en, edition > 0 ? `Gen ${edition + 1}` : ''].filter(Boolean).join(' ');
		const traits = CATEGORY_TRAITS[template.category];
		const listPrice = nearestPricePoint(template.price * variant.priceMultiple * rng.lognormal(0, 0.08));
		const unitCost = Math.round(listPrice * rng.uniform(traits.costShare[0], traits.costShare[1]) * 100) / 100;
		// Late launches spread over 55–95% of the window, in SKU-number order.
		const launchDay =
			i < firstLate ? 0 : Math.floor(days * (0.55 + (0.4 * (i - firstLate + rng.next())) / lateCount));
		// Best sellers are cheap: popularity is long-tailed and falls with price.
		const popularity = rng.lognormal(0, 0.9) * Math.pow(100 / listPrice, 0.35);
		const leadTimeDays = Math.round(rng.uniform(traits.leadTime[0], traits.leadTime[1]) * 10) / 10;
		// About one supplier in ten is unreliable: its lead time varies three times as much.
		const leadTimeStdDays = Math.round(leadTimeDays * rng.uniform(0.1, 0.3) * (rng.chance(0.1) ? 3 : 1) * 10) / 10;
		const packSize = rng.pick(traits.packSizes);
		const moq = Math.max(packSize, Math.round(rng.uniform(50, 500) / packSize) * packSize);
		skus.push({
			sku: `SKU-${String(i + 1).padStart(4, '0')}`,
			name: `${nameZh} ${nameEn}`,
			nameZh,
			nameEn,
			category: template.category,
			categoryZh: traits.zh,
			listPrice,
			unitCost,
			launchDate: calendar.dates[Math.min(launchDay, days - 1)],
			launchDay: Math.min(launchDay, days - 1),
			popularity,
			leadTimeDays,
			leadTimeStdDays,
			moq,
			packSize,
		});
	}
	const onSaleCount = new Int32Array(days);
	let onSale = 0;
	for (let d = 0; d < days; d++) {
		while (onSale < count && skus[onSale].launchDay <= d) onSale++;
		onSaleCount[d] = onSale;
	}
	return {
		skus,
		listPriceCents: Int32Array.from(skus, (s) => Math.round(s.listPrice * 100)),
		popularityCumulative: cumulative(skus.map((s) => s.popularity)),
		onSaleCount,
	};
}

/**
 * Each warehouse's share of each SKU's demand, row-major [sku × warehouse]. The first
 * warehouse is the main one; every SKU leans a little towards one region or another.
 */
export function buildWarehouseShares(options: DemoShopOptions): Float64Array {
	const { warehouses, skus } = options;
	const base = warehouses.map(
		(name, k) => (k === 0 ? 1.3 : 1) * createRng(options.seed, 'warehouse', name).lognormal(0, 0.2),
	);
	const shares = new Float64Array(skus * warehouses.length);
	for (let s = 0; s < skus; s++) {
		const rng = createRng(options.seed, 'sku-warehouse', s);
		let total = 0;
		for (let k = 0; k < warehouses.length; k++) {
			const w = base[k] * rng.lognormal(0, 0.15);
			shares[s * warehouses.length + k] = w;
			total += w;
		}
		for (let k = 0; k < warehouses.length; k++) shares[s * warehouses.length + k] /= total;
	}
	return shares;
}
