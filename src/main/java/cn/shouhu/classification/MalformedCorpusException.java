package cn.shouhu.classification;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import cn.shouhu.shared.InvalidInputException;

/**
 * A training or test file that cannot be read as a corpus. It names the line (1 is the header) and carries a
 * message key of {@code i18n/classification} for pages; {@link #getMessage()} is the English text for logs and the
 * command line.
 */
public class MalformedCorpusException extends InvalidInputException {

	private final int line;

	MalformedCorpusException(int line, String reason, Object... details) {
		super("classification.corpus." + reason, withLine(line, details));
		this.line = line;
	}

	/** The line the problem is on, counting the header as line 1; 0 when it concerns the whole file. */
	public int line() {
		return line;
	}

	@Override
	public String getMessage() {
		ResourceBundle bundle = ResourceBundle.getBundle("i18n/classification", Locale.ENGLISH);
		return new MessageFormat(bundle.getString(messageKey()), Locale.ENGLISH).format(args());
	}

	private static Object[] withLine(int line, Object[] details) {
		Object[] args = new Object[details.length + 1];
		args[0] = String.valueOf(line);
		System.arraycopy(details, 0, args, 1, details.length);
		return args;
	}

}
