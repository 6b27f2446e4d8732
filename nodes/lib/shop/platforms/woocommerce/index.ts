export * from './orders';
export * from './query';
export * from './stock';
export * from './coupons';
export * from './errors';
