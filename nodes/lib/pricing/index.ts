export * from './input';
export * from './margin';
export * from './options';
export * from './priceEndings';
export * from './priceLadder';
export * from './quantiles';
