export * from './envelope';
export * from './wallClock';
export * from './orders';
export * from './stock';
export * from './coupons';
export * from './token';
