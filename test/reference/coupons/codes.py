#!/usr/bin/env python3
"""Independent reference for nodes/lib/coupons/codes.ts: coupon codes from Python's hmac.

code = PREFIX.upper() + characters drawn from HMAC-SHA256(key=secret, message), where
message = JSON ["coupon-code/v1", campaignId, customerId, period] (no spaces, as JSON.stringify),
bytes >= 248 skipped, byte % 31 indexes the alphabet 23456789ABCDEFGHJKMNPQRSTUVWXYZ, and further
blocks are HMAC over message + "#" + block number. A customer re-signed after a collision
(attempt 1, 2, ...) has the attempt as a fifth part: ["coupon-code/v1", ..., period, attempt].

Run: python3 test/reference/coupons/codes.py > test/reference/coupons/codes.json
"""
import hashlib
import hmac
import json

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
ACCEPT_BELOW = 256 - 256 % len(ALPHABET)


def code(secret, campaign_id, customer_id, period, prefix, length, attempt=0):
    parts = ["coupon-code/v1", campaign_id, customer_id, period] + ([attempt] if attempt else [])
    message = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    out = ""
    block = 0
    while len(out) < length:
        data = message if block == 0 else f"{message}#{block}"
        digest = hmac.new(secret.encode("utf-8"), data.encode("utf-8"), hashlib.sha256).digest()
        for byte in digest:
            if byte >= ACCEPT_BELOW:
                continue
            out += ALPHABET[byte % len(ALPHABET)]
            if len(out) == length:
                break
        block += 1
    return prefix.upper() + out


CASES = [
    ("demo-secret-0123456789abcdef", "2026-07-winback", "C00001", "2026-07", "CO-", 10),
    ("demo-secret-0123456789abcdef", "2026-07-winback", "C00002", "2026-07", "CO-", 10),
    ("demo-secret-0123456789abcdef", "2026-07-winback", "C00001", "2026-08", "CO-", 10),
    ("demo-secret-0123456789abcdef", "2026-08-winback", "C00001", "2026-07", "CO-", 10),
    ("another-secret-of-32-characters!", "2026-07-winback", "C00001", "2026-07", "CO-", 10),
    ("demo-secret-0123456789abcdef", "会员日-8月", "客户-甲", "all", "", 6),
    ("demo-secret-0123456789abcdef", "a|b", "c", "all", "vip_", 32),
    ("demo-secret-0123456789abcdef", "a", "b|c", "all", "vip_", 32),
    ("x" * 64, "long", "C99999", "2026-W27", "LONG-PREFIX-20-CHARS"[:20], 32),
]
# Re-signed after a collision (the fifth part of the message).
RESIGNED = [
    ("demo-secret-0123456789abcdef", "2026-07-winback", "C00001", "2026-07", "CO-", 10, 1),
    ("demo-secret-0123456789abcdef", "2026-07-winback", "C00001", "2026-07", "CO-", 10, 2),
    ("demo-secret-0123456789abcdef", "会员日-8月", "客户-甲", "all", "", 6, 12),
]

print(json.dumps([
    {"secret": s, "campaignId": c, "customerId": u, "period": p, "prefix": pre, "length": n, "code": code(s, c, u, p, pre, n)}
    for s, c, u, p, pre, n in CASES
] + [
    {"secret": s, "campaignId": c, "customerId": u, "period": p, "prefix": pre, "length": n, "attempt": a, "code": code(s, c, u, p, pre, n, a)}
    for s, c, u, p, pre, n, a in RESIGNED
], ensure_ascii=False, indent=2))
