package cn.shouhu.shared;

/** The input breaks a business rule (a duplicate 警号, a unit moved under its own child): 422, nothing changed. */
public class InvalidInputException extends UserFacingException {

	private final String field;

	public InvalidInputException(String messageKey, Object... args) {
		this(null, messageKey, args);
	}

	/** @param field the form field the message belongs to, so a page can show it beside that field */
	public InvalidInputException(String field, String messageKey, Object[] args) {
		super(messageKey, args);
		this.field = field;
	}

	public static InvalidInputException onField(String field, String messageKey, Object... args) {
		return new InvalidInputException(field, messageKey, args);
	}

	public String field() {
		return field;
	}

}
