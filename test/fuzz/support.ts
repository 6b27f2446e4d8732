/**
 * The property-based suite's common ground (issue 14, "The suite"): random good items with bad
 * values mixed in, each calculation node run in-process through n8n-core (test/support/n8n.ts)
 * under "stop" and under "Continue (using error output)", and the four properties every node
 * must keep:
 *   1. no raw error — the only error is a NodeOperationError naming an item index and a field;
 *   2. every bad item is reported, with its index and field;
 *   3. every good item's result is unchanged by the bad ones (compared with a run on the good
 *      items alone);
 *   4. no non-finite number anywhere in the output.
 *
 * Case counts: FUZZ_RUNS cases per property (default DEFAULT_RUNS, which keeps the whole folder
 * well under a minute in the fast suite), fixed seed FUZZ_SEED (default 14, the number).
 * `npm run fuzz` raises the count and prints what ran (test/fuzz/run.js).
 */
import { appendFileSync } from 'node:fs';

import fc from 'fast-check';
import type { IDataObject, INode } from 'n8n-workflow';

import { node, runWorkflow, type RunResult, type TestCredentials, type WorkflowJson } from '../support/n8n';

export const DEFAULT_RUNS = 50;
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Math.floor(Number(process.env.FUZZ_RUNS)) : DEFAULT_RUNS;
export const FUZZ_SEED = Number.isInteger(Number(process.env.FUZZ_SEED)) && process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 14;

/** fast-check's parameters for every property of the suite. */
export const fuzzParameters = { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true } as const;

/** Records a property's case count for `npm run fuzz` (a no-op unless run.js asks for it). */
export function reportCases(property: string, cases: number, runsPerCase: number): void {
	const file = process.env.FUZZ_REPORT;
	if (file) appendFileSync(file, JSON.stringify({ property, cases, workflowRuns: cases * runsPerCase }) + '\n');
}

/** Paths of every number that is NaN or ±Infinity in a value (JSON would turn them into null). */
export function nonFiniteNumbers(value: unknown, path = '$'): string[] {
	if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
	if (Array.isArray(value)) return value.flatMap((v, i) => nonFiniteNumbers(v, `${path}[${i}]`));
	if (value !== null && typeof value === 'object') {
		return Object.entries(value).flatMap(([k, v]) => nonFiniteNumbers(v, `${path}.${k}`));
	}
	return [];
}

/** Where a bad value went: the index among the node's input items (per input) and the field. */
export interface BadItem {
	input: string;
	index: number;
	field: string;
}

/** A bad value for one field of an otherwise good item. */
export interface BadValue {
	field: string;
	value: unknown;
}

/**
 * Good items with bad ones inserted at random positions: each bad item is a good item with one
 * field replaced (or removed, for `undefined`). Returns the mixed list and where each bad item is.
 */
export function mixIn(input: string, good: IDataObject[], bad: Array<{ base: IDataObject; bad: BadValue; at: number }>) {
	const items: Array<{ json: IDataObject; bad?: BadValue }> = good.map((json) => ({ json }));
	for (const { base, bad: change, at } of bad) {
		const json: IDataObject = { ...base };
		if (change.value === undefined) delete json[change.field];
		else json[change.field] = change.value as IDataObject[string];
		items.splice(Math.min(at, items.length), 0, { json, bad: change });
	}
	const badItems: BadItem[] = [];
	items.forEach((item, index) => {
		if (item.bad) badItems.push({ input, index, field: item.bad.field });
	});
	return { items: items.map((i) => i.json), badItems };
}

/** Arbitrary for where bad items go and which good item each starts from. */
export const insertions = <T>(bad: fc.Arbitrary<T>, maxBad = 4) =>
	fc.array(fc.record({ bad, at: fc.nat(60), baseIndex: fc.nat() }), { maxLength: maxBad });

/** "Item 3: field "amount" …" (or "Inventory item 3: …"): the input's label, index and field an error names. */
export function namedItem(message: string): { label: string; index: number; field: string } | undefined {
	const match = /^(?:(.*?) )?[Ii]tem (\d+): field "([^"]+)"/.exec(message);
	return match ? { label: match[1] ?? '', index: Number(match[2]), field: match[3] } : undefined;
}

