package cn.shouhu.shared;

/** The action collides with the record's state or with a concurrent change: 409, nothing was written. */
public class ConflictException extends UserFacingException {

	public ConflictException(String messageKey, Object... args) {
		super(messageKey, args);
	}

}
