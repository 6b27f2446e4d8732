/**
 * Reorder Alert mathematics: pure functions, no n8n imports. Plain data in (the canonical
 * InventoryPosition and DailySales shapes, an explicit asOf date), plain data out.
 */
export * from './normal';
// Day numbers live in ../time (shared with RFM, visitor value, coupons and the demo shop); the
// inventory functions take and return them, so the library re-exports them.
export { daysFromCivil, formatDayNumber, MAX_DAY_NUMBER, parseDayNumber, toDayNumber } from '../time';
export * from './demand';
export * from './forecast';
export * from './safetyStock';
export * from './orderQuantity';
export * from './options';
export * from './reorder';
export * from './network';
export * from './salesStore';
export * from './alertState';
export * from './input';
export * from './output';
