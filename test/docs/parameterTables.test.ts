/**
 * The parameter tables in the docs list exactly the parameters of each node's description, with
 * the same display names and defaults, so the docs cannot drift from the nodes.
 *
 * A table is checked when its header is `| parameter | name | default | meaning |`. One row per
 * parameter, nested ones included:
 * - *parameter*: the display names from the top, joined by ` → ` (Options → Fields to Keep;
 *   Tiers → Tier → Amount Off for a fixedCollection's fields);
 * - *name*: the internal names joined by dots, in backticks (`options.keepFields`,
 *   `tiers.tier.amount`); a shop parameter shown for one resource and operation starts with
 *   them (`order.getMany.readMode`, `stock.operation`);
 * - *default*: as the editor shows it — an option's display name, `on`/`off`, a number, a text in
 *   backticks, `empty` for an empty text or collection, for a fixedCollection the number of entries
 *   (`4 × Tier`) or `none`.
 * Notices are not parameters and are not listed.
 */
import { join, resolve } from 'node:path';

import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { ContentMix } from '../../nodes/ContentMix/ContentMix.node';
import { CouponTier } from '../../nodes/CouponTier/CouponTier.node';
import { DemoShopData } from '../../nodes/DemoShopData/DemoShopData.node';
import { DingTalkBot } from '../../nodes/DingTalkBot/DingTalkBot.node';
import { DouyinShop } from '../../nodes/DouyinShop/DouyinShop.node';
import { FeishuBot } from '../../nodes/FeishuBot/FeishuBot.node';
import { KpiDigest } from '../../nodes/KpiDigest/KpiDigest.node';
import { PinduoduoShop } from '../../nodes/PinduoduoShop/PinduoduoShop.node';
import { PriceLadder } from '../../nodes/PriceLadder/PriceLadder.node';
import { ReorderAlert } from '../../nodes/ReorderAlert/ReorderAlert.node';
import { RfmSegment } from '../../nodes/RfmSegment/RfmSegment.node';
import { ShortLink } from '../../nodes/ShortLink/ShortLink.node';
import { ShopifyStore } from '../../nodes/ShopifyStore/ShopifyStore.node';
import { TagMatrix } from '../../nodes/TagMatrix/TagMatrix.node';
import { TaobaoShop } from '../../nodes/TaobaoShop/TaobaoShop.node';
import { VisitorValue } from '../../nodes/VisitorValue/VisitorValue.node';
import { WeComBot } from '../../nodes/WeComBot/WeComBot.node';
import { WooCommerceStore } from '../../nodes/WooCommerceStore/WooCommerceStore.node';
import { XiaohongshuShop } from '../../nodes/XiaohongshuShop/XiaohongshuShop.node';
import { YouzanShop } from '../../nodes/YouzanShop/YouzanShop.node';
import { readMarkdown, tableRows } from './markdown';

const docsDir = resolve(__dirname, '../../docs');
const HEADER = ['parameter', 'name', 'default', 'meaning'];
/** In docs/shops.md, stands for the shop node's own display name. */
const SHOP = '‹shop›';

interface Row {
	parameter: string;
	name: string;
	default: string;
}

function isOption(option: unknown): option is INodePropertyOptions {
	return typeof option === 'object' && option !== null && 'value' in option;
}

/** The default as the table writes it. */
function renderDefault(property: INodeProperties): string {
	const value = property.default;
	const options = (property.options ?? []).filter(isOption);
	const optionName = (v: unknown) => options.find((option) => option.value === v)?.name ?? `\`${String(v)}\``;
	switch (property.type) {
		case 'options':
			return optionName(value);
		case 'multiOptions': {
			const values = Array.isArray(value) ? value : [];
			return values.length === 0 ? 'none' : values.map(optionName).join(', ');
		}
		case 'boolean':
			return value ? 'on' : 'off';
		case 'number':
			return String(value);
		case 'collection':
			return Object.keys((value as object) ?? {}).length === 0 ? 'empty' : `\`${JSON.stringify(value)}\``;
		case 'fixedCollection': {
			const groups = Object.entries((value as Record<string, unknown>) ?? {});
			if (groups.length === 0) return 'none';
			const collections = (property.options ?? []) as INodePropertyCollection[];
			return groups
				.map(([key, entries]) => {
					const count = Array.isArray(entries) ? entries.length : 1;
					return `${count} × ${collections.find((group) => group.name === key)?.displayName ?? key}`;
				})
				.join(', ');
		}
		default:
			return value === '' || value === undefined ? 'empty' : `\`${String(value)}\``;
	}
}

