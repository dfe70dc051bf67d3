package cn.shouhu.matters;

/** The submitter's personal data that pages show masked and reveal one field at a time (显示完整号码). */
public enum PersonalField {

	/** 手机. */
	PHONE("phone"),
	/** 身份证号. */
	ID_NUMBER("idNumber");

	private final String fieldName;

	PersonalField(String fieldName) {
		this.fieldName = fieldName;
	}

	/** The name the audit record gives the field; never its value. */
	public String fieldName() {
		return fieldName;
	}

	String of(Submitter submitter) {
		return this == PHONE ? submitter.phone() : submitter.idNumber();
	}

}
