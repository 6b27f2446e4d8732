/**
 * Tiered coupons (分层发券): ordered rules put customers in tiers, each tier takes its actions
 * (coupon, review invitation, VIP advisor), budgets are shared out by priority, and coupon
 * codes are HMAC-signed so a re-run never issues a second coupon. Pure: no n8n imports.
 */
export * from './conditions';
export * from './couponTerms';
export * from './tiers';
export * from './codes';
export * from './calendar';
export * from './budget';
export * from './campaign';
export * from './output';
export * from './input';
export * from './options';
