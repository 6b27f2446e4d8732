export * from './signing';
export * from './envelope';
export * from './orders';
export * from './stock';
export * from './coupons';
