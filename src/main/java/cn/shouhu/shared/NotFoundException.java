package cn.shouhu.shared;

/** A record that does not exist, or that the staff member's data scope hides: both answer 404. */
public class NotFoundException extends UserFacingException {

	public NotFoundException(String messageKey, Object... args) {
		super(messageKey, args);
	}

}
