/**
 * A bad order in the input, in a real n8n: the RFM Segment node's error reaches the execution
 * result naming the item and the field (as the user's data names it), and with
 * "On Error → Continue (using error output)" the bad item goes to the error output while the
 * good orders are still segmented.
 */
import {
	execute,
	explain,
	freshInstance,
	importBuilt,
	itemsOf,
	n8nVersion,
	nodeErrorOf,
	type Instance,
	type WorkflowJson,
	type WorkflowNode,
	workflowNode,
	codeNode,
} from './support/n8n';

const BAD_INDEX = 3;

/**
 * Manual → Demo shop orders (small) → Code "Break one order" → RFM Segment (both outputs).
 * `breakOrder` is the Code node's JavaScript; `rfm` adds RFM Segment parameters / settings.
 */
function badOrderWorkflow(
	id: string,
	breakOrder: string,
	rfm: { parameters?: Record<string, unknown>; onError?: string } = {},
): WorkflowJson {
	const nodes: WorkflowNode[] = [
		workflowNode('Run now', 'n8n-nodes-base.manualTrigger', [0, 0]),
		workflowNode('Demo shop orders', 'n8n-nodes-commerce-ops.demoShopData', [200, 0], {
			dataset: 'orders',
			seed: 7,
			customers: 60,
			orders: 300,
			days: 120,
			endDate: '2026-06-30',
		}),
		codeNode('Break one order', [400, 0], breakOrder),
		workflowNode(
			'RFM Segment',
			'n8n-nodes-commerce-ops.rfmSegment',
			[600, 0],
			{ inputKind: 'orders', referenceMode: 'latestOrder', outputMode: 'both', ...rfm.parameters },
			rfm.onError ? { onError: rfm.onError } : {},
		),
		workflowNode('Customers', 'n8n-nodes-base.noOp', [850, -150]),
		workflowNode('Summary', 'n8n-nodes-base.noOp', [850, 0]),
		workflowNode('Bad orders', 'n8n-nodes-base.noOp', [850, 150]),
	];
	const to = (target: string) => [{ node: target, type: 'main', index: 0 }];
	const rfmOutputs = rfm.onError === 'continueErrorOutput' ? [to('Customers'), to('Summary'), to('Bad orders')] : [to('Customers'), to('Summary')];
	return {
		id,
		name: id,
		nodes,
		connections: {
			'Run now': { main: [to('Demo shop orders')] },
			'Demo shop orders': { main: [to('Break one order')] },
			'Break one order': { main: [to('RFM Segment')] },
			'RFM Segment': { main: rfmOutputs },
		},
		settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai' },
		active: false,
	};
}

const BREAK_CREATED_AT = `const items = $input.all();\nitems[${BAD_INDEX}].json.createdAt = 'not a date';\nreturn items;`;
// The shop's export calls the column "placedAt": mapped under Field Mapping, and named so in the error.
const RENAME_AND_BREAK = `return $input.all().map((item, i) => {\n  const { createdAt, ...rest } = item.json;\n  return { json: { ...rest, placedAt: i === ${BAD_INDEX} ? '31/02/2026' : createdAt } };\n});`;

const STOPS = badOrderWorkflow('e2eBadOrderStops', BREAK_CREATED_AT);
const CONTINUES = badOrderWorkflow('e2eBadOrderContinues', BREAK_CREATED_AT, { onError: 'continueErrorOutput' });
const MAPPED = badOrderWorkflow('e2eBadMappedField', RENAME_AND_BREAK, { parameters: { orderFields: { createdAt: 'placedAt' } } });

describe(`a bad order in n8n ${n8nVersion()}`, () => {
	let instance: Instance;

	beforeAll(async () => {
		instance = await freshInstance('errors');
		const imported = await importBuilt(instance, [STOPS, CONTINUES, MAPPED]);
		expect(imported.count).toBe(3);
	});

	it('stops the execution with an error naming the item and the field', async () => {
		const execution = await execute(instance, STOPS.id);
		expect(execution.ok).toBe(false);
		expect(execution.exitCode).not.toBe(0);
		const error = execution.error!;
		expect(error).toBeTruthy();
		expect(error.node?.name).toBe('RFM Segment');
		expect(error.message).toContain(`Item ${BAD_INDEX}`);
		expect(error.message).toContain('"createdAt"');
		expect(error.message).toContain('not a date');
		expect(error.context?.itemIndex).toBe(BAD_INDEX);
		expect(error.description).toContain(`item ${BAD_INDEX}`);
		// The same error is recorded on the node's run, as the editor shows it.
		expect(nodeErrorOf(execution.run, 'RFM Segment')?.message).toBe(error.message);
		expect(itemsOf(execution.run, 'Customers')).toBeUndefined();
	});

	it('names the field as the shop data calls it when it is mapped', async () => {
		const execution = await execute(instance, MAPPED.id);
		expect(execution.ok).toBe(false);
		expect(execution.error?.message).toContain(`Item ${BAD_INDEX}`);
		expect(execution.error?.message).toContain('"placedAt"');
		expect(execution.error?.message).toContain('31/02/2026');
		expect(execution.error?.context?.itemIndex).toBe(BAD_INDEX);
	});

	it('with "Continue (using error output)" sends the bad item to the error output and segments the rest', async () => {
		const execution = await execute(instance, CONTINUES.id);
		expect({ ok: execution.ok, why: execution.ok ? '' : explain(execution) }).toEqual({ ok: true, why: '' });
		const orders = itemsOf(execution.run, 'Demo shop orders')!;
		const bad = itemsOf(execution.run, 'Bad orders')!;
		const customers = itemsOf(execution.run, 'Customers')!;
		const summary = itemsOf(execution.run, 'Summary')!;

		expect(bad).toHaveLength(1);
		expect(bad[0].error).toEqual(expect.stringContaining(`Item ${BAD_INDEX}`));
		expect(bad[0].error).toEqual(expect.stringContaining('"createdAt"'));
		// The RFM node's own outputs carry no error items.
		expect(customers.every((c) => typeof c.segment === 'string' && !('error' in c))).toBe(true);
		expect(summary.every((row) => !('error' in row))).toBe(true);

		// Every other order still counts: the customers are those of the good orders.
		expect(customers.length).toBeGreaterThan(20);
		const summed = summary.reduce((n, row) => n + Number(row.customers), 0);
		expect(summed).toBe(customers.length);
		const goodOrders = orders.filter((_, i) => i !== BAD_INDEX);
		const customersOfGoodOrders = new Set(goodOrders.map((o) => o.customerId));
		expect(customers.length + Number(summary[0].customersWithoutCountedOrders)).toBe(customersOfGoodOrders.size);
	});
});
