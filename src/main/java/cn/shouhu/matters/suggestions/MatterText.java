package cn.shouhu.matters.suggestions;

/** What the suggestions read of a matter, new or stored: its title, text and place. Any part may be blank. */
public record MatterText(String title, String description, String address, String community) {

	/** Whether there is any text to read at all. */
	public boolean hasText() {
		return !blank(title) || !blank(description);
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
