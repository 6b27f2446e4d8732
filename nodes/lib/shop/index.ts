export * from './windows';
export * from './syncCursor';
export * from './money';
export * from './orderFeed';
export * from './couponRequest';
export * from './stockLevel';
export * from './platformError';
export * from './paging';
