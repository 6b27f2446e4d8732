/**
 * Demo Shop Data's parameters → the generators' options (nodes/lib/demo/options.ts). The
 * library has no defaults; the node's are written once, in ./description.ts, and reach callers
 * outside a workflow (tests, the bench) through defaultDemoOptions().
 */
import { warehouseNamesFrom, type DemoShopOptions } from '../lib/demo';
import { parseNameList } from '../lib/model';
import { createZonedIsoFormatter } from '../lib/time';
import { parameterDefault } from '../shared/nodeHelpers';
import { demoShopDataProperties } from './description';

type Read = <T>(name: string) => T;

/** The shop's time zone: an empty Last Day means today there. */
export const SHOP_TIME_ZONE = 'Asia/Shanghai';

/**
 * The options from a parameter reader. `now` (milliseconds) dates an empty Last Day; a date
 * picked in the editor comes with a time, of which only the day counts.
 */
export function demoOptionsFrom(param: Read, now: number): DemoShopOptions {
	const endDateText = String(param<string>('endDate') ?? '').trim();
	return {
		seed: param<number>('seed'),
		customers: param<number>('customers'),
		orders: param<number>('orders'),
		skus: param<number>('skus'),
		warehouses: warehouseNamesFrom(param<unknown>('warehouses'), parseNameList),
		days: param<number>('days'),
		endDate: (endDateText || createZonedIsoFormatter(SHOP_TIME_ZONE)(now)).slice(0, 10),
	};
}

/**
 * The node's defaults as generator options, for callers of the library outside a workflow,
 * with the settings they choose themselves. The last day is always chosen: the node's default
 * ("today") would make a test's data change from day to day.
 */
export function defaultDemoOptions(chosen: Partial<DemoShopOptions> & { endDate: string }): DemoShopOptions {
	const fromDescription = <T>(name: string) => parameterDefault(demoShopDataProperties, name) as T;
	return { ...demoOptionsFrom(fromDescription, 0), ...chosen };
}
