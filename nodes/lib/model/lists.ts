/** Lists typed as text in a parameter: "30, 90, 180, 365", "name, phone, tags". */

/** "30, 90,180 ;365" → [30, 90, 180, 365]; NaN where a part is not a number. */
export function parseNumberList(text: string): number[] {
	return text
		.split(/[,;\s]+/)
		.filter((part) => part !== '')
		.map(Number);
}

/** "name, phone ,tags" → ['name', 'phone', 'tags']. */
export function parseNameList(text: string): string[] {
	return text
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}
