/**
 * The daily KPI digest (日清会): the report day's GMV, orders, AOV, conversion, repurchase and
 * refund rates per platform and channel against the 7-day average and the same weekday last
 * week, the top movers, and lines ready for the team-chat bots. Pure: no n8n imports.
 */
export * from './calendar';
export * from './digest';
export * from './lines';
export * from './input';
export * from './options';
