/**
 * The sentiment lexicon of Tag Matrix: a small CURATED SUBSET, written for shop reviews, of
 * published opinion lexicons — it is not a copy of any of them (they could not be downloaded
 * here, and most of their entries never occur in a product review).
 *
 * Sources of the words' polarity:
 * - Chinese: HowNet 情感分析用词语集 (Dong & Dong, HowNet, 2007: 正面/负面评价词语) and NTUSD,
 *   the National Taiwan University Sentiment Dictionary (Ku & Chen, "Mining opinions from the
 *   Web: beyond relevance retrieval", JASIST 58(12), 2007). Words marked "shop" below are
 *   e-commerce review words (好评, 回购, 掉色 …) with the polarity they carry on the platforms'
 *   review pages; they are not in those general lexicons.
 * - English: the opinion lexicon of Hu & Liu ("Mining and summarizing customer reviews",
 *   KDD 2004), positive-words.txt / negative-words.txt.
 *
 * Negators (否定词): 不 / 没 / 没有 / 别 / 非 / 无 / 未 and not / no / never / n't …; the rule that
 * uses them is in sentiment.ts. GUARD_WORDS are words that begin with a negator but negate
 * nothing (非常 "very", 不错 is a positive entry): the longest match wins, so they are read whole.
 */

/** Chinese positive words (HowNet / NTUSD positive evaluation words, "shop" additions). */
export const ZH_POSITIVE: readonly string[] = [
	'好', '很好', '满意', '喜欢', '推荐', '值得', '划算', '实惠', '优秀', '完美', '精致', '漂亮', '舒服', '舒适', '好用',
	'好吃', '好看', '好闻', '正品', '新鲜', '快', '迅速', '及时', '耐心', '热情', '贴心', '周到', '惊喜', '开心', '放心',
	'不错', '没问题', '靠谱', '物美价廉', '性价比高', '赞', '棒', '满分',
	// shop
	'好评', '回购', '五星', '必买', '无限回购',
];

/** Chinese negative words (HowNet / NTUSD negative evaluation words, "shop" additions). */
export const ZH_NEGATIVE: readonly string[] = [
	'差', '很差', '失望', '垃圾', '糟糕', '难用', '难吃', '难看', '难闻', '慢', '破', '坏', '烂', '假', '假货', '劣质',
	'粗糙', '生气', '后悔', '麻烦', '过敏', '无语', '坑', '骗', '敷衍', '态度差', '贵', '不值',
	// shop
	'差评', '退货', '退款', '掉色', '起球', '漏液', '破损', '发霉', '过期', '色差', '异味',
];

/** English positive words (Hu & Liu 2004, positive-words.txt). */
export const EN_POSITIVE: readonly string[] = [
	'good', 'great', 'excellent', 'love', 'loved', 'loves', 'like', 'liked', 'nice', 'perfect', 'amazing', 'awesome',
	'happy', 'recommend', 'recommended', 'fast', 'quick', 'beautiful', 'fresh', 'worth', 'satisfied', 'best',
	'comfortable', 'soft', 'gorgeous', 'fantastic', 'helpful', 'genuine',
];

/** English negative words (Hu & Liu 2004, negative-words.txt). */
export const EN_NEGATIVE: readonly string[] = [
	'bad', 'poor', 'terrible', 'awful', 'horrible', 'worst', 'hate', 'hated', 'broken', 'broke', 'fake', 'slow',
	'disappointed', 'disappointing', 'disappointment', 'expensive', 'cheap', 'damaged', 'defective', 'problem',
	'problems', 'refund', 'return', 'returned', 'rude', 'smelly', 'waste', 'wrong', 'useless', 'allergic',
];

/** Chinese negators (否定词): the ones issue 10 names, with 无 and 未 (Chinese grammars list both). */
export const ZH_NEGATORS: readonly string[] = ['不', '没', '没有', '别', '非', '无', '未', '不是', '并不', '从不', '从没'];

/** English negators; any word ending in n't (don't, wasn't) is one too. */
export const EN_NEGATORS: readonly string[] = [
	'not', 'no', 'never', 'none', 'nothing', 'neither', 'nor', 'without', 'cannot',
	'dont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'arent', 'werent', 'cant', 'wont', 'couldnt', 'wouldnt', 'hardly',
];

/** Words that begin with a negator but negate nothing: read whole, they shield the next word. */
export const GUARD_WORDS: readonly string[] = ['非常', '无论', '不仅', '不但', '没想到', '不过', '别的', '未来'];
