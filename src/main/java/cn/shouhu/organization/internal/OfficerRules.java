package cn.shouhu.organization.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The format rules of an officer's own fields, shared by the forms, the import and the aggregate so that all three
 * say the same thing in the same words.
 */
public final class OfficerRules {

	/** 警号: six ASCII digits. */
	public static final Pattern BADGE_NO = Pattern.compile("^\\d{6}$");

	/**
	 * 姓名: 2 to 20 Chinese characters; the interpunct of transliterated minority names (巴特尔·额尔敦) is allowed
	 * between characters.
	 */
	public static final Pattern NAME = Pattern.compile("^\\p{IsHan}[\\p{IsHan}·]{0,18}\\p{IsHan}$");

	public static final int MAX_POSITION_LENGTH = 50;

	private OfficerRules() {
	}

	/** Trims and turns blanks into null, as every text field is read. */
	public static String clean(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	/** What is wrong with these values, field by field; empty when they are fine. */
	public static List<Violation> check(String badgeNo, String name, String position) {
		List<Violation> violations = new ArrayList<>();
		if (badgeNo == null) {
			violations.add(new Violation("badgeNo", "organization.officer.badgeNo.required"));
		}
		else if (!BADGE_NO.matcher(badgeNo).matches()) {
			violations.add(new Violation("badgeNo", "organization.officer.badgeNo.invalid", badgeNo));
		}
		if (name == null) {
			violations.add(new Violation("name", "organization.officer.name.required"));
		}
		else if (!NAME.matcher(name).matches()) {
			violations.add(new Violation("name", "organization.officer.name.invalid", name));
		}
		if (position != null && position.length() > MAX_POSITION_LENGTH) {
			violations.add(new Violation("position", "organization.officer.position.tooLong", MAX_POSITION_LENGTH));
		}
		return violations;
	}

}
