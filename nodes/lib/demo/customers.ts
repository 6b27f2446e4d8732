/**
 * The shop's customers. Each one gets a hidden buying persona that the order generator
 * reads back (customers and orders are generated separately and must agree):
 *
 * - one_off: buys once and never again — the majority on every platform;
 * - occasional: a few orders spread over the window;
 * - loyal: joins early and keeps buying until the end, often moving to the private domain;
 * - lapsed: active in the first months, then silent (the 沉睡 / at-risk customers RFM finds);
 * - big_spender: few people, large baskets, many orders (VIP).
 *
 * Each customer draws from its own stream, so customer C00017 is the same person whether
 * the shop has 1,000 customers or 100,000.
 */
import type { Customer } from '../model';
import { formatDayNumber } from '../time';
import { PAD2, type DemoCalendar, civilFromEpochDay } from './calendar';
import { DEMO_CHANNELS, DEMO_PLATFORMS, PLATFORM_CHANNEL_WEIGHTS, PLATFORM_CUSTOMER_SHARE } from './catalog';
import type { DemoShopOptions } from './options';
import { customerTraits } from './regions';
import { createRng, cumulative, scramble32, searchCumulative, type Rng } from './random';

export const PERSONAS = ['one_off', 'occasional', 'loyal', 'lapsed', 'big_spender'] as const;
export type Persona = (typeof PERSONAS)[number];

const PERSONA_SHARE = [0.55, 0.22, 0.12, 0.09, 0.02];
const PERSONA_CUMULATIVE = cumulative(PERSONA_SHARE);
const PLATFORM_CUMULATIVE = cumulative(PLATFORM_CUSTOMER_SHARE);
const CHANNEL_CUMULATIVE_BY_PLATFORM = PLATFORM_CHANNEL_WEIGHTS.map((row) => cumulative(row));
const YOUZAN = DEMO_PLATFORMS.indexOf('youzan');

/**
 * Relative rate of repeat orders per persona. A customer's weight is this rate × a
 * lognormal(0, 0.6) factor × the share of the window the customer is active; the repeat
 * orders (orders beyond one per customer) are shared out in proportion to the weights.
 */
const REPEAT_RATE: Record<Persona, number> = {
	one_off: 0,
	occasional: 1.2,
	loyal: 6,
	lapsed: 4,
	big_spender: 10,
};

/** Repeat buyers are pulled into the WeCom group and the Youzan member mall (私域). */
const JOINS_PRIVATE_DOMAIN: Record<Persona, number> = {
	one_off: 0,
	occasional: 0.15,
	loyal: 0.6,
	lapsed: 0.1,
	big_spender: 0.7,
};

export interface CustomerProfile {
	customerId: string;
	persona: Persona;
	/** Indexes into DEMO_PLATFORMS; the first is the main platform. */
	platforms: number[];
	/** Index into DEMO_CHANNELS of the channel of the first order. */
	acquisitionChannel: number;
	/** Window day of the first order and of the last day the customer may still buy. */
	firstDay: number;
	lastActiveDay: number;
	/** Relative number of repeat orders (0 for one-off buyers). */
	repeatWeight: number;
}

export function customerId(index: number): string {
	return `C${String(index + 1).padStart(5, '0')}`;
}

/** A day in [from, to] drawn in proportion to the calendar's demand. */
export function demandWeightedDay(rng: Rng, calendar: DemoCalendar, from: number, to: number): number {
	const cum = calendar.demandCumulative;
	return searchCumulative(cum, cum[from] + rng.next() * (cum[to + 1] - cum[from]), from, to);
}

export function buildCustomerProfile(options: DemoShopOptions, calendar: DemoCalendar, index: number): CustomerProfile {
	const rng = createRng(options.seed, 'customer', index);
	const last = calendar.days - 1;
	const persona = PERSONAS[rng.pickCumulative(PERSONA_CUMULATIVE)];
	const main = rng.pickCumulative(PLATFORM_CUMULATIVE);
	const platforms = [main];
	if (rng.chance(0.25)) {
		const other = rng.pickCumulative(PLATFORM_CUMULATIVE);
		if (other !== main) platforms.push(other);
	}
	if (!platforms.includes(YOUZAN) && rng.chance(JOINS_PRIVATE_DOMAIN[persona])) platforms.push(YOUZAN);
	const acquisitionChannel = rng.pickCumulative(CHANNEL_CUMULATIVE_BY_PLATFORM[main]);

	let firstDay: number;
	let lastActiveDay = last;
	switch (persona) {
		case 'one_off':
			firstDay = demandWeightedDay(rng, calendar, 0, last);
			lastActiveDay = firstDay;
			break;
		case 'occasional':
			firstDay = demandWeightedDay(rng, calendar, 0, Math.floor(last * 0.85));
			if (rng.chance(0.3)) lastActiveDay = rng.int(firstDay, last);
			break;
		case 'loyal':
			firstDay = demandWeightedDay(rng, calendar, 0, Math.floor(last * 0.5));
			break;
		case 'big_spender':
			firstDay = demandWeightedDay(rng, calendar, 0, Math.floor(last * 0.3));
			break;
		case 'lapsed': {
			// Active over the first third of the window, silent for at least the last 40%.
			firstDay = demandWeightedDay(rng, calendar, 0, Math.floor(last * 0.3));
			const silentFrom = Math.max(firstDay, Math.floor(last * 0.6));
			lastActiveDay = Math.min(silentFrom, firstDay + Math.round(last * rng.uniform(0.08, 0.3)));
			break;
		}
	}
	const activeShare = calendar.days > 1 ? (lastActiveDay - firstDay) / last : 0;
	const repeatWeight = REPEAT_RATE[persona] * rng.lognormal(0, 0.6) * activeShare;
	return {
		customerId: customerId(index),
		persona,
		platforms,
		acquisitionChannel,
		firstDay,
		lastActiveDay,
		repeatWeight,
	};
}

