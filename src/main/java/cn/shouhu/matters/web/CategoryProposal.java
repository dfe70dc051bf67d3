package cn.shouhu.matters.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proposes a category from the matter's text by keywords, until the classifier replaces it: the category whose
 * keywords occur most often wins; no keyword at all proposes nothing. Codes are those of {@code matter_category}.
 */
final class CategoryProposal {

	/** Keywords per category code, as people write them in help requests and complaints. */
	private static final Map<String, List<String>> KEYWORDS = new LinkedHashMap<>();

	static {
		KEYWORDS.put("EMERGENCY", List.of("锁在", "反锁", "被锁", "开锁", "走失", "被困", "困在", "落水", "救援", "急救",
				"119", "120", "轻生", "跳楼"));
		KEYWORDS.put("HOUSEHOLD", List.of("户口", "身份证", "户籍", "落户", "迁入", "迁出", "居住证", "更名", "出生登记"));
		KEYWORDS.put("EXIT_ENTRY", List.of("护照", "港澳", "通行证", "签证", "出入境", "签注", "台湾"));
		KEYWORDS.put("TRAFFIC", List.of("交通", "车辆", "驾驶证", "违章", "违停", "停车", "红绿灯", "信号灯", "车牌",
				"酒驾", "事故", "拥堵"));
		KEYWORDS.put("PUBLIC_ORDER", List.of("噪音", "扰民", "广场舞", "赌博", "打架", "斗殴", "喧哗", "娱乐场所", "KTV",
				"烧烤", "治安"));
		KEYWORDS.put("CRIME", List.of("盗窃", "被偷", "抢劫", "抢夺", "被盗", "诈骗案", "伤害", "毒品", "吸毒", "入室"));
		KEYWORDS.put("FRAUD", List.of("电信诈骗", "网络诈骗", "刷单", "冒充", "转账", "验证码", "网贷", "投资理财",
				"客服", "骗"));
		KEYWORDS.put("CYBER", List.of("网络", "网站", "谣言", "黑客", "个人信息泄露", "网暴", "直播", "赌博网站"));
		KEYWORDS.put("DISPUTE", List.of("纠纷", "邻居", "矛盾", "家暴", "吵架", "欠款", "物业", "工资", "拖欠"));
		KEYWORDS.put("ENTERPRISE", List.of("企业", "公司", "营商环境", "厂", "商户", "经营", "涉企"));
		KEYWORDS.put("CONDUCT", List.of("民警态度", "态度恶劣", "不作为", "乱作为", "吃拿卡要", "推诿", "作风",
				"辅警"));
	}

	private CategoryProposal() {
	}

	/** The proposed category code for this title and text, if any keyword occurs. */
	static Optional<String> propose(String title, String text) {
		String all = (title == null ? "" : title) + "\n" + (text == null ? "" : text);
		String best = null;
		int bestScore = 0;
		for (Map.Entry<String, List<String>> category : KEYWORDS.entrySet()) {
			int score = 0;
			for (String keyword : category.getValue()) {
				score += occurrences(all, keyword) * keyword.length();
			}
			if (score > bestScore) {
				best = category.getKey();
				bestScore = score;
			}
		}
		return Optional.ofNullable(best);
	}

	private static int occurrences(String text, String keyword) {
		int count = 0;
		for (int at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + keyword.length())) {
			count++;
		}
		return count;
	}

}
