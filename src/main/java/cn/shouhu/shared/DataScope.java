package cn.shouhu.shared;

/**
 * Which units' data a staff member may see or change: everything, or the subtree of one unit, given by that
 * unit's materialised path ({@code /1/4/9/}). Queries bind {@link #unrestricted()} and {@link #likePattern()} as
 * parameters, never as SQL text: {@code WHERE (:scopeAll OR u.path LIKE :scopePath)}.
 */
public record DataScope(boolean unrestricted, String unitPath) {

	private static final java.util.regex.Pattern UNIT_PATH = java.util.regex.Pattern.compile("^/(\\d+/)+$");

	private static final DataScope ALL = new DataScope(true, "/");

	/** Matches no unit: for a staff member whose role grants no access to the data at hand. */
	private static final DataScope NONE = new DataScope(false, "#none#");

	public static DataScope all() {
		return ALL;
	}

	public static DataScope none() {
		return NONE;
	}

	public static DataScope subtree(String unitPath) {
		if (unitPath == null || !UNIT_PATH.matcher(unitPath).matches()) {
			throw new IllegalArgumentException("Not a unit path: " + unitPath);
		}
		return new DataScope(false, unitPath);
	}

	public boolean isNone() {
		return this.equals(NONE);
	}

	/** The LIKE pattern for the subtree; a path holds only digits and slashes, so nothing needs escaping. */
	public String likePattern() {
		return unitPath + "%";
	}

	public boolean covers(String path) {
		return unrestricted || (path != null && path.startsWith(unitPath));
	}

}