export function buildCustomerProfiles(options: DemoShopOptions, calendar: DemoCalendar): CustomerProfile[] {
	const profiles = new Array<CustomerProfile>(options.customers);
	for (let i = 0; i < options.customers; i++) profiles[i] = buildCustomerProfile(options, calendar, i);
	return profiles;
}

/**
 * A platform's customer id for a shop customer: a bijective scramble of the customer's
 * index (never two customers with the same id on a platform), written the way the
 * platform writes them. Taobao and Tmall share one Alibaba account.
 */
export function platformCustomerId(platform: number, index: number, seed: number): string {
	const name = DEMO_PLATFORMS[platform];
	const account = name === 'tmall' ? 'taobao' : name;
	const salt = createRng(seed, 'platform-id', account).nextUint32();
	const n = scramble32((index ^ salt) >>> 0);
	switch (account) {
		case 'douyin':
			return `dy${String(n).padStart(10, '0')}`;
		case 'xiaohongshu':
			return `5f${n.toString(16).padStart(8, '0')}`;
		case 'pinduoduo':
			return `pdd${String(n).padStart(10, '0')}`;
		case 'taobao':
			return `tb${String(n).padStart(10, '0')}`;
		case 'youzan':
			return `yz${String(n).padStart(10, '0')}`;
		default:
			return `gid://shopify/Customer/${7_000_000_000_000 + n}`;
	}
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈任姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉晶欣雨婷琳雪梅思悦子涵梓萱一诺浩宇俊熙佳怡晨曦若彤可馨嘉琪欣怡雅琴';

const CITY_TIERS = ['city:tier1', 'city:new-tier1', 'city:tier2', 'city:tier3+'];
const CITY_TIER_CUMULATIVE = cumulative([0.18, 0.27, 0.3, 0.25]);
const INTERESTS = ['interest:skincare', 'interest:snacks', 'interest:tea', 'interest:home', 'interest:baby'];

function chineseName(rng: Rng): string {
	const surname = SURNAMES[rng.int(0, SURNAMES.length - 1)];
	const first = GIVEN[rng.int(0, GIVEN.length - 1)];
	return rng.chance(0.35) ? surname + first : surname + first + GIVEN[rng.int(0, GIVEN.length - 1)];
}

/**
 * The customers. Fields besides the persona come from a second stream per customer, so
 * adding a field here never changes the orders.
 *
 * Tags: `persona:<persona>` is the generator's ground truth (to check a segmentation
 * against), `source:<channel>` the channel of the first order, plus city tier, gender and
 * interest as an operator's basic tags.
 */
export function generateCustomerList(options: DemoShopOptions, calendar: DemoCalendar): Customer[] {
	const customers = new Array<Customer>(options.customers);
	for (let i = 0; i < options.customers; i++) {
		const profile = buildCustomerProfile(options, calendar, i);
		const rng = createRng(options.seed, 'customer-details', i);
		const platformIds: Record<string, string> = {};
		for (const p of profile.platforms) platformIds[DEMO_PLATFORMS[p]] = platformCustomerId(p, i, options.seed);
		const customer: Customer = { customerId: profile.customerId, platformIds, name: chineseName(rng) };
		if (rng.chance(0.45)) {
			// Birthdays from the member profile (ages 18–55); a third give only month and day.
			const { year, month, day } = civilFromEpochDay(calendar.endEpochDay - rng.int(18 * 365, 55 * 365));
			customer.birthday = `${rng.chance(0.33) ? '-' : year}-${PAD2[month]}-${PAD2[day]}`;
		}
		const membership = rng.next();
		if (membership < 0.2) {
			// Member from before the window (joined up to three years earlier).
			customer.memberSince = formatDayNumber(calendar.startEpochDay - rng.int(1, 1095));
		} else if (membership < 0.75) {
			// Joined the membership on or a few days before the first order.
			const daysBefore = rng.chance(0.3) ? rng.int(1, 14) : 0;
			customer.memberSince = formatDayNumber(calendar.startEpochDay + profile.firstDay - daysBefore);
		}
		// From a stream of its own (regions.ts), shared with the orders that ship there.
		customer.region = customerTraits(options.seed, i, profile.persona).region;
		customer.tags = [
			`persona:${profile.persona}`,
			`source:${DEMO_CHANNELS[profile.acquisitionChannel]}`,
			CITY_TIERS[rng.pickCumulative(CITY_TIER_CUMULATIVE)],
			rng.chance(0.78) ? 'gender:f' : 'gender:m',
			rng.pick(INTERESTS),
		];
		customers[i] = customer;
	}
	return customers;
}
