package cn.shouhu.matters;

import java.util.Locale;

import cn.shouhu.shared.InvalidInputException;

/**
 * Who raised the matter: a named person with a mobile number, optionally their 身份证号 and the enterprise they
 * speak for with its 统一社会信用代码; or nobody, for an anonymous tip-off (举报).
 */
public record Submitter(boolean anonymous, String name, String phone, String idNumber, String enterpriseName,
		String creditCode) {

	public Submitter {
		name = Texts.trimToNull(name);
		phone = Texts.trimToNull(phone);
		idNumber = upper(Texts.trimToNull(idNumber));
		enterpriseName = Texts.trimToNull(enterpriseName);
		creditCode = upper(Texts.trimToNull(creditCode));
	}

	public static Submitter anonymousPerson() {
		return new Submitter(true, null, null, null, null, null);
	}

	public static Submitter person(String name, String phone) {
		return new Submitter(false, name, phone, null, null, null);
	}

	/** Checks the submitter against the rules for this kind of matter; an anonymous one keeps no details. */
	Submitter validatedFor(MatterKind kind) {
		if (anonymous) {
			if (kind != MatterKind.TIP_OFF) {
				throw InvalidInputException.onField("submitter.anonymous", "matters.submitter.anonymousOnlyTipOff");
			}
			return anonymousPerson();
		}
		Texts.required(name, 50, "submitter.name");
		if (phone == null) {
			throw InvalidInputException.onField("submitter.phone", "matters.input.required");
		}
		if (!Identifiers.isMobilePhone(phone)) {
			throw InvalidInputException.onField("submitter.phone", "matters.submitter.phone.invalid");
		}
		if (idNumber != null && !Identifiers.isIdNumber(idNumber)) {
			throw InvalidInputException.onField("submitter.idNumber", "matters.submitter.idNumber.invalid");
		}
		Texts.requireMaxLength(enterpriseName, 200, "submitter.enterpriseName");
		if (creditCode != null && !Identifiers.isCreditCode(creditCode)) {
			throw InvalidInputException.onField("submitter.creditCode", "matters.submitter.creditCode.invalid");
		}
		if (creditCode != null && enterpriseName == null) {
			throw InvalidInputException.onField("submitter.enterpriseName",
					"matters.submitter.enterpriseName.required");
		}
		return this;
	}

	/** Whether these are the last four digits of the submitter's phone: how the public proves it is theirs. */
	public boolean phoneEndsWith(String lastFour) {
		return phone != null && lastFour != null && lastFour.strip().length() == 4 && phone.endsWith(lastFour.strip());
	}

	private static String upper(String text) {
		return text == null ? null : text.toUpperCase(Locale.ROOT);
	}

}
