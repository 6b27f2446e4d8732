/**
 * The GraphQL documents the Shopify connector sends, with their requested cost as Shopify
 * computes it (https://shopify.dev/docs/api/usage/limits#cost-calculation): a scalar or enum
 * costs 0, an object 1, a connection 2 + `first` × the cost of one node, nested connections
 * multiply; a mutation costs 10. A single query may request at most 1000 points
 * (UNCONFIRMED on shopify.dev in this session; secondary sources agree), so page sizes are
 * chosen to stay under QUERY_COST_TARGET with a margin for counting differences.
 */

export const MAX_QUERY_COST = 1000;
/** What a page is sized to request: 80 % of the cap, as our count may differ from Shopify's. */
export const QUERY_COST_TARGET = 800;
export const MUTATION_COST = 10;

/** Line items read with the order; an order with more is completed by ORDER_LINES_QUERY. */
export const LINES_PER_ORDER = 20;
/** Objects per line: the line, discountedUnitPriceSet, its shopMoney, variant. */
const LINE_NODE_COST = 4;
/** Objects per order besides its lines: the order, three money sets × (set + shopMoney), customer. */
const ORDER_OWN_COST = 1 + 3 * 2 + 1;

export function connectionCost(first: number, nodeCost: number): number {
	return 2 + first * nodeCost;
}

/** Cost of one order node with its first `lines` line items. */
export function orderNodeCost(lines: number): number {
	return ORDER_OWN_COST + connectionCost(lines, LINE_NODE_COST);
}

/** The largest page of orders under the target: 8 with 20 lines each (2 + 8 × 90 = 722). */
export const ORDERS_PAGE_SIZE = Math.floor((QUERY_COST_TARGET - 2) / orderNodeCost(LINES_PER_ORDER));
export const ORDERS_QUERY_COST = connectionCost(ORDERS_PAGE_SIZE, orderNodeCost(LINES_PER_ORDER));

const LINE_FIELDS = `sku name quantity
          variant { legacyResourceId }
          discountedUnitPriceSet { shopMoney { amount currencyCode } }`;

/**
 * Orders updated in a window, oldest update first, cursor-paged.
 * https://shopify.dev/docs/api/admin-graphql/latest/queries/orders (sortKey UPDATED_AT,
 * search syntax `updated_at:>='…'`: https://shopify.dev/docs/api/usage/search-syntax).
 * `closedAt` (an archived order) is not in the collected facts: UNCONFIRMED field, long part of Order.
 */
export const ORDERS_QUERY = `query Orders($first: Int!, $after: String, $q: String!) {
  orders(first: $first, after: $after, query: $q, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id legacyResourceId name createdAt updatedAt cancelledAt closedAt
      displayFinancialStatus displayFulfillmentStatus sourceName
      totalPriceSet { shopMoney { amount currencyCode } }
      totalRefundedSet { shopMoney { amount currencyCode } }
      currentTotalPriceSet { shopMoney { amount currencyCode } }
      customer { id }
      lineItems(first: ${LINES_PER_ORDER}) {
        pageInfo { hasNextPage endCursor }
        nodes {
          ${LINE_FIELDS}
        }
      }
    }
  }
}`;

export const ORDER_LINES_PAGE_SIZE = 100;
export const ORDER_LINES_QUERY_COST = 1 + connectionCost(ORDER_LINES_PAGE_SIZE, LINE_NODE_COST);

/** The rest of an order's line items (orders with more than LINES_PER_ORDER lines). */
export const ORDER_LINES_QUERY = `query OrderLines($id: ID!, $after: String) {
  order(id: $id) {
    lineItems(first: ${ORDER_LINES_PAGE_SIZE}, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        ${LINE_FIELDS}
      }
    }
  }
}`;

/** The search text for orders updated in [start, end), whole seconds (both ends rounded down, so windows still tile). */
export function ordersSearchQuery(startMs: number, endMs: number): string {
	return `updated_at:>='${isoSeconds(startMs)}' AND updated_at:<'${isoSeconds(endMs)}'`;
}