/** `resource.operation.` when the parameter is shown for exactly one of each (shop nodes). */
function resourcePrefix(property: INodeProperties): string {
	const show = property.displayOptions?.show;
	const resource = show?.resource;
	const operation = show?.operation;
	if (resource?.length === 1 && operation?.length === 1) return `${String(resource[0])}.${String(operation[0])}.`;
	if (resource?.length === 1) return `${String(resource[0])}.`;
	return '';
}

/** Every parameter of a description, nested ones included, as its table row. */
function parameterRows(properties: INodeProperties[], path = '', parents: string[] = []): Row[] {
	return properties.flatMap((property) => {
		if (property.type === 'notice') return [];
		const name = path === '' ? `${resourcePrefix(property)}${property.name}` : `${path}.${property.name}`;
		const displayNames = [...parents, property.displayName];
		const row: Row = { parameter: displayNames.join(' → '), name: `\`${name}\``, default: renderDefault(property) };
		if (property.type === 'collection') {
			return [row, ...parameterRows((property.options ?? []) as INodeProperties[], name, displayNames)];
		}
		if (property.type === 'fixedCollection') {
			const groups = (property.options ?? []) as INodePropertyCollection[];
			return [
				row,
				...groups.flatMap((group) =>
					parameterRows(group.values, `${name}.${group.name}`, [...displayNames, group.displayName]),
				),
			];
		}
		return [row];
	});
}

function documentedRows(file: string): Row[] {
	return tableRows(readMarkdown(join(docsDir, file)), HEADER).map(([parameter, name, defaultValue]) => ({
		parameter,
		name,
		default: defaultValue,
	}));
}

const asLines = (rows: Row[], fields: Array<keyof Row> = ['parameter', 'name', 'default']) =>
	rows.map((row) => fields.map((field) => row[field]).join(' | ')).sort();

const nodePages: Array<[string, INodeType]> = [
	['DemoShopData', new DemoShopData()],
	['RfmSegment', new RfmSegment()],
	['CouponTier', new CouponTier()],
	['VisitorValue', new VisitorValue()],
	['PriceLadder', new PriceLadder()],
	['ReorderAlert', new ReorderAlert()],
	['TagMatrix', new TagMatrix()],
	['KpiDigest', new KpiDigest()],
	['ContentMix', new ContentMix()],
	['ShortLink', new ShortLink()],
	['WeComBot', new WeComBot()],
	['DingTalkBot', new DingTalkBot()],
	['FeishuBot', new FeishuBot()],
];

describe('parameter tables in docs/nodes', () => {
	it.each(nodePages)('docs/nodes/%s.md lists the parameters of the node, with their defaults', (folder, node) => {
		const documented = documentedRows(`nodes/${folder}.md`);
		expect(documented.length).toBeGreaterThan(0);
		expect(asLines(documented)).toEqual(asLines(parameterRows(node.description.properties)));
	});
});

describe('the shop operations in docs/shops.md', () => {
	const shops: Array<[string, INodeType]> = [
		['DouyinShop', new DouyinShop()],
		['PinduoduoShop', new PinduoduoShop()],
		['TaobaoShop', new TaobaoShop()],
		['XiaohongshuShop', new XiaohongshuShop()],
		['YouzanShop', new YouzanShop()],
		['ShopifyStore', new ShopifyStore()],
		['WooCommerceStore', new WooCommerceStore()],
	];

	/** The table's rows for the resources this shop has, its display name in place of ‹shop›. */
	function rowsFor(node: INodeType): Row[] {
		const resource = node.description.properties.find((property) => property.name === 'resource');
		const resources = (resource?.options ?? []).filter(isOption).map((option) => String(option.value));
		return documentedRows('shops.md')
			.filter((row) => {
				const first = row.name.replace(/`/g, '').split('.')[0];
				return first === 'resource' || resources.includes(first);
			})
			.map((row) => ({ ...row, parameter: row.parameter.replace(SHOP, node.description.displayName) }));
	}

	it('match Youzan Shop (all three resources) row for row: display names, names and defaults', () => {
		const youzan = new YouzanShop();
		expect(asLines(rowsFor(youzan))).toEqual(asLines(parameterRows(youzan.description.properties)));
	});

	it.each(shops)('match %s: every parameter of its resources, with its default', (_folder, node) => {
		expect(asLines(rowsFor(node), ['name', 'default'])).toEqual(
			asLines(parameterRows(node.description.properties), ['name', 'default']),
		);
	});
});
