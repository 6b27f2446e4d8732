/**
 * Composing the exact request bodies: every message within its platform's documented limit
 * (WeCom text 2048 / markdown 4096 bytes of UTF-8 content, developer.work.weixin.qq.com/document/path/91770;
 * DingTalk request body 20000 bytes, errcode 460101 "message too long, exceed 20000 bytes";
 * Feishu request body 20 KB, open.feishu.cn/document/client-docs/bot-v3/add-custom-bot),
 * header numbering, and mentions only on the first message in each platform's syntax.
 */
import { composeMessages } from '../../../nodes/lib/chat/messages';
import { jsonBodyBytes, utf8Bytes } from '../../../nodes/lib/chat/packing';
import {
	dingTalk,
	feishu,
	NO_MENTIONS,
	unsupportedMentions,
	weCom,
	type ChatPlatform,
	type Mentions,
} from '../../../nodes/lib/chat/platforms';
import { feishuSignature } from '../../../nodes/lib/chat/signing';

/** A restock alert line with Chinese text, quotes and an emoji: multi-byte and JSON-escaped. */
const alertLine = (i: number) =>
	`⚠️ SKU-${String(i).padStart(5, '0')} "连衣裙 夏季款" @ 上海仓: 库存 ${i % 40} 件, 预计 ${1 + (i % 9)} 天后断货, 建议补货 ${100 + i} 件`;

const contentOf = (platform: ChatPlatform, payload: Record<string, unknown>): string => {
	const p = payload as Record<string, Record<string, unknown>>;
	if (platform === weCom) return String((p.text ?? p.markdown).content);
	if (platform === dingTalk) return String(p.text?.content ?? p.markdown?.text);
	if (p.msg_type === 'text' as unknown) return String(p.content.text);
	return String(((p.card.elements as unknown as Array<Record<string, unknown>>)[0]).content);
};

describe.each([
	['WeCom text', weCom, 'text', 2048],
	['WeCom markdown', weCom, 'markdown', 4096],
	['DingTalk text', dingTalk, 'text', 20_000],
	['DingTalk markdown', dingTalk, 'markdown', 20_000],
	['Feishu text', feishu, 'text', 20_000],
	['Feishu markdown', feishu, 'markdown', 20_000],
] as const)('%s', (_label, platform, format, limit) => {
	const lines = Array.from({ length: 600 }, (_, i) => alertLine(i));
	const result = composeMessages(platform, lines, { format, header: '补货提醒 Restock alerts', mentions: NO_MENTIONS });

	it(`keeps every message within ${limit} bytes, counted as the platform counts`, () => {
		for (const message of result.messages) {
			const measured =
				platform.sizeUnit === 'contentBytes'
					? utf8Bytes(contentOf(platform, message.payload))
					: jsonBodyBytes(message.payload) + platform.signatureReserveBytes;
			expect(message.size).toBe(measured);
			expect(message.size).toBeLessThanOrEqual(limit);
		}
	});

	it('carries every line once, in order, whole', () => {
		expect(result.tooLong).toEqual([]);
		expect(result.messages.flatMap((m) => m.lines)).toEqual(lines.map((_, i) => i));
		for (const message of result.messages) {
			const content = contentOf(platform, message.payload);
			for (const i of message.lines) expect(content).toContain(lines[i]);
		}
	});

	it('uses as few messages as the limit allows (no two neighbours could merge)', () => {
		const total = lines.reduce((sum, l) => sum + (platform.sizeUnit === 'contentBytes' ? utf8Bytes(l) + 1 : jsonBodyBytes(l) - 2 + 2), 0);
		expect(result.messages.length).toBeGreaterThanOrEqual(Math.ceil(total / limit));
		for (let k = 0; k + 1 < result.messages.length; k++) {
			// The next message's first line did not fit into this one.
			const withNext = composeMessages(
				platform,
				[...result.messages[k].lines, result.messages[k + 1].lines[0]].map((i) => lines[i]),
				{ format, header: '补货提醒 Restock alerts', mentions: NO_MENTIONS },
			);
			expect(withNext.messages.length).toBe(2);
		}
	});

	it('numbers the header on every message', () => {
		const n = result.messages.length;
		expect(n).toBeGreaterThan(1);
		result.messages.forEach((message, k) => {
			expect(contentOf(platform, message.payload).startsWith(`补货提醒 Restock alerts (${k + 1}/${n})\n`)).toBe(true);
		});
	});
});

