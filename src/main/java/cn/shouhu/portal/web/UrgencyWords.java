package cn.shouhu.portal.web;

import java.util.List;

/**
 * Words that mean something is happening now and needs 110, not a message that is read in working hours. The
 * form's script shows the 110 advice as soon as one is typed; the receipt shows it again, so that a visitor
 * without JavaScript is told as well.
 */
final class UrgencyWords {

	static final List<String> WORDS = List.of("被困", "持刀", "持枪", "着火", "起火", "失火", "正在", "救命", "跳楼",
			"轻生", "自杀", "绑架", "抢劫", "砍人", "打人", "爆炸", "煤气泄漏", "溺水", "车祸", "快来");

	private UrgencyWords() {
	}

	/** The words joined for the form's {@code data-urgent-words} attribute. */
	static String joined() {
		return String.join(",", WORDS);
	}

	static boolean anyIn(String... texts) {
		for (String text : texts) {
			if (text != null && WORDS.stream().anyMatch(text::contains)) {
				return true;
			}
		}
		return false;
	}

}
