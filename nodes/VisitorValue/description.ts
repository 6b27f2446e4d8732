import type { INodeProperties } from 'n8n-workflow';

import { rfmSegmentProperties } from '../RfmSegment/description';

/** A property of RFM Segment reused as is (same meaning, same defaults), without RFM's display rules. */
export function fromRfmSegment(name: string): INodeProperties {
	const property = rfmSegmentProperties.find((p) => p.name === name);
	if (!property) throw new Error(`RFM Segment has no "${name}" parameter`);
	const rest = { ...property };
	delete rest.displayOptions;
	return rest;
}

/** One option of RFM Segment's Options collection, reused as is. */
export function rfmOption(name: string): INodeProperties {
	const options = fromRfmSegment('options').options as INodeProperties[];
	const option = options.find((o) => o.name === name);
	if (!option) throw new Error(`RFM Segment's Options has no "${name}"`);
	return option;
}

export const visitorValueProperties: INodeProperties[] = [
	{
		displayName:
			'Connect orders to the first input and traffic (visitors per day and channel, e.g. from your platform\'s traffic report or Demo Shop Data → Traffic) to the second. 第一个输入接订单，第二个输入接流量（每天每个渠道的访客数，如平台流量报表或示例数据的 Traffic）。',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Group Orders By Field',
		name: 'orderGroupField',
		type: 'string',
		default: 'channel',
		description: 'Order field that names the channel (or any group: platform, campaign, linkCode …); dots for nested fields (订单中表示渠道的字段)',
	},
	{
		displayName: 'Group Traffic By Field',
		name: 'trafficGroupField',
		type: 'string',
		default: 'channel',
		description: 'Traffic field holding the same names as the orders\' group field (流量数据中对应渠道名的字段)',
	},
	{
		displayName: 'Traffic Measure',
		name: 'trafficMeasure',
		type: 'options',
		options: [
			{ name: 'Visitors (UV)', value: 'visitors', description: 'Unique visitors per day: conversion = orders ÷ visitors (每天访客数，转化率 = 订单数 ÷ 访客数)' },
			{ name: 'Sessions', value: 'sessions', description: 'Visits per day, when that is what your report has (每天访问次数)' },
		],
		default: 'visitors',
	},
	{
		displayName: 'Window (Days)',
		name: 'windowDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 30,
		description: 'Orders and traffic of the last N days up to the end date count; 0 counts all (计入截至结束日最近 N 天的数据；0 表示全部)',
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		description: 'Last day of the window. Empty: the latest day in the traffic (else the latest order\'s day) (统计的最后一天；留空取流量数据中最新的一天).',
	},
	{ ...fromRfmSegment('timeZone') },
	{ ...fromRfmSegment('countedStatuses') },
	{
		displayName: 'Repeat Buyers Counted In',
		name: 'repeatScope',
		type: 'options',
		options: [
			{ name: 'The Same Channel', value: 'group', description: 'A buyer is a repeat buyer of a channel with 2+ orders through it (在同一渠道下单 2 次及以上算复购)' },
			{ name: 'Any Channel', value: 'anyGroup', description: 'A buyer of the channel with 2+ orders anywhere: credits the channel that brought them in (在任意渠道共下单 2 次及以上算复购)' },
		],
		default: 'group',
	},
	{
		displayName: 'Current Budget per Channel',
		name: 'currentBudget',
		type: 'string',
		default: '',
		placeholder: 'live=5000, short_video=3000, search=2000',
		description: 'Your spend per channel now. Empty: each channel\'s share of visitors stands in for its share of spend (各渠道当前投放金额；留空按访客占比估算).',
	},
	{
		displayName: 'Shift Step (%)',
		name: 'shiftStepPercent',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100 },
		default: 20,
		description: 'Share of the budget moved per run toward channels whose visitors are worth more (see "Budget shift rule" in the node\'s docs) (每次运行向访客价值更高的渠道挪动的预算比例)',
	},
	{
		displayName: 'Field Mapping (Orders)',
		name: 'orderFields',
		type: 'collection',
		placeholder: 'Map a Field',
		default: {},
		description: 'Where your orders keep each field, when the names differ (列名不同时填写你的列名)',
		options: (fromRfmSegment('orderFields').options ?? []) as INodeProperties[],
	},
	{
		displayName: 'Field Mapping (Traffic)',
		name: 'trafficFields',
		type: 'collection',
		placeholder: 'Map a Field',
		default: {},
		options: [
			{ displayName: 'Date Field', name: 'date', type: 'string', default: 'date', description: 'Day of the traffic row (YYYY-MM-DD) (流量日期)' },
			{ displayName: 'Sessions Field', name: 'sessions', type: 'string', default: 'sessions' },
			{ displayName: 'Visitors Field', name: 'visitors', type: 'string', default: 'visitors' },
		],
	},
	{
		displayName: 'Output',
		name: 'outputMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Both, on Two Outputs', value: 'both' },
			{ name: 'One Item per Channel', value: 'groups' },
			{ name: 'Summary Only', value: 'summary' },
		],
		default: 'both',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [rfmOption('baseCurrency'), rfmOption('currencyRates')],
	},
];
