/**
 * Field mapping: lets a user point each model field at a column of their own data with a
 * dot path (`buyer.id`, `lines.0.sku`), so items from a CSV, a sheet or another node can be
 * read without a Set node in between. Unmapped fields are read under their model name.
 */

export type FieldMapping = Record<string, string>;

/** Reads a dot path (`a.b.0.c`) from a plain object; undefined where any step is missing. */
export function readPath(source: unknown, path: string): unknown {
	if (!path.includes('.')) {
		return source !== null && typeof source === 'object'
			? (source as Record<string, unknown>)[path]
			: undefined;
	}
	let current: unknown = source;
	for (const key of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}

/**
 * readPath for one path read on many items: the path is split once, not per item, and a
 * plain key (no dot) is one property read.
 */
export function createPathReader(path: string): (source: unknown) => unknown {
	if (!path.includes('.')) {
		return (source) =>
			source !== null && typeof source === 'object' ? (source as Record<string, unknown>)[path] : undefined;
	}
	const steps = path.split('.');
	return (source) => {
		let current: unknown = source;
		for (const key of steps) {
			if (current === null || typeof current !== 'object') return undefined;
			current = (current as Record<string, unknown>)[key];
		}
		return current;
	};
}

/**
 * Returns a reader that picks `fields` out of a raw item, each from the path the mapping
 * gives for it (or from the field's own name). Paths are split once, not per item: the
 * reader runs on every one of up to a million orders.
 */
export function createFieldReader<F extends string>(
	fields: readonly F[],
	mapping: FieldMapping = {},
): (raw: unknown) => Record<F, unknown> {
	const plan = fields.map((field) => {
		const path = (mapping[field] ?? '').trim() || field;
		return { field, path, steps: path.split('.') };
	});
	// Copying a template with every field present gives all records one object shape, which
	// keeps V8's property access fast on the hot path.
	const template = Object.fromEntries(fields.map((field) => [field, undefined])) as Record<F, unknown>;
	return (raw) => {
		const out = { ...template };
		for (const { field, steps } of plan) {
			let current: unknown = raw;
			for (const key of steps) {
				if (current === null || typeof current !== 'object') {
					current = undefined;
					break;
				}
				current = (current as Record<string, unknown>)[key];
			}
			out[field] = current;
		}
		return out;
	};
}

/** The path a field is read from under a mapping, for error messages ("field 'buyer.id'"). */
export function sourcePathOf(field: string, mapping: FieldMapping = {}): string {
	return (mapping[field] ?? '').trim() || field;
}
