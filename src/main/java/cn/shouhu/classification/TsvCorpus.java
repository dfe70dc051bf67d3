package cn.shouhu.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads messages from UTF-8 tab-separated text with a header row. It finds the columns {@code subject},
 * {@code detail} and {@code category} by name and ignores all others. Fields are not quoted: a field cannot contain
 * a tab or a line break. Blank lines are skipped; every other line must have as many fields as the header.
 */
public final class TsvCorpus {

	private static final String SUBJECT = "subject";

	private static final String DETAIL = "detail";

	private static final String CATEGORY = "category";

	private TsvCorpus() {
	}

	/** Labelled messages from a file. */
	public static List<LabelledText> read(Path path) {
		return read(path, true);
	}

	/** Labelled messages; every row needs a non-empty {@code category}. */
	public static List<LabelledText> read(Reader reader) {
		return read(reader, true);
	}

	/** Unlabelled messages from a file: only {@code subject} and {@code detail} are needed. */
	public static List<LabelledText> readUnlabelled(Path path) {
		return read(path, false);
	}

	/** Unlabelled messages: only {@code subject} and {@code detail} are needed. */
	public static List<LabelledText> readUnlabelled(Reader reader) {
		return read(reader, false);
	}

	/**
	 * A published category tree as prior knowledge for {@link TextModel#train(List, List, List)}: columns
	 * {@code level1} (the category), {@code level2} and {@code level3} (topic names) with a header row; each row
	 * becomes a short labelled pseudo-document with {@code level2} as subject and {@code level3} as text.
	 */
	public static List<LabelledText> readTaxonomy(Path path) {
		return parse(lines(path), TAXONOMY);
	}

	private static final Columns MESSAGES = new Columns(SUBJECT, DETAIL, CATEGORY);

	private static final Columns TAXONOMY = new Columns("level2", "level3", "level1");

	/** Which header names hold the subject, the text and the category. */
	private record Columns(String subject, String detail, String category) {
	}

	private static List<LabelledText> read(Path path, boolean labelled) {
		return parse(lines(path), labelled);
	}

	private static List<String> lines(Path path) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(path);
		}
		catch (NoSuchFileException ex) {
			throw new MalformedCorpusException(0, "missingFile", path.toString());
		}
		catch (IOException ex) {
			throw new MalformedCorpusException(0, "unreadable", path + ": " + ex.getMessage());
		}
		// Decoded line by line with a strict decoder, so a file in GBK fails naming its first bad line instead of
		// reading as noise.
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		List<String> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= bytes.length; i++) {
			if (i == bytes.length || bytes[i] == '\n') {
				if (i == bytes.length && start == i) {
					break;
				}
				try {
					String line = decoder.decode(ByteBuffer.wrap(bytes, start, i - start)).toString();
					lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
				}
				catch (CharacterCodingException ex) {
					throw new MalformedCorpusException(lines.size() + 1, "encoding");
				}
				start = i + 1;
			}
		}
		return lines;
	}

	private static List<LabelledText> read(Reader source, boolean labelled) {
		try {
			BufferedReader reader = source instanceof BufferedReader buffered ? buffered : new BufferedReader(source);
			return parse(reader.lines().toList(), labelled);
		}
		catch (UncheckedIOException ex) {
			throw new MalformedCorpusException(0, "unreadable", ex.getCause().getMessage());
		}
	}

	private static List<LabelledText> parse(List<String> lines, boolean labelled) {
		return parse(lines, labelled ? MESSAGES : new Columns(SUBJECT, DETAIL, null));
	}

	private static List<LabelledText> parse(List<String> lines, Columns names) {
		boolean labelled = names.category() != null;
		if (lines.isEmpty() || lines.get(0).isBlank()) {
			throw new MalformedCorpusException(0, "empty");
		}
		String header = lines.get(0);
		checkEncoding(header, 1);
		if (header.charAt(0) == '\uFEFF') {
			header = header.substring(1);
		}
		List<String> columns = Arrays.stream(header.split("\t", -1)).map(c -> c.strip().toLowerCase()).toList();
		int subject = column(columns, names.subject());
		int detail = column(columns, names.detail());
		int category = labelled ? column(columns, names.category()) : -1;
		List<LabelledText> texts = new ArrayList<>();
		for (int n = 1; n < lines.size(); n++) {
			String line = lines.get(n);
			int lineNumber = n + 1;
			checkEncoding(line, lineNumber);
			if (line.isBlank()) {
				continue;
			}
			String[] fields = line.split("\t", -1);
			if (fields.length != columns.size()) {
				throw new MalformedCorpusException(lineNumber, "fieldCount", columns.size(), fields.length);
			}
			String label = category >= 0 ? fields[category].strip() : null;
			if (labelled && label.isEmpty()) {
				throw new MalformedCorpusException(lineNumber, "emptyCategory");
			}
			String s = fields[subject].strip();
			String d = fields[detail].strip();
			if (s.isEmpty() && d.isEmpty()) {
				throw new MalformedCorpusException(lineNumber, "emptyText");
			}
			texts.add(new LabelledText(s, d, label));
		}
		if (texts.isEmpty()) {
			throw new MalformedCorpusException(0, "noRows");
		}
		return texts;
	}

	private static int column(List<String> columns, String name) {
		int index = columns.indexOf(name);
		if (index < 0) {
			throw new MalformedCorpusException(1, "missingColumn", name, String.join(", ", columns));
		}
		return index;
	}

	/** A decoder that replaces bad bytes leaves U+FFFD; treat it as the encoding error it is. */
	private static void checkEncoding(String line, int lineNumber) {
		if (line.indexOf('\uFFFD') >= 0) {
			throw new MalformedCorpusException(lineNumber, "encoding");
		}
	}

}
