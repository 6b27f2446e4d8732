/**
 * Visitor value per traffic channel (访客价值 = 客单价 × 转化率 × 复购率) from orders and
 * traffic, with a suggested budget shift toward the channels whose visitors are worth more.
 * Pure: no n8n imports.
 */
export * from './metrics';
export * from './budgetShift';
export * from './visitorValue';
export * from './groupedOrders';
export * from './input';
export * from './options';