export interface NodeUnderTest {
	/** The node's name in the workflow. */
	name: string;
	/** The workflow with the node's input(s) holding `inputs` (by input label) and the node's `extra` settings. */
	workflow(inputs: Record<string, IDataObject[]>, extra: Partial<INode>): WorkflowJson;
	/** Main outputs (the error output comes after them with Continue (using error output)). */
	mainOutputs: number;
	/** Which input an error names: from the label the message starts with and the field. */
	inputOf(label: string, field: string): string;
	credentials?: TestCredentials;
}

const fixtureNode = (name: string, items: IDataObject[]) => node(name, 'test.fixture', { items: JSON.stringify(items) });
export { fixtureNode };

/**
 * Start → one fixture node per input → the node under test: each fixture `[name, items, input]`
 * feeds the node's input number `input` (the workflow every multi-input property runs).
 */
export function fixturesInto(subject: INode, fixtures: ReadonlyArray<readonly [name: string, items: IDataObject[], input: number]>): WorkflowJson {
	return {
		nodes: [node('Start', 'n8n-nodes-base.manualTrigger'), ...fixtures.map(([name, items]) => fixtureNode(name, items)), subject],
		connections: {
			Start: { main: [fixtures.map(([name]) => ({ node: name, type: 'main', index: 0 }))] },
			...Object.fromEntries(fixtures.map(([name, , input]) => [name, { main: [[{ node: subject.name, type: 'main', index: input }]] }])),
		},
		settings: { executionOrder: 'v1' },
	};
}

function outputsOf(result: RunResult, nodeName: string, count: number): IDataObject[][] {
	return Array.from({ length: count }, (_, i) => result.output(nodeName, i));
}

const key = (b: BadItem) => `${b.input}#${b.index}#${b.field}`;

/**
 * Runs the node on `inputs` (with `badItems` among them) under stop and under Continue (using
 * error output), and on the good items alone, and checks the four properties. `good` holds the
 * same inputs without the bad items.
 */
export async function checkNode(
	subject: NodeUnderTest,
	inputs: Record<string, IDataObject[]>,
	good: Record<string, IDataObject[]>,
	badItems: BadItem[],
): Promise<RunResult[]> {
	const run = (data: Record<string, IDataObject[]>, extra: Partial<INode> = {}) =>
		runWorkflow(subject.workflow(data, extra), subject.credentials);
	const reference = await run(good);
	expect(reference.errorOf(subject.name)).toBeUndefined();
	const expected = outputsOf(reference, subject.name, subject.mainOutputs);

	// Stop: one NodeOperationError naming a bad item and its field; no raw error.
	const stopped = await run(inputs);
	const stopError = stopped.errorOf(subject.name);
	if (badItems.length === 0) {
		expect(stopError).toBeUndefined();
		expect(outputsOf(stopped, subject.name, subject.mainOutputs)).toEqual(expected);
	} else {
		// The run data holds the error as a plain copy: its name says what it was.
		expect(stopError?.name).toBe('NodeOperationError');
		const named = namedItem(stopError!.message);
		expect(named).toBeDefined();
		const where = { input: subject.inputOf(named!.label, named!.field), index: named!.index, field: named!.field };
		expect(badItems.map(key)).toContain(key(where));
		expect((stopError as unknown as { context: IDataObject }).context.itemIndex).toBe(where.index);
	}

	// Continue (using error output): each bad item on the error output, named; the rest as without them.
	const continued = await run(inputs, { onError: 'continueErrorOutput' });
	expect(continued.errorOf(subject.name)).toBeUndefined();
	const errors = continued.output(subject.name, subject.mainOutputs).map((item) => String(item.error));
	const reported = errors.map((message) => {
		const named = namedItem(message);
		expect(named).toBeDefined();
		return key({ input: subject.inputOf(named!.label, named!.field), index: named!.index, field: named!.field });
	});
	expect(reported.sort()).toEqual(badItems.map(key).sort());
	const outputs = outputsOf(continued, subject.name, subject.mainOutputs);
	expect(outputs).toEqual(expected);

	for (const result of [reference, continued]) {
		const all = outputsOf(result, subject.name, subject.mainOutputs + (result === continued ? 1 : 0));
		expect(nonFiniteNumbers(all)).toEqual([]);
	}
	return [reference, stopped, continued];
}

/** The values an arbitrary draws. */
export type Drawn<A> = A extends fc.Arbitrary<infer T> ? T : never;

/** A date `daysAgo` whole days before now, as YYYY-MM-DD (UTC). */
export const dayBefore = (now: number, daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().slice(0, 10);
