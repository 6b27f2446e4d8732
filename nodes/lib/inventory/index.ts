/**
 * Reorder Trigger mathematics: pure functions, no n8n imports. Plain data in (the canonical
 * InventoryPosition and DailySales shapes, an explicit asOf date), plain data out.
 */
export * from './normal';
export * from './dayNumber';
export * from './demand';
export * from './forecast';
export * from './safetyStock';
export * from './orderQuantity';
export * from './options';
export * from './reorder';
export * from './network';
export * from './alertState';
export * from './input';
