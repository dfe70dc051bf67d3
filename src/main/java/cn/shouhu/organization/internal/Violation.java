package cn.shouhu.organization.internal;

/** One broken rule on one field of a form or one column of an import row, as a message key and its arguments. */
public record Violation(String field, String messageKey, Object... args) {

	public Violation {
		args = args == null ? new Object[0] : args.clone();
	}

	@Override
	public Object[] args() {
		return args.clone();
	}

}
