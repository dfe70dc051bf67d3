package cn.shouhu.shared;

import java.util.Locale;

/**
 * Masks personal data wherever it leaves its record: audit trails, logs and list views show
 * {@code 138****5678}, never the whole number.
 */
public final class PersonalData {

	private PersonalData() {
	}

	public static String maskPhone(String phone) {
		if (phone == null || phone.length() < 7) {
			return phone == null ? null : "****";
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

	/** 18-digit 身份证号: keeps the first 6 (region) and the last 4. */
	public static String maskIdNumber(String idNumber) {
		if (idNumber == null || idNumber.length() < 10) {
			return idNumber == null ? null : "****";
		}
		return idNumber.substring(0, 6) + "********" + idNumber.substring(idNumber.length() - 4);
	}

	/** A field name that holds personal data of the public or a secret. */
	public static boolean isSensitiveField(String field) {
		String f = field.toLowerCase(Locale.ROOT);
		return f.contains("phone") || f.contains("mobile") || f.contains("idnumber") || f.contains("id_number")
				|| f.contains("password") || f.contains("secret") || f.endsWith("pin");
	}

	/** Masks a value by its field name; secrets are replaced whole. */
	public static Object mask(String field, Object value) {
		if (value == null || !isSensitiveField(field)) {
			return value;
		}
		String f = field.toLowerCase(Locale.ROOT);
		if (f.contains("password") || f.contains("secret") || f.endsWith("pin")) {
			return "******";
		}
		if (f.contains("idnumber") || f.contains("id_number")) {
			return maskIdNumber(value.toString());
		}
		return maskPhone(value.toString());
	}

}