describe('signature room in Feishu bodies', () => {
	it('a signed body stays within 20 KB when the unsigned one was packed to the limit', () => {
		const lines = Array.from({ length: 400 }, (_, i) => alertLine(i));
		const { messages } = composeMessages(feishu, lines, { format: 'text', header: '', mentions: NO_MENTIONS });
		for (const message of messages) {
			const timestamp = 1718000000;
			const signed = { timestamp: String(timestamp), sign: feishuSignature('secret', timestamp), ...message.payload };
			expect(jsonBodyBytes(signed)).toBeLessThanOrEqual(20_000);
		}
	});
});

describe('mentions', () => {
	const mentions: Mentions = { mobiles: ['13800001111'], userIds: ['zhangsan'], all: true };
	const lines = Array.from({ length: 60 }, (_, i) => alertLine(i));

	it('WeCom text: mentioned_list (user ids, "@all") and mentioned_mobile_list on the first message only', () => {
		const { messages } = composeMessages(weCom, lines, { format: 'text', header: '', mentions });
		expect(messages.length).toBeGreaterThan(1);
		expect(messages[0].payload).toEqual({
			msgtype: 'text',
			text: { content: expect.any(String), mentioned_list: ['zhangsan', '@all'], mentioned_mobile_list: ['13800001111'] },
		});
		for (const later of messages.slice(1)) expect(later.payload).toEqual({ msgtype: 'text', text: { content: expect.any(String) } });
	});

	it('WeCom markdown: user ids as <@userid> in the content; mobiles and @all are not possible', () => {
		const { messages } = composeMessages(weCom, lines.slice(0, 2), {
			format: 'markdown',
			header: '',
			mentions: { mobiles: [], userIds: ['zhangsan', 'lisi'], all: false },
		});
		expect(messages[0].payload).toEqual({ msgtype: 'markdown', markdown: { content: `${lines[0]}\n${lines[1]}\n<@zhangsan> <@lisi>` } });
		expect(unsupportedMentions(weCom, 'markdown', mentions)).toEqual(['mobile numbers', '@all']);
		expect(unsupportedMentions(weCom, 'text', mentions)).toEqual([]);
	});

	it('DingTalk: at.atMobiles / atUserIds / isAtAll, with @mobile written into the text', () => {
		const { messages } = composeMessages(dingTalk, ['库存告警'], { format: 'markdown', header: '补货提醒', mentions });
		expect(messages[0].payload).toEqual({
			msgtype: 'markdown',
			markdown: { title: '补货提醒', text: '补货提醒\n库存告警\n@13800001111 @zhangsan' },
			at: { atMobiles: ['13800001111'], atUserIds: ['zhangsan'], isAtAll: true },
		});
	});

	it('Feishu: <at user_id="…"> in text, <at id=…> in card markdown; no mobiles', () => {
		const who: Mentions = { mobiles: [], userIds: ['ou_abc'], all: true };
		const text = composeMessages(feishu, ['库存告警'], { format: 'text', header: '', mentions: who }).messages[0];
		expect(text.payload).toEqual({
			msg_type: 'text',
			content: { text: '库存告警\n<at user_id="ou_abc"></at> <at user_id="all">所有人</at>' },
		});
		const card = composeMessages(feishu, ['库存告警'], { format: 'markdown', header: '', mentions: who }).messages[0];
		expect(card.payload).toEqual({
			msg_type: 'interactive',
			card: { elements: [{ tag: 'markdown', content: '库存告警\n<at id=ou_abc></at> <at id=all></at>' }] },
		});
		expect(unsupportedMentions(feishu, 'text', mentions)).toEqual(['mobile numbers']);
	});
});

describe('edges', () => {
	it('no lines → no messages', () => {
		expect(composeMessages(weCom, [], { format: 'text', header: 'x', mentions: NO_MENTIONS })).toEqual({ messages: [], tooLong: [] });
	});

	it('a single line over the limit is reported, never cut', () => {
		const result = composeMessages(weCom, ['ok', '缺'.repeat(700), 'ok too'], { format: 'text', header: '', mentions: NO_MENTIONS });
		expect(result.tooLong).toEqual([1]);
		expect(result.messages.map((m) => m.lines)).toEqual([[0, 2]]);
	});

	it('one message: the header is not numbered', () => {
		const { messages } = composeMessages(weCom, ['a'], { format: 'text', header: 'Header', mentions: NO_MENTIONS });
		expect(messages[0].payload).toEqual({ msgtype: 'text', text: { content: 'Header\na' } });
	});

	it('a DingTalk markdown message without a header gets a default title', () => {
		const { messages } = composeMessages(dingTalk, ['a'], { format: 'markdown', header: '', mentions: NO_MENTIONS });
		expect(messages[0].payload).toEqual({ msgtype: 'markdown', markdown: { title: 'Notification 通知', text: 'a' } });
	});
});
