export * from './signing';
export * from './answers';
export * from './tokens';
export * from './orderList';
export * from './orders';
export * from './stock';