export function isoSeconds(epochMs: number): string {
	return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Inventory levels per location, fetched per inventory item. */
export const LEVELS_PER_ITEM = 20;
/** Objects per level: the level, its location, its quantities list. */
const LEVEL_NODE_COST = 3;
const ITEM_NODE_COST = 1 + connectionCost(LEVELS_PER_ITEM, LEVEL_NODE_COST);
export const INVENTORY_PAGE_SIZE = Math.floor((QUERY_COST_TARGET - 2) / ITEM_NODE_COST);
export const INVENTORY_QUERY_COST = connectionCost(INVENTORY_PAGE_SIZE, ITEM_NODE_COST);

/**
 * Inventory items (one per variant) with their levels per location. `query: "sku:…"` narrows
 * to a SKU; the match is checked again here because Shopify's search is not exact.
 * https://shopify.dev/docs/api/admin-graphql/latest/queries/inventoryItems,
 * quantity names: https://shopify.dev/docs/apps/build/orders-fulfillment/inventory-management-apps/quantities-states
 */
export const INVENTORY_QUERY = `query Inventory($first: Int!, $after: String, $q: String) {
  inventoryItems(first: $first, after: $after, query: $q) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id sku tracked
      inventoryLevels(first: ${LEVELS_PER_ITEM}) {
        nodes {
          location { id name }
          quantities(names: ["available", "on_hand", "committed", "incoming"]) { name quantity }
        }
      }
    }
  }
}`;

/** `sku:"TEE-M"` with the SKU quoted as Shopify's search syntax quotes phrases. */
export function skuSearchQuery(sku: string): string {
	return `sku:${JSON.stringify(sku)}`;
}

/**
 * Sets the `available` quantity of one item at one location. The Write ID goes in the
 * `@idempotent` directive as a string literal (every published example inlines it; a variable
 * there is UNCONFIRMED). `changeFromQuantity` is always sent: the expected quantity for a
 * compare-and-set, null to opt out — mandatory from 2026-04.
 * https://shopify.dev/docs/api/admin-graphql/latest/mutations/inventorySetQuantities
 */
export function setQuantityMutation(idempotencyKey: string): string {
	return `mutation SetQuantity($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) @idempotent(key: ${JSON.stringify(idempotencyKey)}) {
    inventoryAdjustmentGroup { id }
    userErrors { code field message }
  }
}`;
}

export const SHOP_CURRENCY_QUERY = `query ShopCurrency { shop { currencyCode } }`;

/** Codes looked up per request, as aliases of codeDiscountNodeByCode (1 point each). */
export const CODES_PER_LOOKUP = 50;

/**
 * Which of these codes the shop already has, one alias per code (c0, c1, …).
 * https://shopify.dev/docs/api/admin-graphql/latest/queries/codeDiscountNodeByCode (null when
 * no discount uses the code; case-insensitive).
 */
export function codeLookupQuery(count: number): string {
	const variables = Array.from({ length: count }, (_, i) => `$c${i}: String!`).join(', ');
	const fields = Array.from({ length: count }, (_, i) => `  c${i}: codeDiscountNodeByCode(code: $c${i}) { id }`).join('\n');
	return `query CodeLookup(${variables}) {\n${fields}\n}`;
}

/** https://shopify.dev/docs/api/admin-graphql/latest/mutations/discountCodeBasicCreate */
export const DISCOUNT_CREATE_MUTATION = `mutation DiscountCreate($discount: DiscountCodeBasicInput!) {
  discountCodeBasicCreate(basicCodeDiscount: $discount) {
    codeDiscountNode { id }
    userErrors { code field message }
  }
}`;

/** At most 250 codes per call (https://shopify.dev/docs/api/admin-graphql/2025-10/payloads/DiscountRedeemCodeBulkAddPayload). */
export const CODES_PER_BULK_ADD = 250;

/** https://shopify.dev/docs/api/admin-graphql/latest/mutations/discountRedeemCodeBulkAdd (asynchronous). */
export const BULK_ADD_MUTATION = `mutation BulkAddCodes($discountId: ID!, $codes: [DiscountRedeemCodeInput!]!) {
  discountRedeemCodeBulkAdd(discountId: $discountId, codes: $codes) {
    bulkCreation { id }
    userErrors { code field message }
  }
}`;

export const BULK_CODES_PAGE_SIZE = 250;

/** https://shopify.dev/docs/api/admin-graphql/latest/queries/discountRedeemCodeBulkCreation */
export const BULK_CREATION_QUERY = `query BulkCreation($id: ID!, $after: String) {
  discountRedeemCodeBulkCreation(id: $id) {
    done codesCount importedCount failedCount
    codes(first: ${BULK_CODES_PAGE_SIZE}, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { code errors { code field message } discountRedeemCode { id } }
    }
  }
}`;
