/**
 * Orders as the order-reading nodes use them (RFM Segment, Visitor Value): the forgiving input
 * schema, money in cents, currencies into one base, a column store for a million orders, and
 * the pass that turns orders into one activity record per customer.
 */
export * from './input';
export * from './money';
export * from './currency';
export * from './orderTable';
export * from './aggregate';
export * from './orderIds';
