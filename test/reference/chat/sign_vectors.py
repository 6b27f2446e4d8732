"""Signature vectors for the DingTalk and Feishu custom bots, computed with the Python samples
the platforms publish in their guides (DingTalk "custom robot security settings" 加签 sample,
Python 3.8; Feishu "custom bot usage guide" 签名校验 sample, Python 3.9), run with fixed
timestamps instead of the current time. test/lib/chat/signing.test.ts checks our TypeScript
against this file's output (sign_vectors.json). Run: python3 sign_vectors.py > sign_vectors.json
"""
import base64
import hashlib
import hmac
import json
import urllib.parse
from hashlib import sha256


def dingtalk_sample(timestamp, secret):
    # DingTalk's sample, with `timestamp` given instead of str(round(time.time() * 1000)).
    secret_enc = secret.encode('utf-8')
    string_to_sign = '{}\n{}'.format(timestamp, secret)
    string_to_sign_enc = string_to_sign.encode('utf-8')
    hmac_code = hmac.new(secret_enc, string_to_sign_enc, digestmod=hashlib.sha256).digest()
    sign = urllib.parse.quote_plus(base64.b64encode(hmac_code))
    return sign


def feishu_sample(timestamp, secret):
    # Feishu's sample, with `timestamp` given instead of str(round(time.time())).
    string_to_sign = '{}\n{}'.format(timestamp, secret)
    hmac_code = hmac.new(string_to_sign.encode("utf-8"), digestmod=hashlib.sha256).digest()
    sign = base64.b64encode(hmac_code).decode('utf-8')
    return sign


def with_plus(fn, secret, start, step):
    """First timestamp from `start` whose signature contains a '+' (to test URL encoding)."""
    t = start
    while '+' not in urllib.parse.unquote_plus(fn(t, secret)) and '+' not in fn(t, secret):
        t += step
    return t


DT_SECRET = 'this is secret'  # the secret in DingTalk's own sample
FS_SECRET = '你的密钥-demo'     # non-ASCII, as Feishu's sample placeholder is
vectors = {
    'dingtalk': [
        {'timestampMs': t, 'secret': DT_SECRET, 'urlEncodedSign': dingtalk_sample(t, DT_SECRET),
         'base64Sign': urllib.parse.unquote_plus(dingtalk_sample(t, DT_SECRET))}
        for t in [1599360473000, with_plus(dingtalk_sample, DT_SECRET, 1700000000000, 1)]
    ] + [
        {'timestampMs': 1718000000123, 'secret': 'SECabc123密钥', 'urlEncodedSign': dingtalk_sample(1718000000123, 'SECabc123密钥'),
         'base64Sign': urllib.parse.unquote_plus(dingtalk_sample(1718000000123, 'SECabc123密钥'))}
    ],
    'feishu': [
        {'timestampSeconds': t, 'secret': s, 'sign': feishu_sample(t, s)}
        for t, s in [(1599360473, 'this is secret'), (1718000000, FS_SECRET)]
    ],
}
print(json.dumps(vectors, ensure_ascii=False, indent=2))
