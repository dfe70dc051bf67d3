package cn.shouhu.matters;

/** Open311's two states of a request: open until the matter is closed (办结). */
public enum PublicStatus {

	OPEN, CLOSED;

	static PublicStatus of(MatterState state) {
		return state == MatterState.CLOSED ? CLOSED : OPEN;
	}

}
