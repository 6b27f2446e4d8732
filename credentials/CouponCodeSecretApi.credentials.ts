import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The key Coupon Tier signs coupon codes with (HMAC-SHA256, nodes/lib/coupons/codes.ts).
 * Kept in a credential so it is stored encrypted, never shown in the workflow JSON, in
 * outputs or in errors, and the same key serves every re-run: the same campaign, customer
 * and period then always give the same code. Changing the key changes every code.
 *
 * Nothing to call over the network: the Coupon Tier node tests it locally (length), see its
 * `methods.credentialTest`.
 */
export class CouponCodeSecretApi implements ICredentialType {
	name = 'couponCodeSecretApi';

	displayName = 'Coupon Code Secret API';

	icon: Icon = { light: 'file:../nodes/CouponTier/couponTier.svg', dark: 'file:../nodes/CouponTier/couponTier.dark.svg' };

	documentationUrl = 'https://github.com/commerce-ops/n8n-nodes-commerce-ops/blob/main/docs/nodes/CouponTier.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret (签名密钥)',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'At least 16 random characters, e.g. from a password manager. Keep it: the same secret gives the same codes on every re-run; a new secret gives new codes.',
		},
	];
}
