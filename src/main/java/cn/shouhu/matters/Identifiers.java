package cn.shouhu.matters;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Checks for the identifiers a submitter gives: a mainland mobile number, an 18-digit 居民身份证号 (GB 11643-1999,
 * check character by ISO 7064 MOD 11-2) and an enterprise's 统一社会信用代码 (GB 32100-2015, check character
 * MOD 31). Each takes the normalised text (trimmed, upper case) and says yes or no; null is never valid.
 */
public final class Identifiers {

	private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");

	private static final Pattern ID_NUMBER = Pattern.compile("^[1-9]\\d{16}[0-9X]$");

	/** ISO 7064 MOD 11-2 weights 2^(17-i) mod 11, and the check character for each remainder. */
	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String ID_CHECK = "10X98765432";

	/** The 31 characters of GB 32100-2015, their values 0–30: no I, O, S, V, Z. */
	private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	/** Weights 3^i mod 31. */
	private static final int[] CREDIT_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	/** 登记管理部门代码 + 机构类别代码 (positions 1–2) and 登记管理机关行政区划码 (positions 3–8, digits). */
	private static final Pattern CREDIT_CODE = Pattern.compile("^[1-9A-HJ-NP-RTUWXY][1-9A-HJ-NP-RTUWXY]\\d{6}["
			+ CREDIT_CHARS + "]{10}$");

	private Identifiers() {
	}

	/** 手机号: 11 digits, {@code 1[3-9]} then nine more. */
	public static boolean isMobilePhone(String phone) {
		return phone != null && MOBILE.matcher(phone).matches();
	}

	/**
	 * An 18-digit 身份证号 with a real date of birth no earlier than 1900 (a living person) and the right check
	 * character.
	 */
	public static boolean isIdNumber(String idNumber) {
		if (idNumber == null || !ID_NUMBER.matcher(idNumber).matches()) {
			return false;
		}
		try {
			LocalDate birth = LocalDate.of(Integer.parseInt(idNumber.substring(6, 10)),
					Integer.parseInt(idNumber.substring(10, 12)), Integer.parseInt(idNumber.substring(12, 14)));
			if (birth.getYear() < 1900) {
				return false;
			}
		}
		catch (DateTimeException e) {
			return false;
		}
		return idNumber.charAt(17) == idNumberCheckChar(idNumber.substring(0, 17));
	}

	/** The check character of a 身份证号 for its first 17 digits. */
	public static char idNumberCheckChar(String first17) {
		if (first17 == null || !first17.matches("\\d{17}")) {
			throw new IllegalArgumentException("Not 17 digits: " + first17);
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return ID_CHECK.charAt(sum % 11);
	}

	/** A 统一社会信用代码: 18 characters of the GB 32100 alphabet with the right check character. */
	public static boolean isCreditCode(String code) {
		if (code == null || !CREDIT_CODE.matcher(code).matches()) {
			return false;
		}
		return code.charAt(17) == creditCodeCheckChar(code.substring(0, 17));
	}

	/** The check character of a 统一社会信用代码 for its first 17 characters. */
	public static char creditCodeCheckChar(String first17) {
		if (first17 == null || first17.length() != 17) {
			throw new IllegalArgumentException("Not 17 characters: " + first17);
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = CREDIT_CHARS.indexOf(first17.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("Not a GB 32100 character: " + first17.charAt(i));
			}
			sum += value * CREDIT_WEIGHTS[i];
		}
		return CREDIT_CHARS.charAt((31 - sum % 31) % 31);
	}

}
