package cn.shouhu.classification;

/**
 * One message and its category: a training or test example. {@code label} is {@code null} for an unlabelled
 * message (used only to learn word statistics and for self-training).
 */
public record LabelledText(String subject, String detail, String label) {

	public LabelledText {
		subject = subject == null ? "" : subject;
		detail = detail == null ? "" : detail;
	}

	public static LabelledText unlabelled(String subject, String detail) {
		return new LabelledText(subject, detail, null);
	}

	public boolean labelled() {
		return label != null && !label.isBlank();
	}

}
