package cn.shouhu.shared;

import java.util.Arrays;

/**
 * A domain failure the user must be told about. It carries a message-bundle key and its arguments, never
 * user-facing text, so the page or API answers in the user's language and never leaks internals.
 */
public abstract class UserFacingException extends RuntimeException {

	private final String messageKey;

	private final Object[] args;

	protected UserFacingException(String messageKey, Object... args) {
		super(messageKey + Arrays.toString(args));
		this.messageKey = messageKey;
		this.args = args.clone();
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args.clone();
	}

}
